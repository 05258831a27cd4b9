/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

// case: a private nested class named in an @Async body ([asyncfn/PrivateType])
package broken.privatenestedclass;

import static dev.asyncfn.runtime.Futures.await;

import dev.asyncfn.Async;
import dev.asyncfn.runtime.Future;
import dev.asyncfn.runtime.Futures;

public class Hidden {
  private static final class Secret {
    private int value = 2;
  }

  @Async
  static int bad() {
    int a = await(Futures.ready(1));
    return a + new Secret().value; // <-
  }

  @Async
  static int ok(int x) {
    return await(Futures.ready(x)) + 1;
  }
}
