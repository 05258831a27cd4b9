/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.testing;

import java.util.Objects;

/**
 * How the {@link TestFutures} a case awaits behave during one of the {@link Oracle}'s runs: always
 * pending once first (every await suspends), always ready (none does), or a seeded random mix.
 *
 * <p>The oracle applies a driver before the twin's run and again before the future's run, so both
 * see the same futures in the same order; a {@link #random} driver restarts its draws from its seed
 * each time, so a failure under it repeats exactly.
 *
 * @param mode the {@link TestFutures.Mode} of the run
 * @param seed the seed of {@link TestFutures.Mode#RANDOM}'s draws (0 for the other modes)
 */
public record Driver(TestFutures.Mode mode, long seed) {
  /** Every {@code later} future is ready at its first poll. */
  public static final Driver READY = new Driver(TestFutures.Mode.READY, 0);

  /** Every {@code later} future answers pending once (waking the waker) before it is ready. */
  public static final Driver PENDING_FIRST = new Driver(TestFutures.Mode.PENDING_FIRST, 0);

  /** Validates the pair. */
  public Driver {
    Objects.requireNonNull(mode, "mode");
    if (mode != TestFutures.Mode.RANDOM && seed != 0) {
      throw new IllegalArgumentException("only a RANDOM driver has a seed");
    }
  }

  /** Each {@code later} future is pending first or ready by a draw seeded with {@code seed}. */
  public static Driver random(long seed) {
    return new Driver(TestFutures.Mode.RANDOM, seed);
  }

  /** Sets this thread's mode (and, for a random driver, restarts its draws from the seed). */
  void apply() {
    TestFutures.setMode(mode);
    if (mode == TestFutures.Mode.RANDOM) {
      TestFutures.setRandomSeed(seed);
    }
  }

  /** {@code READY}, {@code PENDING_FIRST} or {@code RANDOM(seed 42)}. */
  @Override
  public String toString() {
    return mode == TestFutures.Mode.RANDOM ? "RANDOM(seed " + seed + ")" : mode.toString();
  }
}
