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
  /** A stamp's unit is 2^this nanoseconds. */
  private static final int UNIT_SHIFT = 24;

  private static volatile long now = System.nanoTime();

  private CoarseClock() {}

  /** The last reading. */
  public static long now() {
    return now;
  }

  /**
   * The last reading as 4 bytes, for times kept in every task: {@link System#nanoTime()} in units
   * of 2^24 ns (16.8 ms, finer than a tick is fresh) with the lowest bit set, so that no stamp is
   * 0 and 0 can mean "never". Stamps wrap after 2^32 units (2.3 years): {@link #fromStamp} reads
   * one back correctly while it is younger than that.
   */
  public static int stamp() {
    return toStamp(now);
  }

  /**
   * The reading {@code stamp} was taken from, to within two units (34 ms), for a stamp taken in
   * the last 2.3 years.
   */
  public static long fromStamp(int stamp) {
    return fromStamp(stamp, now);
  }

  /** {@link #fromStamp(int)} as of the reading {@code now}. */
  static long fromStamp(int stamp, long now) {
    long ago = Integer.toUnsignedLong(toStamp(now) - stamp) << UNIT_SHIFT;
    return now - ago;
  }

  static int toStamp(long reading) {
    return (int) (reading >> UNIT_SHIFT) | 1;
  }

  /** Takes a new reading; the watchdog calls it every tick, and a runtime when it opens. */
  static void tick() {
    now = System.nanoTime();
  }
}
