/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.runtime.internal.debug;

import dev.asyncfn.runtime.support.SourceMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * Makes a failure's stack trace read in the user's terms, on the same exception object: frames of
 * generated machines become the synchronous twin's, the runtime's own frames between the user's are
 * removed, and a failure that crossed from one task to another keeps both sides, separated by a
 * marker. Called where the runtime touches a failure: each machine's {@code catch} ({@link
 * #inMachine}), a join handle giving a task's failure to its awaiter ({@link #crossBoundary}), and
 * {@code blockOn} handing it back to the caller ({@link #leaving}).
 *
 * <h2>Segments</h2>
 *
 * A trace is one or more segments: the first is the stack where the failure was thrown; each {@code
 * _ASYNCFN._BOUNDARY} (or {@code _AWAITED}) marker starts another, the stack of the side that
 * awaited it. A machine looks for its own frames in the last segment only, so a frame of the same
 * method on the failing side (recursion, a spawn site) does not hide its await.
 *
 * <h2>Trimming</h2>
 *
 * Unless {@code -Dasyncfn.trace.runtimeFrames=keep}: every frame of a {@code dev.asyncfn.runtime}
 * class is removed, except those at the top of the first segment (above any other frame: the
 * runtime raised the failure itself, e.g. a {@code TimeoutException}); and the frames from a task's
 * poll ({@code Task.run}) to the end of its segment are cut, since below them is the worker's loop.
 *
 * <h2>Invariants</h2>
 *
 * The exception's identity, type, message, cause and suppressed exceptions are never touched; only
 * {@code setStackTrace} is called, and only when a frame changed. A stackless exception (empty
 * trace) stays stackless. Each operation is idempotent: tracing the same failure again changes
 * nothing. Failures are the slow path: nothing here runs when no exception is thrown.
 */
public final class Traces {
  /**
   * A boundary crossing leaves a trace longer than this alone: one exception object rethrown by
   * many tasks (a cached failure) must not grow without end. The JVM's default depth.
   */
  private static final int MAX_FRAMES = 1024;

  private Traces() {}

  /**
   * {@code Machines.trace}: maps the frames of {@code map}'s machine (and of every registered
   * machine) to the user's, trims, and when the last segment holds no frame of this machine (the
   * failure was raised on another thread) appends the machine's frame at its await in {@code
   * state}.
   */
  public static void inMachine(Throwable failure, SourceMap map, int state) {
    StackTraceElement[] frames = failure.getStackTrace();
    if (frames.length == 0) {
      return;
    }
    boolean changed = mapFrames(frames, map);
    int segment = lastSegmentStart(frames);
    if (!hasOwnFrame(frames, segment, map)) {
      StackTraceElement await = map.suspendedAt(state);
      if (await != null) {
        boolean afterAppended = segment > 0 && Frames.isAwaitedMarker(frames[segment - 1]);
        frames =
            afterAppended ? append(frames, await) : append(frames, Frames.awaited(), await);
        changed = true;
      }
    }
    StackTraceElement[] trimmed = trim(frames);
    if (changed || trimmed != frames) {
      failure.setStackTrace(trimmed);
    }
  }

  /**
   * A failed task's exception handed to the code awaiting its handle: the failing task's frames,
   * then where it was spawned ({@code spawnedAt}, if known), a {@code _BOUNDARY} marker naming
   * {@code task}, and, when {@code withAwaiter}, the awaiting side's stack as it is now (each
   * machine on it maps its own frames when the failure passes it). Called once per task.
   */
  public static void crossBoundary(
      Throwable failure,
      String task,
      StackTraceElement spawnedAt,
      boolean exactSite,
      boolean withAwaiter) {
    StackTraceElement[] frames = failure.getStackTrace();
    if (frames.length == 0 || frames.length > MAX_FRAMES) {
      return;
    }
    List<StackTraceElement> out = new ArrayList<>(frames.length + 48);
    Collections.addAll(out, frames);
    if (!TraceSettings.KEEP_RUNTIME_FRAMES) {
      cutTaskLoop(out);
    }
    if (spawnedAt != null) {
      out.add(Frames.spawn(task, exactSite));
      out.add(spawnedAt);
    }
    out.add(Frames.boundary(task));
    if (withAwaiter) {
      StackTraceElement[] here = new Throwable().getStackTrace();
      int from = 0;
      while (from < here.length && here[from].getClassName().equals(Traces.class.getName())) {
        from++;
      }
      out.addAll(Arrays.asList(here).subList(from, here.length));
    }
    StackTraceElement[] result = out.toArray(new StackTraceElement[0]);
    mapFrames(result, null);
    failure.setStackTrace(trim(result));
  }

  /** A failure leaving the runtime through {@code blockOn}: maps and trims what is left. */
  public static void leaving(Throwable failure) {
    StackTraceElement[] frames = failure.getStackTrace();
    if (frames.length == 0) {
      return;
    }
    boolean changed = mapFrames(frames, null);
    StackTraceElement[] trimmed = trim(frames);
    if (changed || trimmed != frames) {
      failure.setStackTrace(trimmed);
    }
  }

  /** {@code stack} (a thread's, for a slow-poll warning) mapped and trimmed like a trace. */
  static StackTraceElement[] clean(StackTraceElement[] stack) {
    StackTraceElement[] frames = stack.clone();
    mapFrames(frames, null);
    return trim(frames);
  }

  /** Replaces machine frames at mapped lines by the user's, in place; true if any changed. */
  private static boolean mapFrames(StackTraceElement[] frames, SourceMap own) {
    boolean changed = false;
    for (int i = 0; i < frames.length; i++) {
      StackTraceElement e = frames[i];
      StackTraceElement mapped;
      if (own != null && e.getClassName().equals(own.machineClass())) {
        int line = own.sourceLine(e.getLineNumber());
        mapped = line > 0 ? own.frame(line) : null;
      } else {
        mapped = SourceMaps.map(e);
      }
      if (mapped != null) {
        frames[i] = mapped;
        changed = true;
      }
    }
    return changed;
  }

  /** Whether a frame from {@code from} on is the machine's, mapped to the twin's or not. */
  private static boolean hasOwnFrame(StackTraceElement[] frames, int from, SourceMap map) {
    for (int i = from; i < frames.length; i++) {
      StackTraceElement e = frames[i];
      String c = e.getClassName();
      if (c.equals(map.machineClass())
          || (c.equals(map.userClass())
              && e.getMethodName().equals(map.method())
              && map.file().equals(e.getFileName()))) {
        return true;
      }
    }
    return false;
  }

  private static int lastSegmentStart(StackTraceElement[] frames) {
    for (int i = frames.length - 1; i >= 0; i--) {
      if (Frames.startsSegment(frames[i])) {
        return i + 1;
      }
    }
    return 0;
  }

  /** Removes the last segment's frames from its task loop ({@code Task.run}) down. */
  private static void cutTaskLoop(List<StackTraceElement> frames) {
    int start = 0;
    for (int i = frames.size() - 1; i >= 0; i--) {
      if (Frames.startsSegment(frames.get(i))) {
        start = i + 1;
        break;
      }
    }
    for (int i = start; i < frames.size(); i++) {
      if (Frames.isTaskRun(frames.get(i))) {
        frames.subList(i, frames.size()).clear();
        return;
      }
    }
  }

  private static StackTraceElement[] append(StackTraceElement[] frames, StackTraceElement... more) {
    StackTraceElement[] out = Arrays.copyOf(frames, frames.length + more.length);
    System.arraycopy(more, 0, out, frames.length, more.length);
    return out;
  }

  /**
   * {@code frames} without the runtime's frames between the user's, and without each task's loop;
   * the same array when nothing is removed (or when runtime frames are kept).
   */
  static StackTraceElement[] trim(StackTraceElement[] frames) {
    if (TraceSettings.KEEP_RUNTIME_FRAMES) {
      return frames;
    }
    StackTraceElement[] out = null;
    int n = 0;
    boolean leading = true; // still in the top run of runtime frames: where the failure was raised
    boolean inTaskLoop = false;
    for (int i = 0; i < frames.length; i++) {
      StackTraceElement e = frames[i];
      boolean keep;
      if (Frames.isMarker(e)) {
        keep = true;
        inTaskLoop = false;
        leading &= !Frames.startsSegment(e);
      } else if (inTaskLoop || Frames.isTaskRun(e)) {
        keep = false;
        inTaskLoop = true;
      } else if (Frames.isRuntime(e)) {
        keep = leading;
      } else {
        keep = true;
        leading = false;
      }
      if (keep) {
        if (out != null) {
          out[n] = e;
        }
        n++;
      } else if (out == null) {
        out = new StackTraceElement[frames.length - 1];
        System.arraycopy(frames, 0, out, 0, n);
      }
    }
    return out == null ? frames : Arrays.copyOf(out, n);
  }
}
