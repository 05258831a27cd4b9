/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package cases.asserts;

import static dev.asyncfn.runtime.Futures.await;
import static dev.asyncfn.testing.TestFutures.later;
import static dev.asyncfn.testing.Trace.logged;

import dev.asyncfn.Async;

/**
 * assert with an await in its condition or message: evaluated only when assertions are enabled
 * (the test JVM enables them), exactly like the synchronous twin.
 */
public class Asserts {

  @Async
  static String assertWithAwait(boolean ok) {
    assert await(later(logged("condition", ok))) : "failed with " + await(later("message"));
    return "passed";
  }
}
