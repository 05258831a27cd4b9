/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.junit;

/**
 * Which kind of runtime an {@link AsyncTest} runs on, like the {@code flavor} of Tokio's
 * {@code #[tokio::test]}.
 */
public enum Flavor {
  /**
   * Every task runs on the test's own thread, inside {@code blockOn} (the default): deterministic
   * order, and the only flavour whose clock can be paused.
   */
  CURRENT_THREAD,

  /**
   * A work-stealing pool of worker threads ({@code workerThreads} of them, or one per processor):
   * for tests of code that must be correct when its tasks really run in parallel.
   */
  MULTI_THREAD
}
