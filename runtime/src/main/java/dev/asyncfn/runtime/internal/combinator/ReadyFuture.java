/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.runtime.internal.combinator;

import dev.asyncfn.runtime.Context;
import dev.asyncfn.runtime.Future;
import dev.asyncfn.runtime.Poll;

/**
 * A future that is ready with a known value at its first poll: {@code Futures.ready(value)},
 * Rust's {@code std::future::ready}.
 *
 * <p>The {@link Poll} is built once, at construction, so polling allocates nothing.
 *
 * <h2>Thread safety</h2>
 *
 * Polled by one task at a time, like every future.
 *
 * @param <T> the output type
 */
public final class ReadyFuture<T> implements Future<T> {
  private final Poll<T> ready;
  private boolean taken;

  /** A future ready with {@code value}, which may be {@code null}. */
  public ReadyFuture(T value) {
    this.ready = Poll.ready(value);
  }

  /**
   * Returns the value.
   *
   * @throws IllegalStateException when polled a second time, as the poll contract says
   */
  @Override
  public Poll<T> poll(Context cx) {
    if (taken) {
      throw new IllegalStateException(
          "Futures.ready(value) polled after it completed: a future is awaited once; create"
              + " another Futures.ready(value) to await the value again");
    }
    taken = true;
    return ready;
  }

  @Override
  public String toString() {
    return "Futures.ready(" + ready.get() + ")";
  }
}
