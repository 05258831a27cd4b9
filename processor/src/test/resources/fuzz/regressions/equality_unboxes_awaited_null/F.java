/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package fuzz.regressions.equality_unboxes_awaited_null;

import static dev.asyncfn.runtime.Futures.await;
import static dev.asyncfn.testing.TestFutures.later;
import static dev.asyncfn.testing.Trace.log;

import dev.asyncfn.Async;

/** Minimised by hand from random program 100230, method m0. */
public class F {
  static Integer sn;
  static int count;

  static void reset() {
    sn = null;
    count = 0;
  }

  @Async
  static boolean m0() {
    // a left operand whose type the processor does not know (a cast in a sum): held converted
    boolean v = (((int) Integer.valueOf(6)) + (count++)) != await(later(sn));
    log("t2 " + v);
    return v;
  }
}
