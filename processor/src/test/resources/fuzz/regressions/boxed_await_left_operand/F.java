/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package fuzz.regressions.boxed_await_left_operand;

import static dev.asyncfn.runtime.Futures.await;
import static dev.asyncfn.testing.TestFutures.later;

import dev.asyncfn.Async;

/** Minimised by hand from random program 700011, method m7. */
public class F {
  static void reset() {
  }

  @Async
  static int m0() {
    return await(later('a')) * await(later(Short.valueOf((short) -2)));
  }
}
