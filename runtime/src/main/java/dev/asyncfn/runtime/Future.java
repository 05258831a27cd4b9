/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.runtime;

/**
 * A value that will be available later, computed by polling, like Rust's
 * {@code std::future::Future}.
 *
 * <h2>The poll contract</h2>
 *
 * <ul>
 *   <li>Futures are lazy: nothing happens until the first {@link #poll poll}.
 *   <li>{@code poll} never blocks. It returns {@link Poll#ready(Object)} with the output, or
 *       {@link Poll#pending()} after arranging for {@code cx.waker()} to be woken when progress is
 *       possible. A future that returns pending without arranging a wake-up is never polled again.
 *   <li>Spurious polls are allowed: a future must tolerate being polled again before it woke
 *       anyone, and must then use the waker of the latest context.
 *   <li>A failed future signals the failure by throwing from {@code poll}; the exception is the
 *       failure itself, not a wrapper, so {@code catch (IOException e)} around an {@code await}
 *       catches it. A checked failure is thrown as it is, even though {@code poll} does not declare
 *       it; {@link ThrowingFuture} tells the compiler which checked type to expect.
 *   <li>Polling again after it returned ready, or after it threw, is an error: implementations
 *       throw {@link IllegalStateException}.
 *   <li>A future is polled by one thread at a time. The task that owns it guarantees this, and
 *       its hand-off between threads publishes the future's fields.
 * </ul>
 *
 * <h2>Cancellation</h2>
 *
 * Cancellation is drop. The owner of a pending future that will never poll it again (an aborted
 * task, the loser of a select, a timed-out operation) calls {@link #cancel()}, which releases what
 * the future holds: the finally blocks and resource closes around a generated state machine's
 * current await run, a nested future is cancelled, a waiter is removed from a queue. The default
 * does nothing, which suits futures that hold nothing.
 *
 * <h2>Example</h2>
 *
 * <pre>{@code
 * Future<Integer> answer = cx -> Poll.ready(42);
 * assert Futures.blockOn(answer) == 42;
 * }</pre>
 *
 * @param <T> the output type; {@code Void} for futures that produce no value
 */
@FunctionalInterface
public interface Future<T> {

  /**
   * Attempts to make progress.
   *
   * @param cx the polling task's context; keep {@code cx.waker()} when returning pending
   * @return ready with the output, or pending with a wake-up arranged
   */
  Poll<T> poll(Context cx);

  /**
   * Drops this pending future: it will not be polled again. Runs its clean-up and cancels what it
   * awaits. Idempotent; does nothing on a completed future.
   */
  default void cancel() {}
}
