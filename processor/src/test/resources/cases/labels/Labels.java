/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package cases.labels;

import static dev.asyncfn.runtime.Futures.await;
import static dev.asyncfn.testing.TestFutures.later;
import static dev.asyncfn.testing.Trace.log;

import dev.asyncfn.Async;

/** Labelled break and continue, also out of try/finally. */
public class Labels {

  @Async
  static String labelledBreak(int target) {
    String found = "none";
    outer:
    for (int i = 0; i < 4; i++) {
      for (int j = 0; j < 4; j++) {
        if (await(later(i * 4 + j)) == target) {
          found = i + "," + j;
          break outer;
        }
      }
      log("row " + i);
    }
    return found;
  }

  @Async
  static int labelledContinue(int n) {
    int s = 0;
    outer:
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        if (j > i) {
          continue outer;
        }
        s += await(later(j + 1));
      }
      log("full row " + i);
    }
    return s;
  }

  @Async
  static int breakOutOfTryFinally(int stopAt) {
    int i = 0;
    outer:
    while (true) {
      try {
        i++;
        if (await(later(i)) == stopAt) {
          log("breaking at " + i);
          break outer;
        }
      } finally {
        log("finally " + i);
        await(later(0));
      }
    }
    log("after loop");
    return i;
  }

  @Async
  static int continueOutOfNestedTryFinally(int n) {
    int s = 0;
    outer:
    for (int i = 0; i < n; i++) {
      try {
        try {
          if (i % 2 == 1) {
            continue outer;
          }
          s += await(later(i));
        } finally {
          log("inner finally " + i);
        }
        log("after inner " + i);
      } finally {
        s += await(later(100));
        log("outer finally " + i);
      }
    }
    return s;
  }

  @Async
  static String labelledBlock(boolean leave) {
    StringBuilder sb = new StringBuilder("a");
    block:
    {
      if (await(later(leave))) {
        break block;
      }
      sb.append(await(later("b")));
    }
    sb.append("c");
    return sb.toString();
  }
}
