/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.runtime.internal.debug;

import dev.asyncfn.runtime.support.SourceMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every generated machine's {@link SourceMap}, by the machine's class name, so that any frame of
 * any machine can be mapped to the user's line: the frames of the other machines in a trace, of the
 * stack a boundary captures, and of a slow poll's thread. A machine registers its map once, when
 * its class is initialised, so every machine frame that can be on a stack has its map here.
 *
 * <p>Two different classes of the same name (loaded by different class loaders from different
 * sources, as test harnesses do) make the name ambiguous: its frames are then left to the machine's
 * own {@code Machines.trace} call, which has the right map. The registry holds names and line
 * tables only, never a {@code Class}, so it keeps no class loader alive.
 *
 * <p>Thread safety: a concurrent map.
 */
public final class SourceMaps {
  private static final Map<String, Object> MAPS = new ConcurrentHashMap<>();
  private static final Object AMBIGUOUS = new Object();

  private SourceMaps() {}

  /** Registers {@code map}; called by {@code SourceMap.of}. */
  public static void register(SourceMap map) {
    MAPS.merge(map.machineClass(), map, (old, now) -> old.equals(now) ? old : AMBIGUOUS);
  }

  /** The user's frame for {@code e}, a frame of a registered machine at a mapped line; or null. */
  static StackTraceElement map(StackTraceElement e) {
    if (Frames.cannotBeMachine(e) || Frames.isMarker(e)) {
      return null;
    }
    Object m = MAPS.get(e.getClassName());
    if (!(m instanceof SourceMap)) {
      return null;
    }
    SourceMap map = (SourceMap) m;
    int line = map.sourceLine(e.getLineNumber());
    return line > 0 ? map.frame(line) : null;
  }
}
