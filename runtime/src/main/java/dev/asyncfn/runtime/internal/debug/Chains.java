/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.runtime.internal.debug;

import dev.asyncfn.runtime.Future;
import dev.asyncfn.runtime.support.MachineFrame;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Walks the chain of {@link MachineFrame}s a task's future is made of: from the root machine
 * through each {@link MachineFrame#awaited()} down to the innermost await, as a stack trace of the
 * user's frames. A future that is not a machine ends the walk and is shown by its {@code
 * toString()}.
 *
 * <p>Thread safety: may run on any thread. Read from a thread that does not poll the task, the
 * answers of a chain are a racy snapshot (the machines are plain objects mutated by their poller);
 * a failure of a user's {@code toString()} is shown instead of thrown, and a cyclic chain stops
 * after {@value #MAX_DEPTH} futures.
 */
public final class Chains {
  private static final int MAX_DEPTH = 128;
  private static final int MAX_DESCRIPTION = 200;

  private Chains() {}

  /**
   * Where a chain is suspended.
   *
   * @param frames the machines' frames at their awaits, innermost first (like a stack trace)
   * @param awaiting the innermost future that is not a machine, described, or null
   */
  public record Chain(List<StackTraceElement> frames, String awaiting) {}

  /** The chain of {@code root}, which may be null (a completed task). */
  public static Chain of(Future<?> root) {
    List<StackTraceElement> frames = new ArrayList<>();
    Object f = root;
    String awaiting = null;
    for (int depth = 0; f != null && depth < MAX_DEPTH; depth++) {
      if (!(f instanceof MachineFrame)) {
        awaiting = describe(f);
        break;
      }
      MachineFrame m = (MachineFrame) f;
      try {
        StackTraceElement e = m.suspendedAt();
        if (e != null) {
          frames.add(e);
        }
        f = m.awaited();
      } catch (RuntimeException e) {
        awaiting = "(the chain could not be read: " + e + ")";
        break;
      }
    }
    Collections.reverse(frames);
    return new Chain(List.copyOf(frames), awaiting);
  }

  /**
   * The frame of the innermost machine of {@code root}'s chain, for a chain whose poll is running
   * on the calling thread: the machine whose code runs now, at the line its current state starts
   * at. Null when {@code root} is not a machine.
   */
  public static StackTraceElement innermostRunning(Future<?> root) {
    if (!(root instanceof MachineFrame)) {
      return null;
    }
    MachineFrame m = (MachineFrame) root;
    for (int depth = 0; depth < MAX_DEPTH; depth++) {
      Future<?> next = m.awaited();
      if (!(next instanceof MachineFrame)) {
        break;
      }
      m = (MachineFrame) next;
    }
    return m.suspendedAt();
  }

  /** {@code f.toString()} on one line and at most 200 characters, or why it failed. */
  static String describe(Object f) {
    if (f instanceof TaskView) {
      // An awaited JoinHandle: the task it joins says more than the handle's state.
      return "the JoinHandle of " + ((TaskView) f).label();
    }
    String s;
    try {
      s = String.valueOf(f);
    } catch (RuntimeException | LinkageError | StackOverflowError e) {
      s = f.getClass().getName() + " (its toString() threw " + e + ")";
    }
    s = s.replace('\n', ' ').replace('\r', ' ');
    return s.length() > MAX_DESCRIPTION ? s.substring(0, MAX_DESCRIPTION) + "..." : s;
  }
}
