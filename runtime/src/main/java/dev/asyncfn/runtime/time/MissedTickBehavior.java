/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.runtime.time;

/**
 * What an {@link Interval} does when ticks were missed because {@code tick()} was awaited late,
 * as in Tokio.
 */
public enum MissedTickBehavior {
  /**
   * Fire the missed ticks back to back, as fast as they are awaited, until caught up; then keep
   * the original schedule (start + k * period). The default.
   */
  BURST,
  /** Fire one tick now, then count the next period from now: the schedule shifts. */
  DELAY,
  /** Fire one tick now, then skip to the next multiple of the period on the original schedule. */
  SKIP
}
