/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.runtime.internal.debug;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * The CPU time another thread has used, where the JVM measures it: what tells the watchdog a
 * thread that the machine did not run (ready, but no core was free) from one that computed.
 * Read on the watchdog thread only, for a poll that has not moved for a tick or more.
 */
final class ThreadCpu {
  /** Null where thread CPU time is not measured, or {@code java.management} is absent. */
  private static final ThreadMXBean THREADS = threads();

  private ThreadCpu() {}

  private static ThreadMXBean threads() {
    try {
      ThreadMXBean b = ManagementFactory.getThreadMXBean();
      return b.isThreadCpuTimeSupported() ? b : null;
    } catch (RuntimeException | LinkageError e) {
      return null;
    }
  }

  /** Nanoseconds of CPU {@code t} has used, or -1 when unknown. */
  @SuppressWarnings("deprecation") // Thread.threadId() replaces getId() from JDK 19 on only
  static long of(Thread t) {
    if (THREADS == null || t == null) {
      return -1;
    }
    try {
      return THREADS.getThreadCpuTime(t.getId());
    } catch (RuntimeException e) {
      return -1;
    }
  }
}
