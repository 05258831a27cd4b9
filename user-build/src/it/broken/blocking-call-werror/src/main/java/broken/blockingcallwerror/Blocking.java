/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

// case: Thread.sleep in an @Async body: a [asyncfn/BlockingCall] warning, an error under -Werror
package broken.blockingcallwerror;

import static dev.asyncfn.runtime.Futures.await;

import dev.asyncfn.Async;
import dev.asyncfn.runtime.Future;
import dev.asyncfn.runtime.Futures;

public class Blocking {
  @Async
  static int bad() throws InterruptedException {
    Thread.sleep(1); // <-
    return await(Futures.ready(1));
  }

  @Async
  static int ok(int x) {
    return await(Futures.ready(x)) + 1;
  }
}
