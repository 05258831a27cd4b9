/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package cases.ifelse;

import static dev.asyncfn.runtime.Futures.await;
import static dev.asyncfn.testing.TestFutures.later;
import static dev.asyncfn.testing.Trace.log;

import dev.asyncfn.Async;

/** if / else if / else with awaits in conditions and branches. */
public class IfElse {

  @Async
  static String branch(int n) {
    String r;
    if (await(later(n)) > 0) {
      log("positive");
      r = "pos " + await(later(n * 10));
    } else if (n == 0) {
      log("zero");
      r = "zero";
    } else {
      r = "neg " + await(later(-n));
      log("negative");
    }
    log("after if");
    return r;
  }

  @Async
  static int awaitOnlyInElse(boolean b) {
    int x = 1;
    if (b) {
      x = 2;
    } else {
      x = await(later(3));
    }
    return x * 10;
  }

  @Async
  static String nestedIfs(int a, int b) {
    if (a > 0) {
      if (await(later(b)) > 0) {
        return "++";
      } else {
        log("a>0, b<=0");
        return "+" + await(later("-"));
      }
    }
    if (b > 0) {
      return await(later("-+"));
    }
    return "--";
  }

  /** An if without braces whose single statement awaits. */
  @Async
  static int ifWithoutBraces(int n) {
    int x = 0;
    if (n > 1) x = await(later(n));
    else x = -1;
    if (x > 2) log("big " + x);
    return x;
  }
}
