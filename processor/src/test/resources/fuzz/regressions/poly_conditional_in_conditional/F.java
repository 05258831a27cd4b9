/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package fuzz.regressions.poly_conditional_in_conditional;

import static dev.asyncfn.runtime.Futures.await;
import static dev.asyncfn.testing.TestFutures.later;

import dev.asyncfn.Async;

/** Minimised by hand from random program 700063, method m0. */
public class F {
  static int sc;

  static void reset() {
    sc = 0;
  }

  @Async
  static int m0() {
    final int v = sc == 0 ? (sc == 1 ? Integer.valueOf(1) : await(later((short) 2))) : 5;
    return v;
  }
}
