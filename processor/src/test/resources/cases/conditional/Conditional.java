/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package cases.conditional;

import static dev.asyncfn.runtime.Futures.await;
import static dev.asyncfn.testing.TestFutures.later;
import static dev.asyncfn.testing.Trace.log;
import static dev.asyncfn.testing.Trace.logged;

import dev.asyncfn.Async;

/** ?:, && and || only evaluate (and await) what Java would. */
public class Conditional {

  @Async
  static int ternaryAwaitInBranches(boolean b) {
    int r = b ? await(later(logged("then", 1))) : await(later(logged("else", 2)));
    return r * 10;
  }

  @Async
  static String ternaryAwaitInCondition(int n) {
    return await(later(n)) > 5 ? "big" : "small " + await(later(n));
  }

  @Async
  static boolean andShortCircuits(boolean left) {
    boolean r = logged("left", left) && await(later(logged("right", true)));
    log("r " + r);
    return r;
  }

  @Async
  static boolean orShortCircuits(boolean left) {
    boolean r = logged("left", left) || await(later(logged("right", false)));
    log("r " + r);
    return r;
  }

  @Async
  static String mixedInIfCondition(int n) {
    if (n > 0 && await(later(logged("a", n % 2 == 0))) || await(later(logged("b", n == -1)))) {
      return "yes";
    }
    return "no";
  }

  @Async
  static int nestedTernaries(int n) {
    return n < 0
        ? -1
        : n == 0 ? await(later(0)) : n < 10 ? await(later(n * 2)) : await(later(logged("big", 99)));
  }

  @Async
  static boolean awaitOnBothSidesOfAnd(int a, int b) {
    return await(later(logged("a", a > 0))) && await(later(logged("b", b > 0)));
  }
}
