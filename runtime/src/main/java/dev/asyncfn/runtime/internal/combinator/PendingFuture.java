/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.runtime.internal.combinator;

import dev.asyncfn.runtime.Context;
import dev.asyncfn.runtime.Future;
import dev.asyncfn.runtime.Poll;

/**
 * A future that never completes: {@code Futures.pending()}, Rust's {@code std::future::pending}.
 * It keeps no waker, since it will never wake anyone. One shared instance.
 *
 * <h2>Thread safety</h2>
 *
 * Stateless; safe from any thread.
 */
public final class PendingFuture implements Future<Object> {
  private static final PendingFuture INSTANCE = new PendingFuture();

  private PendingFuture() {}

  /** The shared never-completing future. */
  @SuppressWarnings("unchecked")
  public static <T> Future<T> instance() {
    return (Future<T>) (Future<?>) INSTANCE;
  }

  @Override
  public Poll<Object> poll(Context cx) {
    return Poll.pending();
  }

  @Override
  public String toString() {
    return "Futures.pending()";
  }
}
