/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package cases.loops;

import static dev.asyncfn.runtime.Futures.await;
import static dev.asyncfn.testing.TestFutures.later;
import static dev.asyncfn.testing.Trace.log;

import dev.asyncfn.Async;

/** while and do-while. */
public class Loops {

  @Async
  static int whileSum(int n) {
    int s = 0;
    int i = 0;
    while (i < n) {
      log("i " + i);
      s += await(later(i));
      i++;
    }
    return s;
  }

  @Async
  static int whileAwaitInCondition(int n) {
    int i = 0;
    while (await(later(i)) < n) {
      log("body " + i);
      i++;
    }
    return i;
  }

  @Async
  static int doWhile(int n) {
    int x = 1;
    do {
      log("x " + x);
      x = await(later(x * 2));
    } while (x < n);
    return x;
  }

  @Async
  static int doWhileAwaitInCondition(int n) {
    int i = 0;
    do {
      log("body " + i);
      i++;
    } while (await(later(i < n)));
    return i;
  }

  @Async
  static String whileBreakContinue(int limit) {
    StringBuilder sb = new StringBuilder();
    int i = 0;
    while (true) {
      i = await(later(i + 1));
      if (i % 2 == 0) {
        log("skip " + i);
        continue;
      }
      if (i > limit) {
        log("stop " + i);
        break;
      }
      sb.append(i).append(',');
    }
    return sb.toString();
  }
}
