/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.runtime.internal.combinator;

import dev.asyncfn.runtime.Context;
import dev.asyncfn.runtime.Future;
import dev.asyncfn.runtime.Poll;
import java.util.Objects;

/**
 * A future that fails with a known exception at its first poll: {@code Futures.failed(error)}.
 * The exception is thrown as it is, checked or not, never wrapped.
 *
 * <h2>Thread safety</h2>
 *
 * Polled by one task at a time, like every future.
 *
 * @param <T> the output type the future pretends to have
 */
public final class FailedFuture<T> implements Future<T> {
  private final Throwable error;
  private boolean thrown;

  /** A future failing with {@code error}. */
  public FailedFuture(Throwable error) {
    this.error = Objects.requireNonNull(error, "Futures.failed(error): error is null");
  }

  /**
   * Throws the error.
   *
   * @throws IllegalStateException when polled after it threw, as the poll contract says
   */
  @Override
  public Poll<T> poll(Context cx) {
    if (thrown) {
      throw new IllegalStateException(
          "Futures.failed(error) polled after it failed: a future is awaited once", error);
    }
    thrown = true;
    throw Failures.sneaky(error);
  }

  @Override
  public String toString() {
    return "Futures.failed(" + error + ")";
  }
}
