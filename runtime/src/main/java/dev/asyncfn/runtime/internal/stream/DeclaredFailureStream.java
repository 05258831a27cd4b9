/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.runtime.internal.stream;

import dev.asyncfn.runtime.Context;
import dev.asyncfn.runtime.Future;
import dev.asyncfn.runtime.Poll;
import dev.asyncfn.runtime.ThrowingFuture;
import dev.asyncfn.runtime.stream.AsyncStream;
import dev.asyncfn.runtime.stream.ThrowingStream;
import java.util.Objects;

/**
 * {@code Streams.throwing(type, stream)}: {@code stream}, typed as failing with the checked
 * exception {@code X}. Polling, {@code next()} and closing pass straight through; nothing is
 * checked at run time.
 *
 * @param <T> the element type
 * @param <X> the checked failure declared
 */
public final class DeclaredFailureStream<T, X extends Throwable> implements ThrowingStream<T, X> {
  private final AsyncStream<T> stream;

  /** {@code stream} declared as failing with {@code X}. */
  public DeclaredFailureStream(AsyncStream<T> stream) {
    this.stream = Objects.requireNonNull(stream, "Streams.throwing: the stream is null");
  }

  @Override
  public Poll<T> pollNext(Context cx) {
    return stream.pollNext(cx);
  }

  @Override
  public ThrowingFuture<T, X> next() {
    Future<T> next = stream.next();
    return new ThrowingFuture<T, X>() {
      @Override
      public Poll<T> poll(Context cx) {
        return next.poll(cx);
      }

      @Override
      public void cancel() {
        next.cancel();
      }
    };
  }

  @Override
  public void close() {
    stream.close();
  }

  @Override
  public String toString() {
    return stream.toString();
  }
}
