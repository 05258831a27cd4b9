/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.runtime.internal.executor;

/**
 * How often a busy runtime thread turns the drivers (fires expired timers, polls the I/O driver
 * without blocking): every {@link #TASKS} tasks, Tokio's {@code event_interval}. Without it, a
 * thread that never runs out of tasks would never see readiness or a due timer.
 */
final class EventInterval {
  /** Tokio's default. */
  static final int TASKS = 61;

  private EventInterval() {}
}
