/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.junit;

import dev.asyncfn.runtime.RuntimeHandle;
import java.util.List;

/**
 * Lists the tasks a test leaked: one line per task still alive on the test's runtime, for the
 * failure message. The extension point for a richer task dump than the runtime's count.
 *
 * <p>{@link AsyncTestExtension} asks, in this order: the class named by the JUnit configuration
 * parameter {@value #CONFIGURATION_PARAMETER} (in {@code junit-platform.properties}, a {@code -D}
 * system property, or the launcher's configuration), then each implementation found by {@link
 * java.util.ServiceLoader} ({@code META-INF/services/dev.asyncfn.junit.TaskDump}, or {@code
 * provides} in a module descriptor). The first non-empty answer is printed; with none, the message
 * gives the number of tasks ({@code RuntimeHandle.liveTaskCount()}) only.
 *
 * <p>A line should say where the task is. For a task running a generated state machine, the
 * machine's {@code toString()} does: {@code @Async Server.handle at line 31 (state 2)} names the
 * method and the line of the await it is suspended at.
 *
 * <h2>Thread safety</h2>
 *
 * Called on the test's thread after the test's future completed, before the runtime shuts down;
 * the leaked tasks may still be running on other workers of a multi-thread runtime.
 */
public interface TaskDump {
  /** The configuration parameter that names a {@code TaskDump} class to use. */
  String CONFIGURATION_PARAMETER = "dev.asyncfn.junit.taskDump";

  /**
   * One line per task of {@code runtime} that has not completed, e.g. its future's {@code
   * toString()}; an empty list when this dump cannot list them.
   */
  List<String> liveTasks(RuntimeHandle runtime);
}
