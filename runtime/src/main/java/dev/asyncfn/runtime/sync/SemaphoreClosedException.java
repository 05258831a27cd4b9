/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.runtime.sync;

/**
 * Thrown by {@link Semaphore#acquire(int)} and {@link Semaphore#tryAcquire(int)} once the
 * semaphore was {@linkplain Semaphore#close() closed} (Tokio's {@code AcquireError}).
 */
public final class SemaphoreClosedException extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  /** A closed semaphore. */
  public SemaphoreClosedException(String message) {
    super(message);
  }
}
