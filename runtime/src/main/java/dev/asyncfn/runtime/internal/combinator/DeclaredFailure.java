/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.runtime.internal.combinator;

import dev.asyncfn.runtime.Context;
import dev.asyncfn.runtime.Future;
import dev.asyncfn.runtime.Poll;
import dev.asyncfn.runtime.ThrowingFuture;
import java.util.Objects;

/**
 * A future that polls another unchanged but declares the checked exception it may fail with:
 * {@code Futures.throwing(type, future)}. Only the compiler sees the difference: {@code await}
 * then declares {@code throws X}, so a {@code catch (X e)} around it compiles.
 *
 * <h2>Thread safety</h2>
 *
 * As the wrapped future's; this adds no state.
 *
 * <h2>Cancellation</h2>
 *
 * Cancelling it cancels the wrapped future.
 *
 * @param <T> the output type
 * @param <X> the checked exception the wrapped future may fail with
 */
public final class DeclaredFailure<T, X extends Throwable> implements ThrowingFuture<T, X> {
  private final Future<T> future;

  /** {@code future}, declared to fail with {@code type}. */
  public DeclaredFailure(Class<X> type, Future<T> future) {
    Objects.requireNonNull(type, "Futures.throwing(type, future): type is null");
    this.future = Objects.requireNonNull(future, "Futures.throwing(type, future): future is null");
  }

  @Override
  public Poll<T> poll(Context cx) {
    return future.poll(cx);
  }

  @Override
  public void cancel() {
    future.cancel();
  }
}
