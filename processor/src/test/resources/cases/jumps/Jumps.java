/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package cases.jumps;

import static dev.asyncfn.runtime.Futures.await;
import static dev.asyncfn.testing.TestFutures.later;
import static dev.asyncfn.testing.Trace.log;

import dev.asyncfn.Async;

/** Jumps whose targets involve an await: continue goes to the condition or the update. */
public class Jumps {

  /** continue in a do-while goes to the (awaiting) condition, not to the top of the body. */
  @Async
  static int continueInDoWhileGoesToCondition(int n) {
    int i = 0;
    int odd = 0;
    do {
      i++;
      if (i % 2 == 0) {
        continue;
      }
      odd++;
    } while (await(later(logged(i) < n)));
    return odd * 100 + i;
  }

  /** continue in a for loop runs the (awaiting) update. */
  @Async
  static String continueRunsTheUpdate(int n) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < n; i = await(later(i + 1))) {
      if (i == 1) {
        continue;
      }
      sb.append(i);
    }
    return sb.toString();
  }

  @Async
  static int labelledContinueRunsTheOuterUpdate(int n) {
    int s = 0;
    outer:
    for (int i = 0; i < n; i += await(later(1))) {
      for (int j = 0; ; j++) {
        if (j == i) {
          continue outer;
        }
        s += await(later(10));
      }
    }
    return s;
  }

  @Async
  static String returnFromCatchThroughAwaitingFinally() {
    try {
      await(later(0));
      throw new IllegalStateException("x");
    } catch (IllegalStateException e) {
      log("catch");
      return "from catch";
    } finally {
      log("finally " + await(later(1)));
    }
  }

  @Async
  static int breakFromSwitchInsideLoop(int n) {
    int s = 0;
    for (int i = 0; i < n; i++) {
      switch (await(later(i % 3))) {
        case 0:
          s += 1;
          break;
        case 1:
          s += 10;
          continue;
        default:
          s += 100;
      }
      log("after switch " + i);
    }
    return s;
  }

  @Async
  static int whileWithAwaitsOnBothSidesOfAnd(int n) {
    int i = 0;
    while (await(later(i < n)) && await(later(logged(i) != 2))) {
      i++;
    }
    return i;
  }

  static <T> T logged(T v) {
    log("cond " + v);
    return v;
  }
}
