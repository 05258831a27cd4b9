/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.benchmarks;

import dev.asyncfn.runtime.Context;
import dev.asyncfn.runtime.Future;
import dev.asyncfn.runtime.Poll;

/**
 * A future that is ready every time it is polled, with one precomputed {@link Poll}: the await
 * benchmark measures the await, not the allocation of a result.
 */
final class AlwaysReady implements Future<Integer> {
  private final Poll<Integer> ready;

  AlwaysReady(int value) {
    this.ready = Poll.ready(value);
  }

  @Override
  public Poll<Integer> poll(Context cx) {
    return ready;
  }
}
