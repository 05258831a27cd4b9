/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.runtime.internal.joinset;

import dev.asyncfn.runtime.Context;
import dev.asyncfn.runtime.Future;
import dev.asyncfn.runtime.Poll;
import dev.asyncfn.runtime.Waker;
import dev.asyncfn.runtime.internal.Messages;

/**
 * {@code JoinSet.shutdown()}: at its first poll aborts every task of the group, then completes once
 * every one of them finished (its cancellation, a {@code cancel()} of its future, ran), dropping
 * their outcomes (Tokio's {@code JoinSet::shutdown}). Cancelling it midway leaves the tasks aborted
 * and still in the group.
 *
 * @param <T> the output type of the group
 */
public final class ShutdownFuture<T> implements Future<Void> {
  private static final int NEW = 0;
  private static final int DRAINING = 1;
  private static final int DONE = 2;

  private final Group<T> group;
  private int state = NEW;

  /** Shuts {@code group} down. */
  public ShutdownFuture(Group<T> group) {
    this.group = group;
  }

  @Override
  public Poll<Void> poll(Context cx) {
    if (state == DONE) {
      throw new IllegalStateException(Messages.JOIN_SET_FUTURE_REUSED);
    }
    if (state == NEW) {
      state = DRAINING;
      group.abortAll();
    }
    if (drain(group, cx.waker())) {
      state = DONE;
      return Poll.ready(null);
    }
    return Poll.pending();
  }

  @Override
  public void cancel() {
    state = DONE;
  }

  /**
   * Takes every outcome that is there, dropping outputs and failures alike; true once the group is
   * empty, false when {@code w} will be woken for more.
   */
  static boolean drain(Group<?> group, Waker w) {
    for (;;) {
      Poll<?> p;
      try {
        p = group.pollNext(w);
      } catch (Throwable dropped) {
        continue; // a failed or cancelled task's outcome is what shutting down discards
      }
      if (p == null) {
        return true;
      }
      if (p.isPending()) {
        return false;
      }
    }
  }
}
