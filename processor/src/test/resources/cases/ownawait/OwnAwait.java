/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package cases.ownawait;

import static dev.asyncfn.testing.TestFutures.later;
import static dev.asyncfn.testing.Trace.log;

import dev.asyncfn.Async;
import dev.asyncfn.runtime.Futures;

/** Only calls that resolve to Futures.await suspend: a method of the class named await does not. */
public class OwnAwait {

  static int await(int x) {
    log("own await " + x);
    return x * 2;
  }

  @Async
  static int ownAwaitIsNotASuspensionPoint() {
    int a = await(3);
    int b = Futures.await(later(4));
    return a + b + await(b);
  }

  @Async
  static int fullyQualifiedAwait() {
    return dev.asyncfn.runtime.Futures.await(later(5)) + await(1);
  }
}
