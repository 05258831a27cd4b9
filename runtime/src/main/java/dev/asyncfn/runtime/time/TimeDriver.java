package dev.asyncfn.runtime.time;

import dev.asyncfn.runtime.Waker;
import dev.asyncfn.runtime.internal.Messages;
import dev.asyncfn.runtime.internal.Sneaky;
import java.util.ArrayList;
import java.util.List;

/**
 * A runtime's timers and clock. Timers live in an indexed heap under one lock; the executor fires
 * expired ones from its loop and parks its idle thread until {@link #nextDeadlineNanoTime()}.
 *
 * <p>Clock: real ({@link System#nanoTime()}) or paused (virtual nanoseconds that move only through
 * {@link #advance} and {@link #advanceToNextTimer}, Tokio's paused time). Times are nanoseconds on
 * that clock; compare them by subtraction.
 *
 * <p>Invariants: {@code heap} is guarded by {@code this}; {@code next} caches the heap's earliest
 * deadline (MAX when empty) and is written under the lock, read without it. Wakers are called
 * outside the lock.
 *
 * <p>Internal.
 */
public final class TimeDriver {
  private final boolean paused;
  private volatile long virtualNow;
  private final TimerHeap heap = new TimerHeap();
  private volatile long next = Long.MAX_VALUE;
  private volatile Runnable listener = () -> {};

  /** A driver with a real clock, or a paused virtual one starting at the real now. */
  public TimeDriver(boolean paused) {
    this.paused = paused;
    this.virtualNow = System.nanoTime();
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

  TimerEntry register(long deadline, Waker waker) {
    TimerEntry e = new TimerEntry(deadline, waker);
    boolean earlier;
    synchronized (this) {
      heap.add(e);
      earlier = heap.peek() == e;
      if (earlier) {
        next = deadline;
      }
    }
    if (earlier) {
      listener.run();
    }
    return e;
  }

  void deregister(TimerEntry e) {
    synchronized (this) {
      heap.remove(e);
      TimerEntry top = heap.peek();
      next = top == null ? Long.MAX_VALUE : top.deadline;
    }
  }

  /** Number of registered timers; for tests. */
  public synchronized int timerCount() {
    return heap.size();
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
    List<TimerEntry> due = null;
    synchronized (this) {
      for (TimerEntry top = heap.peek(); top != null && top.deadline - now <= 0; top = heap.peek()) {
        heap.poll();
        top.fired = true;
        if (due == null) {
          due = new ArrayList<>();
        }
        due.add(top);
      }
      TimerEntry top = heap.peek();
      next = top == null ? Long.MAX_VALUE : top.deadline;
    }
    if (due != null) {
      for (TimerEntry e : due) {
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
      heap.clear();
      next = Long.MAX_VALUE;
    }
  }
}
