/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

// case: yield outside a switch expression
package broken.yieldoutsideswitch;

import static dev.asyncfn.runtime.Futures.await;

import dev.asyncfn.Async;
import dev.asyncfn.runtime.Future;
import dev.asyncfn.runtime.Futures;

public class Yield {
  @Async
  static int bad(int x) {
    int a = await(Futures.ready(x));
    if (a > 0) {
      yield a; // <-
    }
    return a;
  }

  @Async
  static int ok(int x) {
    return await(Futures.ready(x)) + 1;
  }
}
