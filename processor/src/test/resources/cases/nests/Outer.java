/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package cases.nests;

import static dev.asyncfn.runtime.Futures.await;
import static dev.asyncfn.testing.TestFutures.later;

import dev.asyncfn.Async;

/** Private members of a nested class used from the outer class, and back. */
public class Outer {
  private static int outerSecret = 40;

  static final class Inner {
    private int secret = 2;

    private Inner() {}

    private int twice() {
      return secret * 2;
    }

    @Async
    int readsOuter() {
      return outerSecret + await(later(secret));
    }
  }

  @Async
  static int readsInner() {
    Inner inner = new Inner();
    inner.secret = await(later(5));
    return inner.secret + inner.twice() + outerSecret;
  }
}
