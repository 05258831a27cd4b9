/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.runtime.stream;

import dev.asyncfn.runtime.ThrowingFuture;
import dev.asyncfn.runtime.internal.stream.FilterStream;
import dev.asyncfn.runtime.internal.stream.MapStream;
import dev.asyncfn.runtime.internal.stream.NextFuture;
import dev.asyncfn.runtime.internal.stream.TakeStream;
import dev.asyncfn.runtime.internal.stream.TakeWhileStream;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * An {@link AsyncStream} whose failure may be the checked exception type {@code X}: the stream
 * twin of {@link ThrowingFuture}. Its {@link #next()} is a {@code ThrowingFuture<T, X>}, so {@code
 * await(lines.next())} declares {@code throws IOException} and a {@code catch (IOException e)}
 * around it compiles; {@code Futures.awaitEach} declares {@code X} the same way.
 *
 * <p>The type parameter only informs the compiler; polling is unchanged. {@link #map}, {@link
 * #filter}, {@link #take} and {@link #takeWhile} keep {@code X} (the failure of the source passes
 * through them); the other combinators give a plain {@code AsyncStream}, whose type {@link
 * Streams#throwing} restores.
 *
 * <h2>Example</h2>
 *
 * <pre>{@code
 * ThrowingStream<String, IOException> lines = new BufReader(socket).lines();
 * try {
 *   for (String line; (line = await(lines.next())) != null; ) {
 *     handle(line);
 *   }
 * } catch (IOException e) {
 *   ...
 * }
 * }</pre>
 *
 * <h2>Thread safety</h2>
 *
 * As {@link AsyncStream}: one consumer task at a time.
 *
 * <h2>Cancellation</h2>
 *
 * As {@link AsyncStream}: {@link #close()} drops the stream.
 *
 * @param <T> the element type
 * @param <X> the checked exception the stream may fail with
 */
@FunctionalInterface
public interface ThrowingStream<T, X extends Throwable> extends AsyncStream<T> {

  /** {@inheritDoc} Typed as failing with {@code X}. */
  @Override
  default ThrowingFuture<T, X> next() {
    return new NextFuture<>(this);
  }

  /** {@inheritDoc} Keeps the checked failure type {@code X}. */
  @Override
  default <U> ThrowingStream<U, X> map(Function<? super T, ? extends U> fn) {
    return new MapStream<T, U, X>(this, fn);
  }

  /** {@inheritDoc} Keeps the checked failure type {@code X}. */
  @Override
  default ThrowingStream<T, X> filter(Predicate<? super T> predicate) {
    return new FilterStream<T, X>(this, predicate);
  }

  /** {@inheritDoc} Keeps the checked failure type {@code X}. */
  @Override
  default ThrowingStream<T, X> take(long n) {
    return new TakeStream<T, X>(this, n);
  }

  /** {@inheritDoc} Keeps the checked failure type {@code X}. */
  @Override
  default ThrowingStream<T, X> takeWhile(Predicate<? super T> predicate) {
    return new TakeWhileStream<T, X>(this, predicate);
  }
}
