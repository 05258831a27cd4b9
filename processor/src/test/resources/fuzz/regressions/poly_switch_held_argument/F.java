/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package fuzz.regressions.poly_switch_held_argument;

import static dev.asyncfn.runtime.Futures.await;
import static dev.asyncfn.testing.TestFutures.later;
import static dev.asyncfn.testing.Trace.log;

import dev.asyncfn.Async;

/** Minimised by hand from random programs 700005 (m2) and 700070 (m2, m3, m4). */
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
  static int m0() {
    return f3(1, 2, switch (sc) {
      case 1 -> sc + 'b';
      default -> await(later((byte) 5));
    });
  }
}
