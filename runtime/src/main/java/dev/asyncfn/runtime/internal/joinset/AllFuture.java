/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.runtime.internal.joinset;

import dev.asyncfn.runtime.Context;
import dev.asyncfn.runtime.Future;
import dev.asyncfn.runtime.Poll;
import dev.asyncfn.runtime.internal.Messages;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code JoinSet.joinAll()}: every output, in completion order, once the group is empty. The first
 * task that failed (or was aborted) aborts every task still in the group and fails this future
 * with its exception, unchanged (Tokio's {@code join_all}, which panics on the first {@code
 * JoinError}). Not cancel-safe: outputs collected so far are dropped with it.
 *
 * @param <T> the output type
 */
public final class AllFuture<T> implements Future<List<T>> {
  private final Group<T> group;
  private List<T> outputs = new ArrayList<>();

  /** All outputs of {@code group}. */
  public AllFuture(Group<T> group) {
    this.group = group;
  }

  @Override
  public Poll<List<T>> poll(Context cx) {
    List<T> out = outputs;
    if (out == null) {
      throw new IllegalStateException(Messages.JOIN_SET_FUTURE_REUSED);
    }
    for (;;) {
      Poll<T> p;
      try {
        p = group.pollNext(cx.waker());
      } catch (Throwable t) {
        outputs = null;
        try {
          group.abortAll();
        } catch (Throwable fromAbort) {
          t.addSuppressed(fromAbort);
        }
        throw t;
      }
      if (p == null) {
        outputs = null;
        return Poll.ready(out);
      }
      if (p.isPending()) {
        return Poll.pending();
      }
      out.add(p.get());
    }
  }

  @Override
  public void cancel() {
    outputs = null;
  }
}
