/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.runtime;

/**
 * A {@link Future} whose failure may be any of three checked exception types, each kept: the
 * future of an {@code @Async} method declared {@code throws X1, X2, X3}. See {@link
 * ThrowingFuture2}; a method declaring more than three checked exceptions gets a {@link
 * ThrowingFuture} of their closest common supertype.
 *
 * @param <T> the output type
 * @param <X1> a checked exception the future may fail with
 * @param <X2> another checked exception the future may fail with
 * @param <X3> a third checked exception the future may fail with
 */
@FunctionalInterface
public interface ThrowingFuture3<T, X1 extends Throwable, X2 extends Throwable, X3 extends Throwable>
    extends ThrowingFuture2<T, X1, X2> {}
