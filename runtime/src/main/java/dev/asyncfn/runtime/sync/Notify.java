/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.runtime.sync;

import dev.asyncfn.runtime.Context;
import dev.asyncfn.runtime.Future;
import dev.asyncfn.runtime.Poll;
import dev.asyncfn.runtime.Waker;
import dev.asyncfn.runtime.internal.sync.SyncMessages;
import dev.asyncfn.runtime.internal.sync.Waiter;
import dev.asyncfn.runtime.internal.sync.WaiterList;
import dev.asyncfn.runtime.internal.sync.WakeList;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * Wakes waiting tasks without passing data: the building block for hand-made async primitives
 * (Tokio's {@code tokio::sync::Notify}).
 *
 * <ul>
 *   <li>{@link #notifyOne()} wakes the longest-waiting {@link #notified()} future; if none waits,
 *       it stores one permit (at most one, like a binary semaphore), which the next {@code
 *       notified()} consumes at once.
 *   <li>{@link #notifyWaiters()} wakes every {@code notified()} future created before the call,
 *       even one not polled yet, and stores no permit.
 * </ul>
 *
 * <h2>Example</h2>
 *
 * <pre>{@code
 * // consumer                               // producer
 * while (queue.isEmpty()) {                 queue.add(item);
 *   await(notify.notified());               notify.notifyOne();
 * }
 * }</pre>
 *
 * The stored permit makes this correct: a {@code notifyOne()} that comes between the consumer's
 * check and its await is not lost.
 *
 * <h2>Thread safety</h2>
 *
 * Every method may be called from any thread; waiters are woken after the internal lock is
 * released.
 *
 * <h2>Cancellation</h2>
 *
 * {@code notified()} is cancel-safe: a cancelled future leaves the queue, and a notification from
 * {@code notifyOne()} that reached it just before the cancel is passed on to the next waiter (or
 * stored as the permit), so it is never lost. A cancelled future does lose its place in the queue.
 */
public final class Notify {
  private final WaiterList<Notified> waiters = new WaiterList<>();

  /** Guarded by {@code waiters}. */
  private boolean permit;

  /** How many times {@link #notifyWaiters()} ran; guarded by {@code waiters}. */
  private long waitersCalls;

  /** A notify with no permit stored. */
  public Notify() {}

  /**
   * A future that completes when this notify is notified: by a stored permit, a {@link
   * #notifyOne()} while it waits, or a {@link #notifyWaiters()} after it was created.
   *
   * <p>Cancel safety: a {@code notifyOne()} that reached the future just before it was cancelled
   * is passed to the next waiter, or stored as the permit.
   */
  public Future<Void> notified() {
    long calls;
    synchronized (waiters) {
      calls = waitersCalls;
    }
    return new Notified(this, calls);
  }

  /** Wakes the first waiter, or stores a permit for the next {@link #notified()} if none waits. */
  public void notifyOne() {
    Waker w;
    synchronized (waiters) {
      w = notifyOneLocked();
    }
    if (w != null) {
      w.wake();
    }
  }

  private Waker notifyOneLocked() {
    Notified n = waiters.removeFirst();
    if (n == null) {
      permit = true;
      return null;
    }
    n.phase = Notified.NOTIFIED_ONE;
    Waker w = n.takeWaker();
    return w;
  }

  /** Wakes every waiter, and every {@code notified()} future created so far; stores no permit. */
  public void notifyWaiters() {
    WakeList wakes = new WakeList();
    synchronized (waiters) {
      waitersCalls++;
      for (Notified n = waiters.removeFirst(); n != null; n = waiters.removeFirst()) {
        n.phase = Notified.NOTIFIED_ALL;
        wakes.add(n.takeWaker());
      }
    }
    wakes.wakeAll();
  }

  @Override
  public String toString() {
    synchronized (waiters) {
      return "Notify(permit=" + permit + ", waiters=" + waiters.size() + ")";
    }
  }

  /** One wait; the future is its own queue node. */
  private static final class Notified extends Waiter implements Future<Void> {
    static final int IDLE = 0;
    static final int WAITING = 1;
    static final int NOTIFIED_ONE = 2;
    static final int NOTIFIED_ALL = 3;
    static final int DONE = 4;

    private final Notify notify;
    private final long callsAtCreation;

    /**
     * Written under {@code notify.waiters}, except by the owner once notified: a notifier only
     * moves a queued waiter to NOTIFIED_*, and from there only the owner's poll or cancel moves it.
     * Volatile so that the woken poll needs no lock (a million tasks woken at once would otherwise
     * all queue on the one monitor). Not initialised (IDLE is 0), and the woken owner's move to
     * DONE is plain ({@link #PHASE}): a volatile store costs a fence, once per waiter.
     */
    volatile int phase;

    private static final VarHandle PHASE;

    static {
      try {
        PHASE = MethodHandles.lookup().findVarHandle(Notified.class, "phase", int.class);
      } catch (ReflectiveOperationException e) {
        throw new ExceptionInInitializerError(e);
      }
    }

    Notified(Notify notify, long callsAtCreation) {
      this.notify = notify;
      this.callsAtCreation = callsAtCreation;
    }

    @Override
    public Poll<Void> poll(Context cx) {
      int seen = phase;
      if (seen == NOTIFIED_ONE || seen == NOTIFIED_ALL) {
        PHASE.set(this, DONE);
        return Poll.ready(null);
      }
      synchronized (notify.waiters) {
        switch (phase) {
          case IDLE:
            if (notify.waitersCalls != callsAtCreation) {
              phase = DONE;
              return Poll.ready(null);
            }
            if (notify.permit) {
              notify.permit = false;
              phase = DONE;
              return Poll.ready(null);
            }
            phase = WAITING;
            waker = cx.waker();
            notify.waiters.addLast(this);
            return Poll.pending();
          case WAITING:
            Waker w = cx.waker();
            if (waker == null || !waker.willWake(w)) {
              waker = w;
            }
            return Poll.pending();
          case NOTIFIED_ONE:
          case NOTIFIED_ALL:
            phase = DONE;
            return Poll.ready(null);
          default:
            throw new IllegalStateException(SyncMessages.POLLED_AFTER_DONE);
        }
      }
    }

    @Override
    public void cancel() {
      Waker forward = null;
      synchronized (notify.waiters) {
        if (phase == WAITING) {
          notify.waiters.remove(this);
        } else if (phase == NOTIFIED_ONE) {
          // The notification was meant for a waiter: give it to the next one instead of losing it.
          forward = notify.notifyOneLocked();
        }
        phase = DONE;
        waker = null;
      }
      if (forward != null) {
        forward.wake();
      }
    }
  }
}
