/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.benchmarks;

import java.util.concurrent.ThreadFactory;

/**
 * Virtual threads, reached by reflection so the module compiles with release 17 and the peers run
 * when the JVM is 21 or later.
 */
final class VirtualThreads {
  private static final ThreadFactory FACTORY = find();

  private VirtualThreads() {}

  private static ThreadFactory find() {
    try {
      Object builder = Thread.class.getMethod("ofVirtual").invoke(null);
      Class<?> builderType = Class.forName("java.lang.Thread$Builder");
      return (ThreadFactory) builderType.getMethod("factory").invoke(builder);
    } catch (ReflectiveOperationException e) {
      return null;
    }
  }

  /** Whether this JVM has virtual threads (21 and later). */
  static boolean available() {
    return FACTORY != null;
  }

  /** Starts {@code body} on a new virtual thread. */
  static Thread start(Runnable body) {
    Thread t = FACTORY.newThread(body);
    t.start();
    return t;
  }
}
