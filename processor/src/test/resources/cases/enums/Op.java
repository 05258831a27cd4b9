/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package cases.enums;

import static dev.asyncfn.runtime.Futures.await;
import static dev.asyncfn.testing.TestFutures.later;

import dev.asyncfn.Async;

/** @Async methods on an enum: the constant is the receiver. */
public enum Op {
  ADD,
  MUL;

  @Async
  int apply(int a, int b) {
    int left = await(later(a));
    return switch (this) {
      case ADD -> left + await(later(b));
      case MUL -> left * await(later(b));
    };
  }

  @Async
  static int applyAll(int seed) {
    int v = seed;
    for (Op op : values()) {
      v = await(OpAsync.apply(op, v, 3));
    }
    return v;
  }
}
