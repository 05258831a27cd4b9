/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

// case: @Async on an abstract method ([asyncfn/UnsupportedMethod])
package broken.abstractasync;

import static dev.asyncfn.runtime.Futures.await;

import dev.asyncfn.Async;
import dev.asyncfn.runtime.Future;
import dev.asyncfn.runtime.Futures;

public abstract class Abstract {
  @Async
  abstract int bad(); // <-

  @Async
  static int ok(int x) {
    return await(Futures.ready(x)) + 1;
  }
}
