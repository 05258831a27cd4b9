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
  // until the first poll, the absolute deadline in nanoseconds after it (hasDeadline tells which),
  // and the wheel's tick once registered (register() converts it). A sleeping task is mostly this
  // object, so each field counts: 48 bytes in all.

  private boolean hasDeadline;
  private TimeDriver driver;
  /** This sleep is in the driver's wheel (it is its own timer entry). */
  private boolean registered;
  private boolean done;

  TimerSleep(long relativeNanos) {
    this.when = relativeNanos;
  }

  TimerSleep(Instant deadline) {
    this.when = deadline.nanos();
    this.hasDeadline = true;
  }

  @Override
  public Poll<Void> poll(Context cx) {
    if (done) {
      throw new IllegalStateException("Sleep polled after it completed: await it only once");
    }
    if (driver == null) {
      driver = Time.driver("Time.sleep()");
      if (!hasDeadline) {
        when = Time.saturatingAdd(driver.now(), when);
        hasDeadline = true;
      }
    }
    if (!registered) {
      if (when - driver.now() <= 0) {
        return finish();
      }
      registered = true;
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
    done = true;
    registered = false;
    waker = null; // out of the wheel once fired: do not keep the task reachable from here
    return Poll.ready(null);
  }

  @Override
  public boolean isElapsed() {
    return done;
  }

  @Override
  public void cancel() {
    if (registered) {
      registered = false;
      driver.deregister(this);
      waker = null;
    }
    done = true;
  }
}
