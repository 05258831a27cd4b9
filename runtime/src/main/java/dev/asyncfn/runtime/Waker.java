/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.runtime;

/**
 * A handle that tells an executor a task is ready to make progress again, like Rust's
 * {@code std::task::Waker}.
 *
 * <p>A future that returns {@link Poll#pending()} keeps the waker of the {@link Context} it was
 * polled with and calls {@link #wake()} once whatever it waits for has happened. The executor then
 * polls the task again. Waking is idempotent and cheap: waking a task that is already scheduled
 * does nothing, and waking a task while it is being polled makes the executor poll it once more
 * afterwards, so a wake-up is never lost.
 *
 * <h2>Thread safety</h2>
 *
 * {@link #wake()} may be called from any thread, any number of times, including after the task
 * completed (then it does nothing). It must not block and should not throw.
 */
@FunctionalInterface
public interface Waker {

  /** Schedules the task this waker belongs to for another poll. */
  void wake();

  /**
   * Whether waking {@code other} would wake the same task as this waker, so that a future that
   * stored a waker can skip replacing it (Rust's {@code Waker::will_wake}).
   */
  default boolean willWake(Waker other) {
    return this == other;
  }

  /** A waker that does nothing, for polling futures by hand in tests and adapters. */
  static Waker noop() {
    return NoopWaker.INSTANCE;
  }
}

/** The shared no-op waker. */
final class NoopWaker implements Waker {
  static final NoopWaker INSTANCE = new NoopWaker();

  private NoopWaker() {}

  @Override
  public void wake() {}

  @Override
  public String toString() {
    return "Waker.noop()";
  }
}
