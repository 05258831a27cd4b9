/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

// case: a call of a method nothing declares
package broken.unknownmethod;

import static dev.asyncfn.runtime.Futures.await;

import dev.asyncfn.Async;
import dev.asyncfn.runtime.Future;
import dev.asyncfn.runtime.Futures;

public class Misspelt {
  @Async
  static int bad(String s) {
    int n = await(Futures.ready(1));
    return n + lenght(s); // <-
  }

  @Async
  static int ok(int x) {
    return await(Futures.ready(x)) + 1;
  }
}
