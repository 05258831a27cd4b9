/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.runtime.internal.debug;

import java.util.Locale;

/**
 * The switches of traces and spawn sites, read once from system properties, when the first trace
 * or spawn needs them. A value that is not one of the documented ones is reported once through
 * {@link System.Logger} and the default is used: a typo must not take the runtime down.
 */
public final class TraceSettings {
  /**
   * {@code -Dasyncfn.trace.runtimeFrames=keep} keeps the runtime's own frames in traces (for
   * debugging the runtime itself); the default, {@code trim}, removes them.
   */
  public static final String RUNTIME_FRAMES = "asyncfn.trace.runtimeFrames";

  /**
   * {@code -Dasyncfn.trace.spawnSites=}: {@code state} (default) records where a task was spawned
   * as the innermost {@code @Async} frame of the spawning task, at its current state's line,
   * without walking the stack; {@code exact} walks the stack at every spawn for the exact line
   * (costly: for debugging); {@code off} records nothing.
   */
  public static final String SPAWN_SITES = "asyncfn.trace.spawnSites";

  /** How spawn sites are recorded. */
  enum SpawnSites {
    STATE,
    EXACT,
    OFF
  }

  static final boolean KEEP_RUNTIME_FRAMES =
      read(RUNTIME_FRAMES, "trim", "trim", "keep").equals("keep");

  static final SpawnSites SPAWN_SITE_MODE =
      SpawnSites.valueOf(
          read(SPAWN_SITES, "state", "state", "exact", "off").toUpperCase(Locale.ROOT));

  private TraceSettings() {}

  /** Whether traces keep the runtime's own frames. */
  public static boolean keepRuntimeFrames() {
    return KEEP_RUNTIME_FRAMES;
  }

  private static String read(String property, String fallback, String... allowed) {
    String value = System.getProperty(property);
    if (value == null) {
      return fallback;
    }
    String v = value.trim().toLowerCase(Locale.ROOT);
    for (String a : allowed) {
      if (a.equals(v)) {
        return v;
      }
    }
    System.getLogger("dev.asyncfn.runtime")
        .log(
            System.Logger.Level.WARNING,
            "-D" + property + "=" + value + " is not one of " + String.join(", ", allowed)
                + ": using " + fallback);
    return fallback;
  }
}
