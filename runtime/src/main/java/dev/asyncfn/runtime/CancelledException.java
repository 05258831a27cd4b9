/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.runtime;

/**
 * Thrown when awaiting the {@link JoinHandle} of a task that was cancelled: aborted with {@link
 * JoinHandle#abort()}, or dropped because its runtime shut down (Tokio's {@code
 * JoinError::Cancelled}).
 *
 * <p>Unchecked: a cancelled task is usually a consequence of the caller's own decision, not a
 * failure to recover from at each await.
 */
public final class CancelledException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** A cancellation with a message saying why the task stopped. */
  public CancelledException(String message) {
    super(message);
  }
}
