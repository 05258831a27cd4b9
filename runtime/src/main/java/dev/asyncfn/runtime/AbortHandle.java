/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.runtime;

/**
 * Permission to abort a task without the right to await its output, like Tokio's {@code
 * AbortHandle}. {@link JoinSet#spawn} returns one: the set, not the caller, collects the output.
 *
 * <h2>Thread safety</h2>
 *
 * All methods may be called from any thread.
 *
 * <h2>Cancellation</h2>
 *
 * {@link #abort()} works like {@link JoinHandle#abort()}: a task not being polled has its future's
 * {@code cancel()} run at once, on the calling thread; a task being polled stops when that poll
 * returns (a poll that returns ready wins). The task's {@code cancel()} runs once, never during a
 * poll.
 */
public interface AbortHandle {

  /**
   * Asks the task to stop. Idempotent, never blocks; does nothing once the task completed. Its
   * join (through the {@link JoinSet}) then fails with {@link CancelledException}, unless the task
   * had already completed.
   */
  void abort();

  /** Whether the task completed: with an output, a failure, or cancelled. */
  boolean isFinished();
}
