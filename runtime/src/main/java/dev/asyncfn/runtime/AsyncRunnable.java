/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.runtime;

/**
 * The body of an async block without a value: {@code Futures.async(() -> { ... })}, a {@code
 * Future<Void>}. See {@link AsyncBlock}.
 *
 * @param <X> the checked exception the body may throw
 */
@FunctionalInterface
public interface AsyncRunnable<X extends Exception> {
  /** Runs the body. */
  void run() throws X;
}
