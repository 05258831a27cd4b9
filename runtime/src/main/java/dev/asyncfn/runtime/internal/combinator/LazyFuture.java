/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.runtime.internal.combinator;

import dev.asyncfn.runtime.Context;
import dev.asyncfn.runtime.Future;
import dev.asyncfn.runtime.Poll;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A future that computes its value at its first poll: {@code Futures.lazy(supplier)}, Rust's
 * {@code futures::future::lazy}. Nothing runs when it is created; a supplier that throws fails
 * the future with that exception.
 *
 * <h2>Thread safety</h2>
 *
 * Polled by one task at a time; the supplier runs on the polling thread.
 *
 * <h2>Cancellation</h2>
 *
 * Cancelling it before its first poll means the supplier never runs.
 *
 * @param <T> the output type
 */
public final class LazyFuture<T> implements Future<T> {
  private Supplier<? extends T> supplier;

  /** A future whose output is {@code supplier.get()}, run at the first poll. */
  public LazyFuture(Supplier<? extends T> supplier) {
    this.supplier = Objects.requireNonNull(supplier, "Futures.lazy(supplier): supplier is null");
  }

  @Override
  public Poll<T> poll(Context cx) {
    Supplier<? extends T> s = supplier;
    if (s == null) {
      throw new IllegalStateException(
          "Futures.lazy(supplier) polled after it completed or was cancelled: await it once");
    }
    // Cleared first, so a throwing supplier has also finished the future.
    supplier = null;
    return Poll.ready(s.get());
  }

  @Override
  public void cancel() {
    supplier = null;
  }
}
