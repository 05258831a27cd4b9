/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

// case: await inside synchronized ([asyncfn/AwaitInSynchronized])
package broken.awaitinsynchronized;

import static dev.asyncfn.runtime.Futures.await;

import dev.asyncfn.Async;
import dev.asyncfn.runtime.Future;
import dev.asyncfn.runtime.Futures;

public class InSynchronized {
  private static final Object LOCK = new Object();

  @Async
  static int bad() {
    synchronized (LOCK) {
      return await(Futures.ready(3)); // <-
    }
  }

  @Async
  static int ok(int x) {
    return await(Futures.ready(x)) + 1;
  }
}
