/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.runtime.internal.debug;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * What one runtime thread is polling, for the {@link Watchdog} and for spawn sites: the task (or
 * the future given to {@code blockOn}) and a count of polls started, in the spirit of Go's {@code
 * sysmon}, which finds long-running goroutines by a per-processor {@code schedtick} that did not
 * move. A poll is slow when the watchdog sees the same count, with something running, for longer
 * than the threshold. So a poll costs two plain stores (x86: no fence) and no clock read.
 *
 * <p>Thread safety: {@link #enter}, {@link #idle} and {@link #bind} are called by the owning thread
 * only (the worker, or the thread inside a current-thread {@code blockOn}); the watchdog reads with
 * acquire semantics. The {@code seen*} fields are the watchdog's alone.
 */
public final class PollSlot {
  private static final VarHandle RUNNING;
  private static final VarHandle POLLS;

  static {
    try {
      MethodHandles.Lookup l = MethodHandles.lookup();
      RUNNING = l.findVarHandle(PollSlot.class, "running", Object.class);
      POLLS = l.findVarHandle(PollSlot.class, "polls", int.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  @SuppressWarnings("unused") // accessed through RUNNING
  private Object running;

  /** Written by the owner only, so its plain read of its own writes is exact. */
  private int polls;

  private volatile Thread thread;

  // The watchdog's own: the poll count it last saw, how long it has seen it running (in its
  // ticks), and whether it was reported.
  int seenPolls = -1;
  long heldNanos;
  /** The thread's CPU time when the watchdog first saw this poll held, or -1. */
  long cpuAtHold = -1;
  boolean reported;

  /** The thread that polls through this slot from now on (null: none). */
  public void bind(Thread t) {
    thread = t;
  }

  /**
   * A poll of {@code what} (a {@link TaskView}, or the future given to {@code blockOn}) starts:
   * the running thing first, then the count with release semantics, so the watchdog that sees
   * the new count sees what runs.
   */
  public void enter(Object what) {
    RUNNING.setOpaque(this, what);
    POLLS.setRelease(this, polls + 1);
  }

  /** The thread stops polling (it parks, turns its drivers, or leaves {@code blockOn}). */
  public void idle() {
    RUNNING.setOpaque(this, null);
  }

  /** What runs now, or null. On the owning thread: what the current poll polls. */
  public Object running() {
    return RUNNING.getOpaque(this);
  }

  int pollsSeen() {
    return (int) POLLS.getAcquire(this);
  }

  Thread thread() {
    return thread;
  }
}
