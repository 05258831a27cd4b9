/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.runtime;

import java.util.Objects;

/**
 * What a future is given when it is polled, like Rust's {@code std::task::Context}: the
 * {@link Waker} of the task polling it.
 *
 * <p>An interface so that a task can be its own context and waker: polling a task allocates
 * nothing.
 *
 * <h2>Thread safety</h2>
 *
 * A context is only used during the {@code poll} call it was passed to; keep its {@link #waker()}
 * rather than the context itself.
 */
@FunctionalInterface
public interface Context {

  /** The waker to call when the polled future can make progress. */
  Waker waker();

  /** A context around {@code waker}, for executors, adapters and tests that poll by hand. */
  static Context of(Waker waker) {
    Objects.requireNonNull(waker, "waker");
    return () -> waker;
  }

  /** A context whose waker does nothing; a future polled with it must be polled again by hand. */
  static Context noop() {
    return NoopContext.INSTANCE;
  }
}

/** The shared no-op context. */
final class NoopContext implements Context {
  static final NoopContext INSTANCE = new NoopContext();

  private NoopContext() {}

  @Override
  public Waker waker() {
    return Waker.noop();
  }
}
