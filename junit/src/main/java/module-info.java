/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

/**
 * JUnit 5 support for asyncfn: {@code @AsyncTest} and {@code @AsyncParameterizedTest}, test methods
 * that await, run on a fresh runtime per test.
 */
module dev.asyncfn.junit {
  requires transitive dev.asyncfn.runtime;
  requires transitive org.junit.jupiter.api;
  requires transitive org.junit.jupiter.params;
  requires org.junit.platform.commons;

  exports dev.asyncfn.junit;

  uses dev.asyncfn.junit.TaskDump;
}
