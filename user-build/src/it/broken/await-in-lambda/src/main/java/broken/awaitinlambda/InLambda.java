/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

// case: await inside a lambda ([asyncfn/AwaitInLambda])
package broken.awaitinlambda;

import static dev.asyncfn.runtime.Futures.await;

import dev.asyncfn.Async;
import dev.asyncfn.runtime.Future;
import dev.asyncfn.runtime.Futures;

public class InLambda {
  @Async
  static int bad() {
    java.util.function.IntSupplier s = () -> await(Futures.ready(1)); // <-
    return s.getAsInt();
  }

  @Async
  static int ok(int x) {
    return await(Futures.ready(x)) + 1;
  }
}
