/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

// case: an await of a future that declares IOException, neither caught nor declared
package broken.unhandledchecked;

import static dev.asyncfn.runtime.Futures.await;

import dev.asyncfn.Async;
import dev.asyncfn.runtime.Future;
import dev.asyncfn.runtime.Futures;

public class Unhandled {
  @Async
  static int io() throws java.io.IOException {
    return await(Futures.ready(1));
  }

  @Async
  static int bad() {
    return await(UnhandledAsync.io()); // <-
  }

  @Async
  static int ok(int x) {
    return await(Futures.ready(x)) + 1;
  }
}
