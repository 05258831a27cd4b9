/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.runtime;

import java.util.concurrent.CompletableFuture;

/**
 * An owned permission to await a spawned task's output, and to abort it, like Tokio's {@code
 * JoinHandle}.
 *
 * <p>Awaiting the handle gives the task's output. A task that threw rethrows the very same
 * exception object; a task that was aborted (or dropped by {@link AsyncRuntime#shutdown()}) fails with
 * {@link CancelledException}.
 *
 * <h2>Example</h2>
 *
 * <pre>{@code
 * JoinHandle<Integer> h = Tasks.spawn(computeAsync());
 * int n = await(h);
 * }</pre>
 *
 * <h2>Thread safety</h2>
 *
 * All methods may be called from any thread. The handle is one future: await it from one task,
 * once. Awaiting it again after it returned the output throws {@link IllegalStateException}.
 *
 * <h2>Cancellation</h2>
 *
 * {@link #cancel()} (what a losing {@code select} or a drop does) <em>detaches</em>: the task keeps
 * running and its output is discarded. {@link #abort()} stops the task: a task not yet polled is
 * never polled; a task being polled stops when that poll returns; its future's {@code cancel()} is
 * called exactly once, never while it is being polled.
 *
 * @param <T> the task's output type
 */
public interface JoinHandle<T> extends Future<T> {

  /**
   * Asks the task to stop. Idempotent, never blocks; does nothing once the task completed.
   * Awaiting the handle afterwards fails with {@link CancelledException}, unless the task had
   * already completed.
   */
  void abort();

  /** Whether the task completed: with an output, a failure, or cancelled. */
  boolean isFinished();

  /**
   * The task's output as a {@link CompletableFuture}, for code outside the async world. Consumes
   * the handle like an await does: the handle cannot be awaited afterwards.
   *
   * @throws IllegalStateException if the handle was already awaited or converted
   */
  CompletableFuture<T> toCompletableFuture();

  /** Detaches: the task goes on running, its output is dropped. Does not abort the task. */
  @Override
  void cancel();
}
