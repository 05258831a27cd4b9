/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package cases.nested;

import static dev.asyncfn.runtime.Futures.await;
import static dev.asyncfn.testing.TestFutures.later;

import dev.asyncfn.Async;

/** A static nested class whose @Async methods use the outer class's static members. */
public class Outer {
  static final int OUTER_CONST = 1000;
  static int total = 3;

  static int outerStatic(int x) {
    return x + 1;
  }

  /** Companion: Outer_InnerAsync. */
  public static class Inner {
    int own = 7;

    @Async
    static int useOuterStatics() {
      return OUTER_CONST + outerStatic(await(later(1)));
    }

    @Async
    int mixOwnAndOuter() {
      own += await(later(OUTER_CONST));
      return own + total;
    }
  }
}
