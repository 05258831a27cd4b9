/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.runtime.internal.time;

import dev.asyncfn.runtime.Waker;

/**
 * One registered timer: its deadline as a wheel tick, the waker to call, and its place in the
 * wheel.
 *
 * <p>The public {@code Sleep} future extends this class (its implementation in the {@code time}
 * package does) so that a sleeping task's timer is one object, not a sleep plus an entry (as
 * Tokio's {@code TimerEntry} lives inside its {@code Sleep}). So the fields the future drives are
 * protected; the wheel's links stay package-private.
 *
 * <p>{@code when} is set before registration and not changed while registered. {@code level},
 * {@code slot}, {@code prev} and {@code next} are guarded by the driver's lock ({@code level} is -1
 * when not in the wheel). {@code waker} is written by the owning future's poll and read by the
 * firing thread; {@code fired} is set before the waker is read, and the poll re-reads it after
 * storing a new waker, so a fire racing with a poll never loses the wake.
 */
public class TimerEntry {
  /** The wheel tick while registered; before that, a sleep keeps its deadline here. */
  protected long when;
  /** The waker the firing thread calls; null once the owner no longer waits. */
  protected volatile Waker waker;
  /** Set by the firing thread before it reads {@link #waker}. */
  protected volatile boolean fired;
  int level = -1;
  int slot;
  TimerEntry prev;
  TimerEntry next;

  /** An entry that is not registered yet. */
  protected TimerEntry() {}

  TimerEntry(long when, Waker waker) {
    this.when = when;
    this.waker = waker;
  }
}
