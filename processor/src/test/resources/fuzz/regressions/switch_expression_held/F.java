/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package fuzz.regressions.switch_expression_held;

import static dev.asyncfn.runtime.Futures.await;
import static dev.asyncfn.testing.TestFutures.later;
import static dev.asyncfn.testing.TestFutures.laterIo;
import static dev.asyncfn.testing.TestFutures.ready;
import static dev.asyncfn.testing.Trace.log;
import static dev.asyncfn.testing.Trace.logged;

import dev.asyncfn.Async;
import dev.asyncfn.testing.TestFutures;
import java.io.IOException;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeoutException;

/** Minimised from random program 100001, method m3. */
public class F {
  static String ss = "s";

  static void reset() {
    ss = "s";
  }

  static final class Box {
    int v;

    Box(int v) {
      this.v = v;
    }

    @Override
    public String toString() {
      return "Box(" + v + ")";
    }
  }

  @Async
  Integer m3() {
    int[] v9 = (new int[] {switch (ss) {
      case "a", "xyz" -> {
        yield Short.valueOf((short) 8);
      }
      default -> 8;
    }, (~await(later(0))), new Box(9).v});
    return Integer.valueOf(2);
  }
}
