/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package fuzz.regressions.for_each_over_awaited_null_array;

import static dev.asyncfn.runtime.Futures.await;
import static dev.asyncfn.testing.TestFutures.ready;

import dev.asyncfn.Async;

/** Minimised by hand from random program 700060, method m0. */
public class F {
  static void reset() {
  }

  @Async
  static long m0() {
    long sum = 0;
    for (long x : await(ready((int[]) null))) {
      sum += x;
    }
    return sum;
  }
}
