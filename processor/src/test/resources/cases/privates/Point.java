/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package cases.privates;

import static dev.asyncfn.runtime.Futures.await;
import static dev.asyncfn.testing.TestFutures.later;

import dev.asyncfn.Async;

/** A record's components are private fields: the body reads them as the method would. */
public record Point(int x, int y) {
  @Async
  int sum() {
    return x + await(later(y));
  }

  @Async
  static int distanceFromOrigin(int a, int b) {
    Point p = new Point(a, b);
    return Math.abs(p.x) + await(later(Math.abs(p.y)));
  }
}
