/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.runtime.internal.sync;

/**
 * An intrusive doubly linked FIFO list of {@link Waiter}s: O(1) append, removal of the first, and
 * removal of any node (a cancelled waiter leaves from the middle).
 *
 * <p>Not thread-safe: the owning primitive calls it under its lock.
 *
 * @param <W> the waiter type
 */
public final class WaiterList<W extends Waiter> {
  private Waiter head;
  private Waiter tail;
  private int size;

  /** Appends {@code w}, which must not be in any list. */
  public void addLast(W w) {
    if (w.linked) {
      throw new IllegalStateException("waiter is already queued");
    }
    w.linked = true;
    w.prev = tail;
    w.next = null;
    if (tail == null) {
      head = w;
    } else {
      tail.next = w;
    }
    tail = w;
    size++;
  }

  /** The first waiter, or {@code null} when empty. */
  @SuppressWarnings("unchecked")
  public W first() {
    return (W) head;
  }

  /** Removes and returns the first waiter, or {@code null} when empty. */
  public W removeFirst() {
    W w = first();
    if (w != null) {
      remove(w);
    }
    return w;
  }

  /** Removes {@code w} if it is linked; returns whether it was. */
  public boolean remove(W w) {
    if (!w.linked) {
      return false;
    }
    Waiter p = w.prev;
    Waiter n = w.next;
    if (p == null) {
      head = n;
    } else {
      p.next = n;
    }
    if (n == null) {
      tail = p;
    } else {
      n.prev = p;
    }
    w.prev = null;
    w.next = null;
    w.linked = false;
    size--;
    return true;
  }

  /**
   * Unlinks every waiter, first to last, and adds the waker it held to {@code wakes}, to be woken
   * once the owner's lock is released.
   */
  public void removeAllInto(WakeList wakes) {
    for (W w = removeFirst(); w != null; w = removeFirst()) {
      wakes.add(w.takeWaker());
    }
  }

  /** Whether no waiter is queued. */
  public boolean isEmpty() {
    return head == null;
  }

  /** The number of queued waiters. */
  public int size() {
    return size;
  }
}
