/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.runtime.internal.time;

import dev.asyncfn.runtime.Waker;
import dev.asyncfn.runtime.internal.Messages;
import dev.asyncfn.runtime.internal.Sneaky;
import java.util.ArrayList;
import java.util.List;

/**
 * A runtime's timers and clock. Timers live in a hierarchical {@link TimerWheel} of 1 ms ticks
 * under one lock; the executor fires expired ones from its loop and parks its idle thread until
 * {@link #nextDeadlineNanoTime()}. A timer fires at the first tick at or after its deadline, never
 * before it.
 *
 * <p>Clock: real ({@link System#nanoTime()}) or paused (virtual nanoseconds that move only through
 * {@link #advance} and {@link #advanceToNextTimer}, Tokio's paused time). Times are nanoseconds on
 * that clock; compare them by subtraction.
 *
 * <p>Invariants: {@code wheel} and {@code due} are guarded by {@code this}; {@code next} caches the
 * clock reading of the wheel's next expiration (MAX when empty), written under the lock and read
 * without it. Wakers are called outside the lock. Ticks count from {@code origin}, the clock
 * reading when the driver was made.
 *
 * <p>Internal.
 */
public final class TimeDriver {
  private final boolean paused;
  private volatile long virtualNow;
  /** Wheel resolution: one tick is one millisecond, as in Tokio. */
  static final long TICK_NANOS = 1_000_000L;

  /** Far deadlines are capped here so nanoTime differences never overflow (about 146 years). */
  private static final long MAX_TICK = (1L << 62) / TICK_NANOS;

  private final long origin;
  private final TimerWheel wheel = new TimerWheel();
  private final List<TimerEntry> due = new ArrayList<>();
  private volatile long next = Long.MAX_VALUE;
  private volatile Runnable listener = () -> {};

  /** A driver with a real clock, or a paused virtual one starting at the real now. */
  public TimeDriver(boolean paused) {
    this.paused = paused;
    this.virtualNow = System.nanoTime();
    this.origin = virtualNow;
  }

  /** Called when a registration makes the earliest deadline earlier (to re-arm a parked thread). */
  public void setListener(Runnable listener) {
    this.listener = listener;
  }

  /** Whether the clock is virtual. */
  public boolean isPaused() {
    return paused;
  }

  /** The current time on this driver's clock, in nanoseconds. */
  public long now() {
    return paused ? virtualNow : System.nanoTime();
  }

  /** Whether any timer is registered. */
  public boolean hasTimers() {
    return next != Long.MAX_VALUE;
  }

  /**
   * When the executor must wake up to fire the next timer, as a {@link System#nanoTime()} value;
   * MAX when there is no timer, and always MAX on a paused clock (it advances by itself instead).
   */
  public long nextDeadlineNanoTime() {
    return paused ? Long.MAX_VALUE : next;
  }

  /**
   * Registers {@code e}, which must not be registered, for {@code deadline}; on return
   * {@code e.fired} is true when the deadline had already passed (no wake will come).
   */
  public void register(TimerEntry e, long deadline, Waker waker) {
    e.when = ceilTick(deadline);
    e.waker = waker;
    boolean earlier = false;
    synchronized (this) {
      if (!wheel.insert(e)) {
        e.fired = true; // due already: the caller sees fired and completes without a wake
        return;
      }
      long n = nanosOf(wheel.nextExpiration());
      if (n != next) {
        earlier = next == Long.MAX_VALUE || n - next < 0;
        next = n;
      }
    }
    if (earlier) {
      listener.run();
    }
  }

  /** Removes {@code e}, which is registered and has not fired, from the wheel. */
  public void deregister(TimerEntry e) {
    synchronized (this) {
      wheel.remove(e);
      next = nanosOf(wheel.nextExpiration());
    }
  }

  /** Number of registered timers; for tests. */
  public synchronized int timerCount() {
    return wheel.size();
  }

  /** Fires every timer whose deadline has passed. Cheap when none has: one volatile read. */
  public void fireExpired() {
    long n = next;
    if (n == Long.MAX_VALUE || n - now() > 0) {
      return;
    }
    fireUpTo(now());
  }

  private void fireUpTo(long now) {
    TimerEntry[] fired;
    synchronized (this) {
      wheel.advance(floorTick(now), due);
      next = nanosOf(wheel.nextExpiration());
      if (due.isEmpty()) {
        return;
      }
      fired = due.toArray(new TimerEntry[0]);
      due.clear();
      for (TimerEntry e : fired) {
        e.fired = true;
      }
    }
    for (TimerEntry e : fired) {
      Waker w = e.waker;
      if (w != null) {
        try {
          w.wake();
        } catch (Throwable t) {
          Sneaky.report(t);
        }
      }
    }
  }

  /** The first tick at or after {@code nanos} (a timer never fires early). */
  private long ceilTick(long nanos) {
    long d = nanos - origin;
    if (nanos > origin && d < 0) {
      return MAX_TICK; // overflow: as far as it gets
    }
    if (d <= 0) {
      return 0;
    }
    return Math.min(MAX_TICK, (d - 1) / TICK_NANOS + 1);
  }

  /** The last tick at or before {@code nanos}. */
  private long floorTick(long nanos) {
    long d = nanos - origin;
    if (nanos > origin && d < 0) {
      return MAX_TICK;
    }
    return d <= 0 ? 0 : Math.min(MAX_TICK, d / TICK_NANOS);
  }

  /** The clock reading of tick {@code tick}; MAX for none. */
  private long nanosOf(long tick) {
    return tick == Long.MAX_VALUE ? Long.MAX_VALUE : origin + Math.min(tick, MAX_TICK) * TICK_NANOS;
  }

  /**
   * Paused clock only: jumps to the earliest deadline and fires what is due. Returns false when
   * there is no timer (nothing to advance to).
   */
  public boolean advanceToNextTimer() {
    long n = next;
    if (!paused || n == Long.MAX_VALUE) {
      return false;
    }
    synchronized (this) {
      if (n - virtualNow > 0) {
        virtualNow = n;
      }
    }
    fireUpTo(virtualNow);
    return true;
  }

  /**
   * Paused clock only: moves the clock forward by {@code nanos} and fires what is due.
   *
   * @throws IllegalStateException on a real clock
   */
  public void advance(long nanos) {
    if (!paused) {
      throw new IllegalStateException(Messages.ADVANCE_NEEDS_PAUSED);
    }
    if (nanos < 0) {
      throw new IllegalArgumentException("cannot advance the clock by a negative duration");
    }
    synchronized (this) {
      virtualNow += nanos;
    }
    fireUpTo(virtualNow);
  }

  /** Drops every timer (shutdown); their wakers are not called. */
  public void clear() {
    synchronized (this) {
      wheel.clear();
      next = Long.MAX_VALUE;
    }
  }
}
