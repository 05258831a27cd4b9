/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.runtime.lincheck;

import dev.asyncfn.runtime.Future;
import dev.asyncfn.runtime.Poll;
import java.util.function.Supplier;

/**
 * One future that a {@link TestTask} awaits across operations. Each operation on the slot polls the
 * future (starting it first if the slot is idle), so its result is a linearizable observation of
 * the primitive; separately, the slot keeps the waker's books:
 *
 * <ul>
 *   <li>a future that completes although its waker was not woken since it last answered pending is
 *       owed that wake ({@link TestTask#owe}): it must arrive by the end of the scenario;
 *   <li>a future still pending at the end whose waker was not woken since must still answer pending
 *       ({@link #verify()}): otherwise it waits for a wake-up that will never come.
 * </ul>
 *
 * <p>Results are strings, so that the implementation and the sequential specification compare with
 * {@code equals}: {@link #PENDING}, {@code "ready:" + value}, or {@code "threw:" + SimpleName}.
 */
final class Slot {
  static final String PENDING = "pending";
  static final String IDLE = "idle";
  static final String CANCELLED = "cancelled";

  private final TestTask task;
  private Future<?> future;
  private int seenWakes;

  /** The future answered pending at its last poll (a created, never polled one has no waker). */
  private boolean waiting;

  private Object value;

  Slot(TestTask task) {
    this.task = task;
  }

  /** Polls the pending future, or starts one from {@code start} and polls it. */
  Object poll(Supplier<? extends Future<?>> start) {
    boolean wasPending = waiting;
    if (future == null) {
      try {
        future = start.get();
      } catch (RuntimeException e) {
        return threw(e); // refused before any future existed (a closed handle)
      }
    }
    // Read before the poll: a wake during the poll counts as a wake after it.
    int wakes = task.wakes();
    Object result;
    try {
      Poll<?> p = future.poll(task);
      if (p.isPending()) {
        seenWakes = wakes;
        waiting = true;
        return PENDING;
      }
      value = p.get();
      result = ready(value);
    } catch (RuntimeException e) {
      result = threw(e);
    }
    future = null;
    waiting = false;
    if (wasPending && wakes == seenWakes) {
      task.owe(seenWakes);
    }
    return result;
  }

  /** Creates the future from {@code start} without polling it, if the slot is idle. */
  Object start(Supplier<? extends Future<?>> start) {
    if (future != null) {
      return "busy";
    }
    try {
      future = start.get();
    } catch (RuntimeException e) {
      return threw(e);
    }
    return "created";
  }

  /** Polls the future created by {@link #start}, if any. */
  Object pollStarted() {
    return future == null ? IDLE : poll(() -> null);
  }

  /** Takes the value of the last poll that was ready (a guard, a permit), to hold it. */
  Object takeValue() {
    Object v = value;
    value = null;
    return v;
  }

  /** Whether a future is pending in this slot. */
  boolean busy() {
    return future != null;
  }

  /** Whether the future in this slot answered pending at its last poll: its task waits. */
  boolean waiting() {
    return waiting;
  }

  /** Cancels the pending future (a dropped await: select loser, aborted task), if any. */
  Object cancel() {
    if (future == null) {
      return IDLE;
    }
    Future<?> f = future;
    future = null;
    waiting = false;
    f.cancel();
    return CANCELLED;
  }

  /** Forgets the pending future without cancelling it (the task stopped polling it). */
  void forget() {
    future = null;
    waiting = false;
  }

  /**
   * At the end of a scenario: a future still pending whose waker was not woken since must not be
   * ready, or its task would sleep forever.
   */
  void verify() {
    if (!waiting || task.wakes() != seenWakes) {
      return;
    }
    Object again;
    try {
      Poll<?> p = future.poll(task);
      if (p.isPending()) {
        return;
      }
      again = ready(p.get());
    } catch (RuntimeException e) {
      again = threw(e);
    }
    throw new AssertionError(
        "lost wake-up: a pending future is " + again + " but its waker was never woken");
  }

  static String ready(Object value) {
    return "ready:" + value;
  }

  static String threw(Throwable e) {
    return "threw:" + e.getClass().getSimpleName();
  }

  /** Runs {@code action}, answering its exception's name instead of throwing. */
  static Object call(Supplier<?> action) {
    try {
      return action.get();
    } catch (RuntimeException e) {
      return threw(e);
    }
  }
}
