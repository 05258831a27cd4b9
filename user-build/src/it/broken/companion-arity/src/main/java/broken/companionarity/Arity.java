/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

// case: a companion factory called with one argument too many
package broken.companionarity;

import static dev.asyncfn.runtime.Futures.await;

import dev.asyncfn.Async;
import dev.asyncfn.runtime.Future;
import dev.asyncfn.runtime.Futures;

public class Arity {
  @Async
  static int twice(int x) {
    return await(Futures.ready(2 * x));
  }

  @Async
  static int bad() {
    int a = await(ArityAsync.twice(1, 2)); // <-
    return a;
  }

  @Async
  static int ok(int x) {
    return await(Futures.ready(x)) + 1;
  }
}
