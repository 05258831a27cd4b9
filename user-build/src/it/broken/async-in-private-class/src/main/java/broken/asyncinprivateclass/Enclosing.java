/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

// case: @Async in a private nested class ([asyncfn/InaccessibleClass])
package broken.asyncinprivateclass;

import static dev.asyncfn.runtime.Futures.await;

import dev.asyncfn.Async;
import dev.asyncfn.runtime.Future;
import dev.asyncfn.runtime.Futures;

public class Enclosing {
  private static class Hidden {
    @Async
    static int bad() { // <-
      return await(Futures.ready(1));
    }
  }

  @Async
  static int ok(int x) {
    return await(Futures.ready(x)) + 1;
  }
}
