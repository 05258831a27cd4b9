/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

// case: a user class named like the companion, OrdersAsync beside Orders ([asyncfn/GeneratedNameTaken])
package broken.companionnametaken;

import static dev.asyncfn.runtime.Futures.await;

import dev.asyncfn.Async;
import dev.asyncfn.runtime.Future;
import dev.asyncfn.runtime.Futures;

public class Orders { // <-
  @Async
  static int total() {
    return await(Futures.ready(4));
  }

  @Async
  static int ok(int x) {
    return await(Futures.ready(x)) + 1;
  }
}

class OrdersAsync {
  static int total() {
    return 0;
  }
}
