/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

// case: await inside an anonymous class ([asyncfn/AwaitInClass])
package broken.awaitinanonymous;

import static dev.asyncfn.runtime.Futures.await;

import dev.asyncfn.Async;
import dev.asyncfn.runtime.Future;
import dev.asyncfn.runtime.Futures;

public class InAnonymous {
  @Async
  static int bad() {
    java.util.function.IntSupplier s = new java.util.function.IntSupplier() {
      @Override
      public int getAsInt() {
        return await(Futures.ready(2)); // <-
      }
    };
    return s.getAsInt();
  }

  @Async
  static int ok(int x) {
    return await(Futures.ready(x)) + 1;
  }
}
