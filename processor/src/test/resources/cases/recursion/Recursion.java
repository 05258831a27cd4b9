/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package cases.recursion;

import static dev.asyncfn.runtime.Futures.await;
import static dev.asyncfn.testing.TestFutures.later;
import static dev.asyncfn.testing.Trace.log;

import dev.asyncfn.Async;
import java.util.List;

/** Recursion through the companion, and one @Async method awaiting another. */
public class Recursion {

  @Async
  static long fib(int n) {
    if (n < 2) {
      return await(later((long) n));
    }
    return await(RecursionAsync.fib(n - 1)) + await(RecursionAsync.fib(n - 2));
  }

  @Async
  static int depth(List<Object> tree) {
    int best = 0;
    for (Object child : tree) {
      if (child instanceof List<?> sub) {
        @SuppressWarnings("unchecked")
        List<Object> typed = (List<Object>) sub;
        best = Math.max(best, await(RecursionAsync.depth(typed)));
      }
    }
    log("depth " + (best + 1));
    return best + 1;
  }

  @Async
  int instanceRecursion(int n) {
    if (n == 0) {
      return 0;
    }
    return n + await(RecursionAsync.instanceRecursion(this, n - 1));
  }
}
