/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.runtime.internal.executor;

import dev.asyncfn.runtime.Context;
import dev.asyncfn.runtime.internal.handle.Executor;
import dev.asyncfn.runtime.internal.handle.Handle;
import dev.asyncfn.runtime.internal.handle.RuntimeContext;

/**
 * The cooperative budget of the task a runtime thread is polling (Tokio's {@code coop}): a task
 * whose sockets keep being ready (a fast peer answering at once) would otherwise never return from
 * its poll, and every other task of its thread would wait. Each poll may make {@link #BUDGET} ready
 * socket operations; past that, the next operation wakes the task and reports pending instead,
 * which sends the task to the back of the run queue. Operations that find nothing ready cost
 * nothing, so a future waiting on many sockets at once never yields because of the budget.
 *
 * <p>Internal: called by the socket types. Outside a task poll of a runtime (a future polled by
 * hand, a blocking-pool thread) there is no budget.
 *
 * <p>Thread safety: one instance per runtime thread, touched by that thread only.
 */
public final class Coop {
  /** Ready operations per poll; Tokio's figure. */
  static final int BUDGET = 128;

  /** Outside a runtime's task polls: never exhausted, counts nothing (shared, never written). */
  private static final Coop UNLIMITED = new Coop(false);

  private final boolean limited;
  private int remaining = BUDGET;

  Coop() {
    this(true);
  }

  private Coop(boolean limited) {
    this.limited = limited;
  }

  /** Gives the poll about to start a full budget. */
  void reset() {
    remaining = BUDGET;
  }

  /**
   * The budget of the poll running on this thread, looked up once per socket operation; an
   * unlimited one outside a runtime's task polls.
   */
  public static Coop current() {
    Thread t = Thread.currentThread();
    Coop c;
    if (t instanceof WorkerThread) {
      c = ((WorkerThread) t).worker.coop;
    } else {
      Handle h = RuntimeContext.current();
      Executor e = h == null ? null : h.executor();
      c = e instanceof CurrentThreadExecutor ? ((CurrentThreadExecutor) e).coopFor(t) : null;
    }
    return c != null ? c : UNLIMITED;
  }

  /**
   * True when the running poll has spent its budget: its waker has then been woken, and the caller
   * must report pending without doing the operation.
   */
  public boolean exhausted(Context cx) {
    if (!limited || remaining > 0) {
      return false;
    }
    cx.waker().wake();
    return true;
  }

  /** Counts one ready operation against the running poll's budget. */
  public void spend() {
    if (limited) {
      remaining--;
    }
  }
}
