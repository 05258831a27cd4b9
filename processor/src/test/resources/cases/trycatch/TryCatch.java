/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package cases.trycatch;

import static dev.asyncfn.runtime.Futures.await;
import static dev.asyncfn.testing.TestFutures.later;
import static dev.asyncfn.testing.TestFutures.laterFail;
import static dev.asyncfn.testing.Trace.log;

import dev.asyncfn.Async;

/** try / catch / finally with awaits in every part. */
public class TryCatch {

  static final IllegalArgumentException SHARED = new IllegalArgumentException("shared");

  @Async
  static String awaitInTry(boolean fail) {
    try {
      log("try");
      int v = fail ? await(laterFail(new IllegalArgumentException("bad"))) : await(later(1));
      log("got " + v);
      return "ok " + v;
    } catch (IllegalArgumentException e) {
      log("caught " + e.getMessage());
      return "caught";
    }
  }

  @Async
  static String awaitInCatch() {
    try {
      await(laterFail(new IllegalStateException("first")));
      return "unreachable";
    } catch (RuntimeException e) {
      String m = await(later(e.getMessage()));
      log("in catch " + m);
      return "recovered " + m + " " + await(later(2));
    }
  }

  @Async
  static int awaitInFinally(boolean fail) {
    int x = 0;
    try {
      x = await(later(1));
      if (fail) {
        throw new IllegalStateException("in try " + x);
      }
      x++;
    } finally {
      log("finally sees " + x);
      int y = await(later(10));
      log("finally awaited " + y);
    }
    return x;
  }


  @Async
  static String nestedTries(int n) {
    StringBuilder sb = new StringBuilder();
    try {
      sb.append("o1 ");
      try {
        sb.append(await(later("i1 ")));
        if (n > 0) {
          throw new IllegalStateException("inner " + n);
        }
        sb.append("i2 ");
      } catch (IllegalStateException e) {
        sb.append(await(later("ic ")));
        if (n > 1) {
          throw new IllegalArgumentException("from inner catch " + n);
        }
      } finally {
        sb.append(await(later("if ")));
      }
      sb.append("o2 ");
    } catch (IllegalArgumentException e) {
      sb.append("oc:").append(e.getMessage()).append(' ');
    } finally {
      sb.append(await(later("of")));
    }
    return sb.toString();
  }

  @Async
  static void uncaughtPassesThroughFinallies() {
    try {
      try {
        await(laterFail(new UnsupportedOperationException("deep")));
      } finally {
        log("inner finally");
        await(later(0));
      }
    } finally {
      log("outer finally");
    }
  }

  @Async
  static String catchWrapsWithCause() {
    try {
      await(laterFail(new IllegalStateException("root")));
      return "no";
    } catch (IllegalStateException e) {
      throw new RuntimeException("wrapped: " + await(later("ctx")), e);
    }
  }

  /** The exception object arrives unchanged: same identity, not a copy or wrapper. */
  @Async
  static boolean exceptionIdentityKept() {
    try {
      await(laterFail(SHARED));
      return false;
    } catch (IllegalArgumentException e) {
      return e == SHARED;
    }
  }

  /** An exception thrown in finally replaces the one in flight (the twin decides the outcome). */
  @Async
  static void finallyThrowReplaces() {
    try {
      await(laterFail(new IllegalStateException("original")));
    } finally {
      await(later(0));
      throw new IllegalArgumentException("from finally");
    }
  }

  /** The catch parameter and locals of the try are hoisted under their names. */
  @Async
  static int catchParameterLiveAcrossAwait() {
    int attempts = 0;
    while (true) {
      attempts++;
      try {
        if (attempts < 3) {
          await(laterFail(new IllegalStateException("attempt " + attempts)));
        }
        return attempts * 10 + await(later(1));
      } catch (IllegalStateException e) {
        await(later(0));
        log(e.getMessage());
      }
    }
  }
}
