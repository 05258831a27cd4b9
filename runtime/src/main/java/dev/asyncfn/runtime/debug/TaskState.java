/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.runtime.debug;

/** What a live task is doing when a {@link TaskDump} is taken. */
public enum TaskState {
  /** Waiting for a wake-up: suspended at an await. */
  IDLE,
  /** Woken and in a run queue, waiting for a thread to poll it. */
  SCHEDULED,
  /** Being polled by a thread now. */
  RUNNING;

  /** {@code idle}, {@code scheduled}, {@code running}: as dumps print it. */
  @Override
  public String toString() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
