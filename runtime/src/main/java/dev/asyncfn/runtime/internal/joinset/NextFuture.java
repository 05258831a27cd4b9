/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.runtime.internal.joinset;

import dev.asyncfn.runtime.Context;
import dev.asyncfn.runtime.Future;
import dev.asyncfn.runtime.Poll;
import dev.asyncfn.runtime.internal.Messages;

/**
 * {@code JoinSet.joinNext()}: the outcome of the next task to finish, or {@code null} when the
 * set is empty. Cancel-safe: it holds nothing between polls, and a task's outcome leaves the group
 * only in the poll that returns it.
 *
 * @param <T> the output type
 */
public final class NextFuture<T> implements Future<T> {
  private final Group<T> group;
  private boolean done;

  /** The next outcome of {@code group}. */
  public NextFuture(Group<T> group) {
    this.group = group;
  }

  @Override
  public Poll<T> poll(Context cx) {
    if (done) {
      throw new IllegalStateException(Messages.JOIN_SET_FUTURE_REUSED);
    }
    Poll<T> p;
    try {
      p = group.pollNext(cx.waker());
    } catch (Throwable t) {
      done = true;
      throw t;
    }
    if (p == null) {
      done = true;
      return Poll.ready(null);
    }
    if (p.isReady()) {
      done = true;
    }
    return p;
  }

  /** Nothing to give back: the outcomes stay in the group. */
  @Override
  public void cancel() {
    done = true;
  }
}
