/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package cases.multicatch;

import static dev.asyncfn.runtime.Futures.await;
import static dev.asyncfn.testing.TestFutures.later;
import static dev.asyncfn.testing.TestFutures.laterFail;

import dev.asyncfn.Async;

/** Multi-catch around awaits: the catch parameter's type is a union. */
public class MultiCatch {

  @Async
  static String multiCatch(int which) {
    try {
      switch (which) {
        case 0:
          await(laterFail(new IllegalArgumentException("arg")));
          break;
        case 1:
          await(laterFail(new IllegalStateException("state")));
          break;
        case 2:
          await(laterFail(new ArithmeticException("math")));
          break;
        default:
          await(later(0));
      }
      return "none";
    } catch (IllegalArgumentException | IllegalStateException e) {
      return "multi " + e.getClass().getSimpleName() + " " + await(later(e.getMessage()));
    } catch (RuntimeException e) {
      return "runtime " + e.getMessage();
    }
  }

  /** The union-typed parameter is used after an await inside the catch block. */
  @Async
  static String unionParameterLiveAcrossAwait(boolean first) {
    try {
      if (first) {
        await(laterFail(new ArrayIndexOutOfBoundsException("index")));
      } else {
        await(laterFail(new NumberFormatException("number")));
      }
      return "none";
    } catch (ArrayIndexOutOfBoundsException | NumberFormatException e) {
      await(later(0));
      return e.getClass().getSimpleName() + ": " + e.getMessage();
    }
  }
}
