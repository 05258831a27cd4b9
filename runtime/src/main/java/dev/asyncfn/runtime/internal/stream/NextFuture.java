/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.runtime.internal.stream;

import dev.asyncfn.runtime.Context;
import dev.asyncfn.runtime.Poll;
import dev.asyncfn.runtime.ThrowingFuture;
import dev.asyncfn.runtime.stream.AsyncStream;
import java.util.Objects;

/**
 * The future of {@code stream.next()}: each poll is a {@code pollNext} of the stream. Stateless
 * beyond the stream it reads, so one instance may serve every {@code next()} of a stream (the
 * combinators hand out one each); cancelling it does nothing, because the stream keeps its own
 * state (Rust's {@code Next<'_, S>}, which borrows the stream).
 *
 * @param <T> the element type
 * @param <X> the checked failure the stream declares
 */
public final class NextFuture<T, X extends Throwable> implements ThrowingFuture<T, X> {
  private final AsyncStream<T> stream;

  /** The next-element future of {@code stream}. */
  public NextFuture(AsyncStream<T> stream) {
    this.stream = Objects.requireNonNull(stream, "stream");
  }

  @Override
  public Poll<T> poll(Context cx) {
    return stream.pollNext(cx);
  }

  @Override
  public String toString() {
    return "next() of " + stream;
  }
}
