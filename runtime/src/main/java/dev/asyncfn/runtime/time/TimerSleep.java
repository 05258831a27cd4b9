/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.runtime.time;

import dev.asyncfn.runtime.Context;
import dev.asyncfn.runtime.Poll;
import dev.asyncfn.runtime.Waker;
import dev.asyncfn.runtime.internal.time.TimeDriver;
import dev.asyncfn.runtime.internal.time.TimerEntry;

/**
 * The {@link Sleep} that {@link Time} makes: a future that is its own timer entry in the runtime's
 * time driver (as Tokio's {@code TimerEntry} lives inside its {@code Sleep}), so a sleeping task's
 * timer is one object. {@code Sleep} is an interface so that the driver's entry type stays
 * internal while this class extends it.
 */
final class TimerSleep extends TimerEntry implements Sleep {
  // The deadline lives in the entry's own `when` field, not one of its own: the relative duration
  // until the first poll, the absolute deadline in nanoseconds after it (HAS_DEADLINE tells which),
  // and the wheel's tick once registered (register() converts it). A sleeping task is mostly this
  // object, so each field counts: the three flags share one byte, which with the entry's own byte
  // fields fills the last word: 40 bytes in all (12 of header, 28 of fields).

  /** {@link #when} is an absolute deadline, not a duration from the first poll. */
  private static final byte HAS_DEADLINE = 1;
  /** This sleep is in the driver's wheel (it is its own timer entry). */
  private static final byte REGISTERED = 1 << 1;
  /** Completed or cancelled: polling again is a misuse. */
  private static final byte DONE = 1 << 2;

  /** Touched only by the owner that polls or cancels this sleep. */
  private byte flags;
  private TimeDriver driver;

  TimerSleep(long relativeNanos) {
    this.when = relativeNanos;
  }

  TimerSleep(Instant deadline) {
    this.when = deadline.nanos();
    this.flags = HAS_DEADLINE;
  }

  @Override
  public Poll<Void> poll(Context cx) {
    if ((flags & DONE) != 0) {
      throw new IllegalStateException("Sleep polled after it completed: await it only once");
    }
    if (driver == null) {
      driver = Time.driver("Time.sleep()");
      if ((flags & HAS_DEADLINE) == 0) {
        when = Time.saturatingAdd(driver.now(), when);
        flags |= HAS_DEADLINE;
      }
    }
    if ((flags & REGISTERED) == 0) {
      if (when - driver.now() <= 0) {
        return finish();
      }
      flags |= REGISTERED;
      driver.register(this, when, cx.waker());
      return fired ? finish() : Poll.pending();
    }
    if (fired) {
      return finish();
    }
    Waker w = cx.waker();
    if (waker != w) {
      waker = w;
    }
    return fired ? finish() : Poll.pending();
  }

  private Poll<Void> finish() {
    flags = (byte) ((flags | DONE) & ~REGISTERED);
    waker = null; // out of the wheel once fired: do not keep the task reachable from here
    return Poll.ready(null);
  }

  @Override
  public boolean isElapsed() {
    return (flags & DONE) != 0;
  }

  @Override
  public void cancel() {
    if ((flags & REGISTERED) != 0) {
      flags &= ~REGISTERED;
      driver.deregister(this);
      waker = null;
    }
    flags |= DONE;
  }

  /** What a task dump shows for a task suspended here; racy when read by another thread. */
  @Override
  public String toString() {
    int f = flags;
    return (f & DONE) != 0
        ? "Time.sleep (elapsed)"
        : (f & REGISTERED) != 0
            ? "Time.sleep (waiting for its deadline)"
            : "Time.sleep (not polled yet)";
  }
}
