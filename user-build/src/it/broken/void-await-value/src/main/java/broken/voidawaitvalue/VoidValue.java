/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

// case: the await of a void @Async method used as a value
package broken.voidawaitvalue;

import static dev.asyncfn.runtime.Futures.await;

import dev.asyncfn.Async;
import dev.asyncfn.runtime.Future;
import dev.asyncfn.runtime.Futures;

public class VoidValue {
  @Async
  static void run() {
    await(Futures.ready(1));
  }

  @Async
  static String bad() {
    String s = await(VoidValueAsync.run()); // <-
    return s;
  }

  @Async
  static int ok(int x) {
    return await(Futures.ready(x)) + 1;
  }
}
