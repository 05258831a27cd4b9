/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

// case: a misspelt method in a nested loop and try, after awaits
package broken.unknowninpatternguard;

import static dev.asyncfn.runtime.Futures.await;

import dev.asyncfn.Async;
import dev.asyncfn.runtime.Future;
import dev.asyncfn.runtime.Futures;

public class Guard {
  @Async
  static int bad(int n) {
    int sum = 0;
    for (int i = 0; i < n; i++) {
      try {
        for (int j = 0; j < n; j++) {
          sum += await(Futures.ready(i * j));
        }
      } finally {
        sum += helpr(sum); // <-
      }
    }
    return sum;
  }

  static int helper(int x) {
    return x;
  }

  @Async
  static int ok(int x) {
    return await(Futures.ready(x)) + 1;
  }
}
