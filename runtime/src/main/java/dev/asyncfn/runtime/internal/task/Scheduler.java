/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.runtime.internal.task;

import dev.asyncfn.runtime.Future;

/**
 * Where a task goes when it becomes runnable, and where its future is cancelled: the executor's
 * run queues, or the blocking pool. The task's side of the runtime: a task knows its scheduler
 * only through this interface.
 *
 * <p>Internal. The task calls {@link #schedule} exactly once per transition into {@code NOTIFIED}
 * (see {@link Task}), so an implementation never sees the same task twice in its queues.
 */
public interface Scheduler {

  /** Queues {@code task}; a worker will call {@link Task#run()} on it. Never blocks, any thread. */
  void schedule(Task<?> task);

  /**
   * Calls {@code future.cancel()} for a task being cancelled on the calling thread, which may be
   * outside the scheduler's runtime (an abort from {@code main}, shutdown): an executor enters its
   * runtime around the call, since the finally blocks that {@code cancel()} runs may poll timers or
   * sockets. Exceptions propagate to the task.
   */
  void cancelFuture(Future<?> future);
}
