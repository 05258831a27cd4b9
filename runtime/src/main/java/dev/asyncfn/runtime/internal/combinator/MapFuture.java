/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.runtime.internal.combinator;

import dev.asyncfn.runtime.Context;
import dev.asyncfn.runtime.Future;
import dev.asyncfn.runtime.Poll;
import java.util.Objects;
import java.util.function.Function;

/**
 * A future whose output is a function of another future's output: {@code Futures.map(future,
 * fn)}, Rust's {@code FutureExt::map}. The function runs once, on the polling thread, when the
 * inner future is ready; the inner future's failure passes through unchanged, and a throwing
 * function fails this future with its exception.
 *
 * <h2>Thread safety</h2>
 *
 * Polled by one task at a time; the inner future is given the task's context.
 *
 * <h2>Cancellation</h2>
 *
 * Cancelling it cancels the inner future if that has not completed.
 *
 * @param <T> the inner future's output type
 * @param <U> the output type
 */
public final class MapFuture<T, U> implements Future<U> {
  private Future<T> inner;
  private final Function<? super T, ? extends U> fn;

  /** A future producing {@code fn} applied to the output of {@code inner}. */
  public MapFuture(Future<T> inner, Function<? super T, ? extends U> fn) {
    this.inner = Objects.requireNonNull(inner, "Futures.map(future, fn): future is null");
    this.fn = Objects.requireNonNull(fn, "Futures.map(future, fn): fn is null");
  }

  @Override
  public Poll<U> poll(Context cx) {
    Future<T> f = inner;
    if (f == null) {
      throw new IllegalStateException(
          "Futures.map(future, fn) polled after it completed or was cancelled: await it once");
    }
    Poll<T> p;
    try {
      p = f.poll(cx);
    } catch (Throwable t) {
      inner = null;
      throw t;
    }
    if (p.isPending()) {
      return Poll.pending();
    }
    inner = null;
    return Poll.ready(fn.apply(p.get()));
  }

  @Override
  public void cancel() {
    Future<T> f = inner;
    if (f != null) {
      inner = null;
      f.cancel();
    }
  }
}
