/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.runtime;

/**
 * A {@link Future} whose failure may be the checked exception type {@code X}.
 *
 * <p>The type parameter only informs the compiler: {@link Futures#await(ThrowingFuture)} declares
 * {@code throws X}, so an {@code @Async} method can {@code catch (X e)} around an await of an I/O
 * future or of another {@code @Async} method declared {@code throws X}. Polling is unchanged; the
 * failure is thrown from {@code poll} as it is.
 *
 * <h2>Example</h2>
 *
 * <pre>{@code
 * try {
 *     int n = await(stream.read(buffer));   // ThrowingFuture<Integer, IOException>
 * } catch (IOException e) {
 *     ...
 * }
 * }</pre>
 *
 * @param <T> the output type
 * @param <X> the checked exception the future may fail with
 */
@FunctionalInterface
public interface ThrowingFuture<T, X extends Throwable> extends Future<T> {}
