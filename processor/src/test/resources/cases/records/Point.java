/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package cases.records;

import static dev.asyncfn.runtime.Futures.await;
import static dev.asyncfn.testing.TestFutures.later;

import dev.asyncfn.Async;

/** @Async methods in a record: accessors (not the private fields) through implicit this. */
public record Point(int x, int y) {

  @Async
  int sumThroughAccessors() {
    return x() + await(later(y())) + this.x();
  }

  @Async
  static int scaledSum(int x, int y, int k) {
    Point p = new Point(x, y);
    int nx = await(later(p.x() * k));
    Point q = new Point(nx, p.y() * k);
    return await(PointAsync.sumThroughAccessors(q));
  }
}
