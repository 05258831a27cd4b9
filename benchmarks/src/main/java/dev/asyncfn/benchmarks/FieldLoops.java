/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.benchmarks;

import static dev.asyncfn.runtime.Futures.await;

import dev.asyncfn.Async;
import dev.asyncfn.runtime.Future;

/**
 * Two {@code @Async} loops that differ only in the field they read and write: a private one, which
 * the generated state machine (another class) reaches through a {@code static final} VarHandle
 * accessor, and a package-private one, which it reads and writes directly. See {@link
 * PrivateFieldBenchmark}.
 */
final class FieldLoops {
  private int privateCount;
  int packageCount;

  @Async
  long overPrivate(Future<Integer> ready, int n) {
    long total = 0;
    for (int i = 0; i < n; i++) {
      total += await(ready) + this.privateCount;
      privateCount++;
    }
    return total;
  }

  @Async
  long overPackagePrivate(Future<Integer> ready, int n) {
    long total = 0;
    for (int i = 0; i < n; i++) {
      total += await(ready) + this.packageCount;
      packageCount++;
    }
    return total;
  }
}
