/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

// case: a local declared twice
package broken.duplicatelocal;

import static dev.asyncfn.runtime.Futures.await;

import dev.asyncfn.Async;
import dev.asyncfn.runtime.Future;
import dev.asyncfn.runtime.Futures;

public class Duplicate {
  @Async
  static int bad() {
    int a = 1;
    int b = await(Futures.ready(a));
    int a = b + 1; // <-
    return a;
  }

  @Async
  static int ok(int x) {
    return await(Futures.ready(x)) + 1;
  }
}
