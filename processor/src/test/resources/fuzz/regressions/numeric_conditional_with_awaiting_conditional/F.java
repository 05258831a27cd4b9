/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package fuzz.regressions.numeric_conditional_with_awaiting_conditional;

import static dev.asyncfn.runtime.Futures.await;
import static dev.asyncfn.testing.TestFutures.later;
import static dev.asyncfn.testing.Trace.log;

import dev.asyncfn.Async;

/** Minimised by hand from random programs 100132 (m0) and 100727 (m0). */
public class F {
  static int sc;
  static Integer sn;

  static void reset() {
    sc = 0;
    sn = null;
  }

  static int f3(int a, int b, int c) {
    log("f3(" + a + ", " + b + ", " + c + ")");
    return a * 100 + b * 10 + c;
  }

  @Async
  static Integer m0() {
    return sc == 0 ? F.sn : (sc == 2 ? (F.sn + 2) : f3(0, await(later(1)), 1));
  }
}
