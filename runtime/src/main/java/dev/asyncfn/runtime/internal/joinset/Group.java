/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.runtime.internal.joinset;

import dev.asyncfn.runtime.AbortHandle;
import dev.asyncfn.runtime.JoinHandle;
import dev.asyncfn.runtime.Poll;
import dev.asyncfn.runtime.Waker;
import dev.asyncfn.runtime.internal.Sneaky;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The task handles of one {@code JoinSet} and the queue of those whose task finished (Tokio's
 * {@code IdleNotifiedSet}). See the package documentation for the invariants.
 *
 * <p>Internal. Owned by one task; only {@link #enqueue} is called from other threads.
 *
 * @param <T> the output type
 */
public final class Group<T> {
  // Members whose task finished, in the order their completions woke them.
  private final ConcurrentLinkedQueue<Member<T>> ready = new ConcurrentLinkedQueue<>();
  // The waker of the latest poll of the group; completions wake it.
  private volatile Waker owner;
  // Owner only: every member whose outcome was not taken yet.
  private Member<T> head;
  private int size;

  /** Adds the task behind {@code handle}; the returned handle aborts it. */
  public AbortHandle add(JoinHandle<? extends T> handle) {
    Member<T> m = new Member<>(this, handle);
    m.next = head;
    if (head != null) {
      head.prev = m;
    }
    head = m;
    size++;
    m.register();
    return m;
  }

  /** Number of tasks whose outcome was not taken yet (running, or finished and not joined). */
  public int size() {
    return size;
  }

  /** Aborts every task of the group; they stay in it until their outcome is taken. */
  public void abortAll() {
    Throwable first = null;
    for (Member<T> m = head; m != null; m = m.next) {
      try {
        m.abort();
      } catch (Throwable t) {
        // A future whose cancel() throws (Task reports it) or a broken waker: abort the others.
        if (first == null) {
          first = t;
        }
      }
    }
    if (first != null) {
      throw Sneaky.raise(first);
    }
  }

  /**
   * The outcome of the next task to have finished: ready with its output (the member leaves the
   * group), pending (the waker {@code w} will be woken), or {@code null} when the group is empty.
   * A task that failed, or was aborted, leaves the group and its exception is thrown unchanged.
   */
  public Poll<T> pollNext(Waker w) {
    if (owner != w) {
      owner = w; // before reading the queue: see the package documentation
    }
    for (;;) {
      Member<T> m = ready.poll();
      if (m == null) {
        return size == 0 ? null : Poll.pending();
      }
      if (m.removed) {
        continue; // a late wake-up of a member whose outcome was already taken
      }
      m.unqueue();
      Poll<T> p;
      try {
        p = m.pollOutcome();
      } catch (Throwable t) {
        remove(m);
        throw t;
      }
      if (p.isReady()) {
        remove(m);
        return p;
      }
    }
  }

  /** Called by a member's wake, from any thread. */
  void enqueue(Member<T> m) {
    ready.offer(m);
    Waker w = owner;
    if (w != null) {
      w.wake();
    }
  }

  private void remove(Member<T> m) {
    m.removed = true;
    if (m.prev != null) {
      m.prev.next = m.next;
    } else {
      head = m.next;
    }
    if (m.next != null) {
      m.next.prev = m.prev;
    }
    m.prev = null;
    m.next = null;
    size--;
  }
}
