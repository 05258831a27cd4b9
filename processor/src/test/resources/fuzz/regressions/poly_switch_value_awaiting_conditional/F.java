/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package fuzz.regressions.poly_switch_value_awaiting_conditional;

import static dev.asyncfn.runtime.Futures.await;
import static dev.asyncfn.testing.TestFutures.later;
import static dev.asyncfn.testing.Trace.log;

import dev.asyncfn.Async;

/** Minimised by hand from random program 100159, method m1. */
public class F {
  static int sc;

  static void reset() {
    sc = 0;
  }

  static int i(String name, int v) {
    log(name + "=" + v);
    return v;
  }

  @Async
  static int m0() {
    return i("t6", switch (sc) {
      case 1 -> ((byte) -3);
      case 0 -> (sc < 1) ? Byte.valueOf((byte) 8) : await(later('a'));
      default -> (sc > 5) ? Byte.valueOf((byte) 8) : await(later('a'));
    });
  }
}
