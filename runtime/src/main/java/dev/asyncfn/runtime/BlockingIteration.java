/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.runtime;

import dev.asyncfn.runtime.internal.Sneaky;
import dev.asyncfn.runtime.stream.AsyncStream;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;

/**
 * {@code Futures.awaitEach(stream)} run as plain Java (the synchronous twin): an {@link Iterable}
 * whose iterator awaits {@code stream.next()} blocking, as {@code Futures.await} does outside
 * generated code. It can be iterated once. The stream is closed at its end; when it fails, the
 * failure is thrown from {@code hasNext()}, unchanged, after closing the stream.
 *
 * @param <T> the element type
 */
final class BlockingIteration<T> implements Iterable<T> {
  private AsyncStream<T> stream;

  BlockingIteration(AsyncStream<T> stream) {
    this.stream = Objects.requireNonNull(stream, "Futures.awaitEach(stream): stream is null");
  }

  @Override
  public Iterator<T> iterator() {
    AsyncStream<T> s = stream;
    if (s == null) {
      throw new IllegalStateException(
          "Futures.awaitEach(stream) iterated twice: a stream is consumed by one loop");
    }
    stream = null;
    return new Iterator<>() {
      private T next;
      private boolean ended;

      @Override
      public boolean hasNext() {
        if (next == null && !ended) {
          try {
            next = BlockOn.awaitBlocking(s.next());
          } catch (Throwable t) {
            ended = true;
            try {
              s.close();
            } catch (Throwable c) {
              if (c != t) {
                t.addSuppressed(c);
              }
            }
            throw Sneaky.raise(t);
          }
          if (next == null) {
            ended = true;
            // as the lowered loop does: a stream is closed however its loop ends (a no-op after
            // the end for the runtime's streams, a user's may release something there)
            s.close();
          }
        }
        return next != null;
      }

      @Override
      public T next() {
        if (!hasNext()) {
          throw new NoSuchElementException("the stream ended");
        }
        T v = next;
        next = null;
        return v;
      }
    };
  }
}
