/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package cases.forloops;

import static dev.asyncfn.runtime.Futures.await;
import static dev.asyncfn.testing.TestFutures.later;
import static dev.asyncfn.testing.Trace.log;

import dev.asyncfn.Async;

/** Basic for loops with awaits in each of their parts. */
public class ForLoops {

  @Async
  static int awaitInBody(int n) {
    int s = 0;
    for (int i = 0; i < n; i++) {
      s += await(later(i * i));
      log("i " + i);
    }
    return s;
  }

  @Async
  static int awaitInInit(int n) {
    int s = 0;
    for (int i = await(later(1)); i <= n; i++) {
      s += i;
    }
    return s;
  }

  @Async
  static int awaitInCondition(int n) {
    int count = 0;
    for (int i = 0; i < await(later(n)); i++) {
      log("i " + i);
      count++;
    }
    return count;
  }

  @Async
  static String awaitInUpdate(int n) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < n; i += await(later(2))) {
      sb.append(i).append(' ');
    }
    return sb.toString();
  }

  @Async
  static String twoVariablesAndCommaUpdate() {
    StringBuilder sb = new StringBuilder();
    for (int i = 0, j = 10; i < j; i++, j = await(later(j - 2))) {
      sb.append(i).append(':').append(j).append(' ');
    }
    return sb.toString();
  }

  @Async
  static int nestedFors(int n) {
    int s = 0;
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < i; j++) {
        s += await(later(i * 10 + j));
        log(i + "," + j);
      }
    }
    return s;
  }

  /** A loop variable of the same name in two loops, each live across an await. */
  @Async
  static int sameLoopVariableTwice(int n) {
    int s = 0;
    for (int i = 0; i < n; i++) {
      s += await(later(i));
    }
    for (long i = 10; i < 10 + n; i++) {
      s += (int) (long) await(later(i));
    }
    return s;
  }
}
