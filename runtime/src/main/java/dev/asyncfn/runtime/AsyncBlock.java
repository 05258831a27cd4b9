/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.runtime;

/**
 * The body of an async block with a value: {@code Futures.async(() -> { ... return v; })}. Inside
 * an {@code @Async} method the processor turns the lambda into a state machine of its own; {@code
 * X} is inferred from what the body throws ({@code RuntimeException} when nothing checked).
 *
 * @param <T> the block's output
 * @param <X> the checked exception the body may throw
 */
@FunctionalInterface
public interface AsyncBlock<T, X extends Exception> {
  /** Runs the body. */
  T run() throws X;
}
