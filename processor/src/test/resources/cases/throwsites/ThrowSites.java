/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package cases.throwsites;

import static dev.asyncfn.runtime.Futures.await;
import static dev.asyncfn.testing.TestFutures.later;
import static dev.asyncfn.testing.TestFutures.laterFail;
import static dev.asyncfn.testing.Trace.log;

import dev.asyncfn.Async;
import dev.asyncfn.runtime.Future;

/** Exceptions from where the awaited future is made, from its arguments, and Errors. */
public class ThrowSites {

  static Future<Integer> make(int n) {
    if (n < 0) {
      throw new IllegalArgumentException("no future for " + n);
    }
    return later(n);
  }

  static int check(int v) {
    if (v > 10) {
      throw new ArithmeticException("too big " + v);
    }
    return v;
  }

  @Async
  static String factoryThrowsBeforeTheAwait(int n) {
    try {
      return "got " + await(make(n));
    } catch (IllegalArgumentException e) {
      return "caught " + e.getMessage();
    }
  }

  @Async
  static String argumentThrowsAfterAnEarlierAwait(int n) {
    int a = 0;
    try {
      a = await(later(1));
      int b = check(await(later(n))) + check(n * 2);
      return "ok " + (a + b);
    } catch (ArithmeticException e) {
      log("a was " + a);
      return "caught " + e.getMessage();
    }
  }

  @Async
  static String errorsAreCaughtAsThrowable() {
    try {
      await(laterFail(new StackOverflowError("deep")));
      return "no";
    } catch (Throwable t) {
      return t.getClass().getSimpleName() + " " + t.getMessage();
    }
  }

  @Async
  static String catchParameterReassigned() {
    try {
      await(laterFail(new IllegalStateException("first")));
      return "no";
    } catch (RuntimeException e) {
      e = new RuntimeException("second " + await(later(2)));
      return e.getMessage();
    }
  }
}
