/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.runtime.internal.debug;

/**
 * A {@link System#nanoTime()} reading refreshed by the {@link Watchdog} at each tick (every 25 ms
 * at most), for the times a task dump shows: when each task was created and last polled. Reading
 * it costs a volatile load; {@code System.nanoTime()} costs 20 to 100 ns, too much for every
 * spawn and poll. The readings are at most one tick old while a runtime is open (its watchdog
 * ticks), more on a machine so loaded that the watchdog thread does not run.
 */
public final class CoarseClock {
  private static volatile long now = System.nanoTime();

  private CoarseClock() {}

  /** The last reading. */
  public static long now() {
    return now;
  }

  /** Takes a new reading; the watchdog calls it every tick, and a runtime when it opens. */
  static void tick() {
    now = System.nanoTime();
  }
}
