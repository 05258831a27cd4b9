/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.benchmarks;

import dev.asyncfn.runtime.Context;
import dev.asyncfn.runtime.Future;
import dev.asyncfn.runtime.Poll;

/**
 * A reusable future that alternates: pending (after waking its waker at once), then ready with a
 * precomputed {@link Poll}. Every await of it really suspends and is woken, without a timer or
 * another thread, so the await benchmark measures one suspension, wake and re-poll.
 */
final class PendingOnce implements Future<Integer> {
  private final Poll<Integer> ready;
  private boolean readyNext;

  PendingOnce(int value) {
    this.ready = Poll.ready(value);
  }

  @Override
  public Poll<Integer> poll(Context cx) {
    if (readyNext) {
      readyNext = false;
      return ready;
    }
    readyNext = true;
    cx.waker().wake();
    return Poll.pending();
  }
}
