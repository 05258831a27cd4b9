/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.runtime.internal.debug;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The 4-byte stamps a task keeps its spawn and last-poll times in. */
class CoarseClockTest {
  private static final long UNIT = 1L << 24;
  private static final long DAY = 86_400_000_000_000L;

  @ParameterizedTest
  @ValueSource(longs = {0, 123_456_789_012L, -987_654_321_098L, Long.MAX_VALUE - DAY, Long.MIN_VALUE})
  void aStampReadsBackToWithinTwoUnits(long then) {
    int stamp = CoarseClock.toStamp(then);
    for (long age : new long[] {0, UNIT - 1, 37_000_000L, DAY, 400 * DAY, 800 * DAY}) {
      long now = then + age;
      long back = CoarseClock.fromStamp(stamp, now);
      // differences, as nanoTime readings are compared (they may wrap)
      assertEquals(0, back - then, 2 * UNIT, "taken at " + then + ", read " + age + " ns later");
    }
  }

  @Test
  void noStampIsZeroSoZeroCanMeanNever() {
    for (long reading : new long[] {0, -1, 1, -UNIT, UNIT, Long.MIN_VALUE, Long.MAX_VALUE}) {
      assertNotEquals(0, CoarseClock.toStamp(reading));
    }
    // the readings whose units are 0 mod 2^32 are the ones that would give 0 without the low bit
    assertNotEquals(0, CoarseClock.toStamp(1L << 56));
  }

  @Test
  void theCurrentStampReadsBackToTheCurrentReading() {
    CoarseClock.tick();
    long now = CoarseClock.now();
    assertEquals(now, CoarseClock.fromStamp(CoarseClock.stamp()), 2 * UNIT);
  }
}
