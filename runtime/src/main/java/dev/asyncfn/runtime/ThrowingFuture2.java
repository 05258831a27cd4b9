/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.runtime;

/**
 * A {@link Future} whose failure may be either of two checked exception types, each kept: the
 * future of an {@code @Async} method declared {@code throws X1, X2}.
 *
 * <p>The type parameters only inform the compiler: {@link Futures#await(ThrowingFuture2)} and
 * {@link Futures#blockOn(ThrowingFuture2)} declare {@code throws X1, X2}, so a caller can catch
 * each ({@code catch (IOException | TimeoutException e)}) rather than a common supertype.
 *
 * <p>It is a {@link ThrowingFuture} of its first exception type, so that a lambda passed where
 * any future is accepted ({@code Futures.blockOn(cx -> ...)}) picks the most specific overload,
 * whose exception types javac infers as unchecked.
 *
 * <h2>Example</h2>
 *
 * <pre>{@code
 * @Async
 * static String fetch(String url) throws IOException, TimeoutException { ... }
 *
 * try {
 *     String body = await(ClientAsync.fetch(url));   // ThrowingFuture2<String, IOException, TimeoutException>
 * } catch (IOException | TimeoutException e) {
 *     ...
 * }
 * }</pre>
 *
 * @param <T> the output type
 * @param <X1> a checked exception the future may fail with
 * @param <X2> another checked exception the future may fail with
 */
@FunctionalInterface
public interface ThrowingFuture2<T, X1 extends Throwable, X2 extends Throwable>
    extends ThrowingFuture<T, X1> {}
