/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package cases.returns;

import static dev.asyncfn.runtime.Futures.await;
import static dev.asyncfn.testing.TestFutures.later;
import static dev.asyncfn.testing.Trace.log;

import dev.asyncfn.Async;

/** return inside try/finally, early returns, throw statements. */
public class Returns {

  @Async
  static int returnInsideTryFinally(int n) {
    try {
      log("try");
      return await(later(n)) * 2;
    } finally {
      log("finally");
    }
  }

  /** The returned value is computed before the finally's await and kept through it. */
  @Async
  static int returnValueKeptThroughFinallyAwait(int n) {
    int x = n;
    try {
      return x;
    } finally {
      x = await(later(x + 100));
      log("finally changed x to " + x);
    }
  }

  @Async
  static String returnThroughNestedFinallies() {
    try {
      try {
        return await(later("value"));
      } finally {
        log("inner");
        await(later(1));
      }
    } finally {
      log("outer");
      await(later(2));
    }
  }

  @SuppressWarnings("finally")
  @Async
  static int returnInFinallyOverrides(boolean fail) {
    try {
      if (fail) {
        throw new IllegalStateException("discarded");
      }
      return await(later(1));
    } finally {
      return await(later(2));
    }
  }

  @Async
  static int earlyReturnInLoop(int limit) {
    for (int i = 0; ; i++) {
      int v = await(later(i * i));
      if (v > limit) {
        log("return at " + i);
        return i;
      }
    }
  }

  @Async
  static int throwAfterAwait(int n) {
    if (await(later(n)) < 0) {
      throw new IllegalArgumentException("negative: " + n);
    }
    return n;
  }

  @Async
  static int throwAwaitedException(String msg) {
    RuntimeException e = await(later(new UnsupportedOperationException(msg)));
    log("throwing");
    throw e;
  }
}
