/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

// case: an inner class's @Async body using the enclosing instance ([asyncfn/OuterInstance])
package broken.outerinstance;

import static dev.asyncfn.runtime.Futures.await;

import dev.asyncfn.Async;
import dev.asyncfn.runtime.Future;
import dev.asyncfn.runtime.Futures;

public class Outer {
  int outerField = 3;

  class Inner {
    @Async
    int bad() {
      int a = await(Futures.ready(1));
      return a + outerField; // <-
    }
  }

  @Async
  static int ok(int x) {
    return await(Futures.ready(x)) + 1;
  }
}
