/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.runtime.internal.debug;

/**
 * What a stack frame is, for trimming: the runtime's own, a marker the runtime inserted, the task
 * loop that every spawned task's stack ends in, or anything else (the user's code, the JDK).
 *
 * <p>Markers are frames of the pseudo-class {@code _ASYNCFN}, in the spirit of Kotlin's {@code
 * _COROUTINE._BOUNDARY}: their "file" is a sentence, so a printed trace reads {@code at
 * _ASYNCFN._BOUNDARY(task 7 "totals" failed; awaited by the frames below)}.
 */
final class Frames {
  /** Every class of the runtime, API and internals alike. */
  static final String RUNTIME = "dev.asyncfn.runtime.";

  static final String MARKER_CLASS = "_ASYNCFN";

  /** A task's failure crossed to the task awaiting it: below are the awaiter's frames. */
  static final String BOUNDARY = "_BOUNDARY";

  /**
   * A failure from another thread (not through a join handle) reached an {@code @Async} method:
   * below are the frames each awaiting machine added.
   */
  static final String AWAITED = "_AWAITED";

  /** The failed task was spawned at the frame below. */
  static final String SPAWN = "_SPAWN";

  private static final String TASK = "dev.asyncfn.runtime.internal.task.Task";

  private Frames() {}

  static boolean isRuntime(StackTraceElement e) {
    return e.getClassName().startsWith(RUNTIME);
  }

  static boolean isMarker(StackTraceElement e) {
    return e.getClassName().equals(MARKER_CLASS);
  }

  /** A marker after which the frames belong to another stack: the awaiting side. */
  static boolean startsSegment(StackTraceElement e) {
    return isMarker(e)
        && (e.getMethodName().equals(BOUNDARY) || e.getMethodName().equals(AWAITED));
  }

  static boolean isAwaitedMarker(StackTraceElement e) {
    return isMarker(e) && e.getMethodName().equals(AWAITED);
  }

  /**
   * The frame where a worker polls a task: everything below it is the worker's loop and thread,
   * which says nothing about the async call chain.
   */
  static boolean isTaskRun(StackTraceElement e) {
    return e.getClassName().equals(TASK) && e.getMethodName().equals("run");
  }

  /**
   * Frames that can never be a generated machine's, so the source-map registry is not asked: the
   * JDK's and the runtime's.
   */
  static boolean cannotBeMachine(StackTraceElement e) {
    String c = e.getClassName();
    return c.startsWith("java.") || c.startsWith("jdk.") || c.startsWith("sun.")
        || c.startsWith(RUNTIME);
  }

  static StackTraceElement boundary(String task) {
    return marker(BOUNDARY, task + " failed; awaited by the frames below");
  }

  static StackTraceElement awaited() {
    return marker(AWAITED, "failed elsewhere; awaited by the frames below");
  }

  static StackTraceElement spawn(String task, boolean exact) {
    return marker(
        SPAWN, task + " was spawned by the frame below" + (exact ? "" : ", at or after its line"));
  }

  private static StackTraceElement marker(String kind, String sentence) {
    return new StackTraceElement(MARKER_CLASS, kind, sentence, -1);
  }
}
