/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.runtime.internal.sync;

import dev.asyncfn.runtime.Context;
import dev.asyncfn.runtime.Waker;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A counting semaphore whose waiters acquire any number of permits at once, in FIFO order: the
 * core of {@code Mutex}, {@code RwLock}, {@code Semaphore} and the bounded {@code Mpsc} channel
 * (Tokio's {@code batch_semaphore}).
 *
 * <p>An uncontended acquire or release is one compare-and-set on {@link #state} and takes no
 * lock. When permits run out, the acquiring future queues itself (it is an {@link Acquire} node)
 * and released permits are handed to the first waiter until it has all it asked for, then to the
 * next; a waiter that wants many permits holds back the ones behind it, which keeps the order
 * fair (a writer of an {@code RwLock} is not starved by a stream of readers).
 *
 * <h2>Thread safety</h2>
 *
 * Every method may be called from any thread. The waiter list is guarded by its own monitor.
 */
public final class BatchSemaphore {
  /** The most permits a semaphore can hold (the state word keeps one bit for "closed"). */
  public static final int MAX_PERMITS = Integer.MAX_VALUE >>> 1;

  /** {@link #tryAcquire} and {@link Acquire#pollAcquire}: the permits are now the caller's. */
  public static final int ACQUIRED = 0;

  /** Not enough permits: {@code tryAcquire} gave up, {@code pollAcquire} is waiting. */
  public static final int NO_PERMITS = 1;

  /** The semaphore was closed: nothing can be acquired any more. */
  public static final int CLOSED = 2;

  private static final int CLOSED_BIT = 1;
  private static final int PERMIT_SHIFT = 1;

  /** Permits not assigned to anyone, shifted left by one; bit 0 is the closed flag. */
  private final AtomicInteger state;

  private final WaiterList<Acquire> waiters = new WaiterList<>();

  /** Written under the {@code waiters} monitor; read without it on the fast paths. */
  private volatile boolean hasWaiters;

  /** A semaphore holding {@code permits} permits. */
  public BatchSemaphore(int permits) {
    if (permits < 0 || permits > MAX_PERMITS) {
      throw new IllegalArgumentException(
          "permits must be between 0 and " + MAX_PERMITS + ", got " + permits);
    }
    state = new AtomicInteger(permits << PERMIT_SHIFT);
  }

  /**
   * Takes {@code n} permits if they are free and nobody is queued for them.
   *
   * @return {@link #ACQUIRED}, {@link #NO_PERMITS} or {@link #CLOSED}
   */
  public int tryAcquire(int n) {
    checkCount(n);
    if (hasWaiters) {
      // The free count is being handed to the queue: taking from it would jump the queue.
      return (state.get() & CLOSED_BIT) != 0 ? CLOSED : NO_PERMITS;
    }
    return tryTake(n);
  }

  private int tryTake(int n) {
    for (; ; ) {
      int s = state.get();
      if ((s & CLOSED_BIT) != 0) {
        return CLOSED;
      }
      if ((s >>> PERMIT_SHIFT) < n) {
        return NO_PERMITS;
      }
      if (state.compareAndSet(s, s - (n << PERMIT_SHIFT))) {
        return ACQUIRED;
      }
    }
  }

  /** Gives back {@code n} permits; queued waiters get them first, in order. */
  public void release(int n) {
    if (n == 0) {
      return;
    }
    checkCount(n);
    for (; ; ) {
      int s = state.get();
      if ((s >>> PERMIT_SHIFT) > MAX_PERMITS - n) {
        throw new IllegalStateException(
            "releasing " + n + " permits would exceed the maximum of " + MAX_PERMITS
                + " permits: a permit was released more often than it was acquired");
      }
      if (state.compareAndSet(s, s + (n << PERMIT_SHIFT))) {
        break;
      }
    }
    if (hasWaiters) {
      WakeList wakes = new WakeList();
      synchronized (waiters) {
        assignLocked(wakes);
      }
      wakes.wakeAll();
    }
  }

  /**
   * Closes the semaphore: every queued and later acquisition fails with {@link #CLOSED}. Permits
   * already held stay valid and may still be released. Idempotent.
   */
  public void close() {
    WakeList wakes = new WakeList();
    synchronized (waiters) {
      state.getAndUpdate(s -> s | CLOSED_BIT);
      for (Acquire a = waiters.removeFirst(); a != null; a = waiters.removeFirst()) {
        a.phase = Acquire.FAILED;
        wakes.add(a.takeWaker());
      }
      hasWaiters = false;
    }
    wakes.wakeAll();
  }

  /** Whether {@link #close()} was called. */
  public boolean isClosed() {
    return (state.get() & CLOSED_BIT) != 0;
  }

  /** The permits free right now (not held, not assigned to a waiter). */
  public int availablePermits() {
    return state.get() >>> PERMIT_SHIFT;
  }

  /** Hands free permits to the queued waiters in FIFO order. Caller holds the monitor. */
  private void assignLocked(WakeList wakes) {
    for (; ; ) {
      Acquire head = waiters.first();
      if (head == null) {
        hasWaiters = false;
        return;
      }
      int s = state.get();
      int free = s >>> PERMIT_SHIFT;
      if (free == 0 || (s & CLOSED_BIT) != 0) {
        return;
      }
      int take = Math.min(free, head.remaining);
      if (!state.compareAndSet(s, s - (take << PERMIT_SHIFT))) {
        continue;
      }
      head.remaining -= take;
      if (head.remaining == 0) {
        waiters.remove(head);
        head.phase = Acquire.GRANTED;
        wakes.add(head.takeWaker());
      }
    }
  }

  private static void checkCount(int n) {
    if (n < 1 || n > MAX_PERMITS) {
      throw new IllegalArgumentException(
          "permit count must be between 1 and " + MAX_PERMITS + ", got " + n);
    }
  }

  /**
   * One acquisition of {@code n} permits that may wait; the future that acquires extends it, so the
   * future is its own queue node.
   *
   * <p>Called by the owning task only ({@code pollAcquire} and {@code cancelAcquire} are never
   * concurrent); releasers on other threads touch it only under the semaphore's monitor.
   */
  public abstract static class Acquire extends Waiter {
    static final int IDLE = 0;
    static final int WAITING = 1;
    static final int GRANTED = 2;
    static final int FAILED = 3;
    static final int DONE = 4;
    static final int CANCELLED = 5;

    private final BatchSemaphore semaphore;
    private final int wanted;

    /** Permits still missing while queued; guarded by the semaphore's monitor. */
    int remaining;

    /**
     * Written under the monitor once queued; volatile so a granted poll needs no lock. Not
     * initialised (IDLE is 0): a volatile store in the constructor would cost a fence per send.
     * The owner's writes where no other thread can see the node any more (never queued, or
     * granted and unlinked, or cancelled while idle) are plain ({@link #PHASE}), for the same
     * reason.
     */
    volatile int phase;

    private static final VarHandle PHASE;

    static {
      try {
        PHASE = MethodHandles.lookup().findVarHandle(Acquire.class, "phase", int.class);
      } catch (ReflectiveOperationException e) {
        throw new ExceptionInInitializerError(e);
      }
    }

    /** An acquisition of {@code n} permits of {@code semaphore}; nothing happens before a poll. */
    protected Acquire(BatchSemaphore semaphore, int n) {
      checkCount(n);
      this.semaphore = semaphore;
      this.wanted = n;
    }

    /** The number of permits this acquisition takes. */
    protected final int permits() {
      return wanted;
    }

    /**
     * Drives the acquisition: {@link #ACQUIRED} when the permits are the caller's (from then on
     * the caller must release them), {@link #NO_PERMITS} while queued with {@code cx}'s waker
     * registered, {@link #CLOSED} if the semaphore was closed first.
     *
     * @throws IllegalStateException if it already returned {@code ACQUIRED} or {@code CLOSED}, or
     *     was cancelled
     */
    protected final int pollAcquire(Context cx) {
      int p = phase;
      if (p == GRANTED) {
        PHASE.set(this, DONE);
        return ACQUIRED;
      }
      if (p == DONE || p == CANCELLED) {
        throw new IllegalStateException(
            "future polled after it completed or was cancelled: create a new one to wait again");
      }
      if (p == IDLE && !semaphore.hasWaiters) {
        int r = semaphore.tryTake(wanted);
        if (r != NO_PERMITS) {
          PHASE.set(this, DONE);
          return r;
        }
      }
      WakeList wakes = null;
      int result;
      synchronized (semaphore.waiters) {
        p = phase;
        if (p == IDLE) {
          if (semaphore.isClosed()) {
            phase = DONE;
            return CLOSED;
          }
          remaining = wanted;
          phase = WAITING;
          waker = cx.waker();
          semaphore.waiters.addLast(this);
          semaphore.hasWaiters = true;
          wakes = new WakeList();
          // Permits released between the failed fast path and the enqueue are still free.
          semaphore.assignLocked(wakes);
          p = phase;
        }
        if (p == GRANTED) {
          phase = DONE;
          waker = null;
          result = ACQUIRED;
        } else if (p == FAILED) {
          phase = DONE;
          result = CLOSED;
        } else {
          Waker w = cx.waker();
          if (waker == null || !waker.willWake(w)) {
            waker = w;
          }
          result = NO_PERMITS;
        }
      }
      if (wakes != null) {
        wakes.wakeAll();
      }
      return result;
    }

    /**
     * Drops the acquisition. Permits assigned to it but not yet returned by {@code pollAcquire}
     * (all of them if it was granted just before) go back to the semaphore, and so to the next
     * waiter. Does nothing after {@code pollAcquire} returned {@code ACQUIRED}: those permits are
     * the caller's to release. Idempotent.
     */
    protected final void cancelAcquire() {
      int p = phase;
      if (p == DONE || p == CANCELLED) {
        return;
      }
      if (p == IDLE) {
        PHASE.set(this, CANCELLED);
        return;
      }
      int giveBack;
      synchronized (semaphore.waiters) {
        p = phase;
        if (p == WAITING) {
          semaphore.waiters.remove(this);
          semaphore.hasWaiters = !semaphore.waiters.isEmpty();
          giveBack = wanted - remaining;
        } else if (p == GRANTED) {
          giveBack = wanted;
        } else {
          giveBack = 0;
        }
        phase = CANCELLED;
        waker = null;
      }
      if (giveBack > 0) {
        semaphore.release(giveBack);
      } else if (p == WAITING && semaphore.hasWaiters) {
        // A large request at the head may have been holding back smaller ones behind it.
        WakeList wakes = new WakeList();
        synchronized (semaphore.waiters) {
          semaphore.assignLocked(wakes);
        }
        wakes.wakeAll();
      }
    }
  }
}
