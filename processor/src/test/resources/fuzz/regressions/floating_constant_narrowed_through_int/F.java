/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package fuzz.regressions.floating_constant_narrowed_through_int;

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

/** Generated from seed 600433. */
public class F {
  static int sc;

  static void reset() {
    sc = 0;
  }

  static int f3(int a, int b, int c) {
    log("f3(" + a + ", " + b + ", " + c + ")");
    return a * 100 + b * 10 + c;
  }

  @Async
  void m0(Integer p0, double p1) {}

  @Async
  static Long m2() throws TimeoutException {
    final int v2 = ((byte) ((char) 1e10));
    await(FAsync.m0(new F(), ((Integer) f3(F.sc, (sc += await(later(v2))), 0)), switch ((await(TestFutures.<Integer, TimeoutException>laterThrow(new TimeoutException("t5"))) & 3)) {
      default -> {
        yield Double.valueOf(0.5);
      }
    }));
    return null;
  }
}
