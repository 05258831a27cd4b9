/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

// case: a var of an anonymous class held across an await ([asyncfn/UnknownType])
package broken.nondenotablelocal;

import static dev.asyncfn.runtime.Futures.await;

import dev.asyncfn.Async;
import dev.asyncfn.runtime.Future;
import dev.asyncfn.runtime.Futures;

public class Anonymous {
  @Async
  static int bad() {
    var counter = new Object() { int count; }; // <-
    await(Futures.ready(0));
    return ++counter.count;
  }

  @Async
  static int ok(int x) {
    return await(Futures.ready(x)) + 1;
  }
}
