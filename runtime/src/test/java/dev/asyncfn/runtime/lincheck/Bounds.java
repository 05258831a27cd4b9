/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.runtime.lincheck;

import org.jetbrains.lincheck.datastructures.ModelCheckingOptions;
import org.jetbrains.lincheck.datastructures.StressOptions;

/**
 * The bounds every Lincheck test of the runtime runs with, in one place: small enough to keep
 * the build's time bounded, large enough that each planted mutation in {@code MUTATIONS.md} is
 * caught (most by the hand-written scenarios of each test, which run before the random ones). Scenarios of three threads find races that need a third party (a second
 * sender while the receiver waits); three operations per thread cover wait, wake, re-poll.
 */
final class Bounds {
  private Bounds() {}

  static ModelCheckingOptions modelChecking() {
    return new ModelCheckingOptions()
        .iterations(5)
        .invocationsPerIteration(100)
        .threads(3)
        .actorsPerThread(3)
        .actorsBefore(2)
        .actorsAfter(2);
  }

  /**
   * Lincheck's model checker on {@code scenario}, a block that starts its own threads and asserts
   * the outcome: {@code invocations} interleavings.
   */
  static void runConcurrentTest(int invocations, Runnable scenario) {
    org.jetbrains.lincheck.Lincheck.runConcurrentTest(invocations, scenario);
  }

  static StressOptions stress() {
    return new StressOptions()
        .iterations(5)
        .invocationsPerIteration(200)
        .threads(3)
        .actorsPerThread(3)
        .actorsBefore(2)
        .actorsAfter(2);
  }
}
