/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.runtime.internal.executor;

import dev.asyncfn.runtime.internal.reactor.Reactor;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * Parks one thread until {@link #unpark()} or a deadline, either plainly or blocked in the I/O
 * driver's selector (Tokio's {@code Parker}, parked on the condvar or in the driver). The permit
 * makes an unpark that comes before the park count, so "check for work, then park" loses no
 * wake-up.
 *
 * <p>An unpark is a {@code LockSupport.unpark} of a plain park, and a selector wake-up of a park in
 * the driver. No lost wake-up: the parking thread publishes {@code driver} and then reads the
 * permit (as the {@code stop} of {@link Reactor#turn}, after the driver's last non-blocking select);
 * the unparker sets the permit and then reads {@code driver}. Both are volatile, so either the
 * parker sees the permit and does not block, or the unparker sees the driver and wakes its selector,
 * whose wake-up is sticky when it comes before the select.
 */
final class Parker implements BooleanSupplier {
  private volatile Thread thread;
  private volatile boolean permit;
  /** The driver the thread blocks in, while it does. */
  private volatile Reactor driver;
  private boolean interrupted;

  /** Binds the parker to the thread that will park on it. */
  void bind(Thread t) {
    thread = t;
  }

  /** Parks until unparked or until {@code deadline} ({@link System#nanoTime()}, MAX = none). */
  void park(long deadline) {
    while (!permit) {
      if (deadline == Long.MAX_VALUE) {
        LockSupport.park(this);
      } else {
        long remaining = deadline - System.nanoTime();
        if (remaining <= 0) {
          break;
        }
        LockSupport.parkNanos(this, remaining);
      }
      // An interrupted thread's park returns at once: clear the flag so we do not spin, and let
      // the owner restore it when it stops parking (takeInterrupt).
      if (Thread.interrupted()) {
        interrupted = true;
      }
    }
    permit = false;
  }

  /**
   * Blocks in {@code io}'s selector until unparked, {@code deadline}, or readiness (dispatched on
   * this thread); one turn of the driver, so the caller looks for work again afterwards. Plain
   * {@link #park(long)} when {@code io} is null.
   */
  void park(long deadline, Reactor io) {
    if (io == null) {
      park(deadline);
      return;
    }
    driver = io;
    try {
      io.turn(deadline, this);
    } finally {
      driver = null;
    }
    // A selector returns at once for an interrupted thread (and keeps the status): clear it so the
    // next park blocks, and let the owner restore it (takeInterrupt).
    if (Thread.interrupted()) {
      interrupted = true;
    }
    permit = false;
  }

  /** The permit, read by the driver right before it blocks. */
  @Override
  public boolean getAsBoolean() {
    return permit;
  }

  /** Whether the parked thread was interrupted since the last call; parking thread only. */
  boolean takeInterrupt() {
    boolean was = interrupted;
    interrupted = false;
    return was;
  }

  /** Wakes the parked thread, or makes its next park return at once. Any thread. */
  void unpark() {
    permit = true;
    Thread t = thread;
    if (t == Thread.currentThread()) {
      return; // a waker run by the parking thread itself (in the driver's dispatch): not parked
    }
    Reactor d = driver;
    if (d != null) {
      d.wakeup();
    } else if (t != null) {
      LockSupport.unpark(t);
    }
  }
}
