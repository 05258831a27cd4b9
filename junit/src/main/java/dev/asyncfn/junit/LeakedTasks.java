/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.junit;

import dev.asyncfn.runtime.RuntimeHandle;
import java.util.List;

/**
 * Lists the tasks a test leaked: one entry per task still alive on the test's runtime, for the
 * failure message. By default the runtime's own dump ({@code RuntimeHandle.dumpTasks()}) lists
 * them, each with its id, name, state and the {@code @Async} frames it is suspended in; this
 * interface replaces it where a test wants other lines.
 *
 * <p>{@link AsyncTestExtension} asks, in this order: the class named by the JUnit configuration
 * parameter {@value #CONFIGURATION_PARAMETER} (in {@code junit-platform.properties}, a {@code -D}
 * system property, or the launcher's configuration), then each implementation found by {@link
 * java.util.ServiceLoader} ({@code META-INF/services/dev.asyncfn.junit.LeakedTasks}, or {@code
 * provides} in a module descriptor). The first non-empty answer is printed; with none, the
 * runtime's dump is.
 *
 * <h2>Thread safety</h2>
 *
 * Called on the test's thread after the test's future completed, before the runtime shuts down;
 * the leaked tasks may still be running on other workers of a multi-thread runtime.
 */
public interface LeakedTasks {
  /** The configuration parameter that names a {@code LeakedTasks} class to use. */
  String CONFIGURATION_PARAMETER = "dev.asyncfn.junit.leakedTasks";

  /**
   * One line per task of {@code runtime} that has not completed, e.g. its future's {@code
   * toString()}; an empty list when this dump cannot list them.
   */
  List<String> liveTasks(RuntimeHandle runtime);
}
