/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.runtime.internal.debug;

import dev.asyncfn.runtime.Future;

/**
 * Where a task is spawned, recorded at spawn and shown when its failure crosses to its awaiter.
 * By default ({@code -Dasyncfn.trace.spawnSites=state}) no stack is walked: the thread that spawns
 * is polling a task (or a {@code blockOn} future) whose chain of machines says which {@code @Async}
 * method runs now and at which state, so the site is that method's frame at the line its current
 * state starts at, the spawn being at or after it. {@code exact} walks the stack at every spawn
 * (about a microsecond) for the exact line; {@code off} records nothing.
 */
public final class SpawnSites {
  private SpawnSites() {}

  /** Whether sites are exact lines (else: the line the spawning state starts at). */
  public static boolean exact() {
    return TraceSettings.SPAWN_SITE_MODE == TraceSettings.SpawnSites.EXACT;
  }

  /**
   * The site of a spawn made now, on a thread polling {@code running} (a {@link TaskView} or a
   * future; null when the thread polls nothing of a runtime), or null when unknown.
   */
  public static StackTraceElement capture(Object running) {
    switch (TraceSettings.SPAWN_SITE_MODE) {
      case OFF:
        return null;
      case EXACT:
        return walk();
      default:
        Future<?> root =
            running instanceof TaskView
                ? ((TaskView) running).root()
                : running instanceof Future ? (Future<?>) running : null;
        return root == null ? null : Chains.innermostRunning(root);
    }
  }

  /** The first frame of the stack outside the runtime, mapped to the user's line. */
  private static StackTraceElement walk() {
    return StackWalker.getInstance()
        .walk(
            s ->
                s.filter(f -> !f.getClassName().startsWith(Frames.RUNTIME))
                    .findFirst()
                    .map(
                        f -> {
                          StackTraceElement e = f.toStackTraceElement();
                          StackTraceElement mapped = SourceMaps.map(e);
                          return mapped != null ? mapped : e;
                        })
                    .orElse(null));
  }
}
