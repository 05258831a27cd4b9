/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.runtime.lincheck;

import dev.asyncfn.runtime.Future;
import dev.asyncfn.runtime.Poll;
import java.util.ArrayDeque;
import java.util.function.Supplier;

/**
 * The sequential specification of the batch semaphore under {@code Mutex}, {@code RwLock}, {@code
 * Semaphore} and the bounded {@code Mpsc} channel (Tokio's {@code batch_semaphore}), written as
 * plainly as possible:
 *
 * <ul>
 *   <li>{@code permits} are free; an acquisition takes them at once only if nobody is queued (FIFO
 *       fairness: a late acquirer never jumps the queue);
 *   <li>otherwise it queues at its first poll, and released permits are assigned to the head of the
 *       queue until it has all it wants (it is then granted and leaves the queue), then to the
 *       next; a large request holds back the ones behind it;
 *   <li>a granted acquisition completes at its next poll;
 *   <li>cancelling gives back whatever was assigned (everything, if it was granted) and lets the
 *       queue move on;
 *   <li>closing fails every queued and later acquisition; held permits stay valid.
 * </ul>
 */
final class SemaphoreModel {
  static final int ACQUIRED = 0;
  static final int NO_PERMITS = 1;
  static final int CLOSED = 2;

  private int permits;
  private boolean closed;
  private final ArrayDeque<Acquire> queue = new ArrayDeque<>();

  SemaphoreModel(int permits) {
    this.permits = permits;
  }

  int available() {
    return permits;
  }

  boolean isClosed() {
    return closed;
  }

  /** {@link #ACQUIRED}, {@link #NO_PERMITS} or {@link #CLOSED}: never jumps the queue. */
  int tryAcquire(int n) {
    if (closed) {
      return CLOSED;
    }
    if (!queue.isEmpty() || permits < n) {
      return NO_PERMITS;
    }
    permits -= n;
    return ACQUIRED;
  }

  void release(int n) {
    permits += n;
    assign();
  }

  void close() {
    closed = true;
    for (Acquire a : queue) {
      a.phase = Phase.FAILED;
    }
    queue.clear();
  }

  private void assign() {
    while (!closed && permits > 0 && !queue.isEmpty()) {
      Acquire head = queue.peekFirst();
      int take = Math.min(permits, head.remaining);
      permits -= take;
      head.remaining -= take;
      if (head.remaining == 0) {
        queue.removeFirst();
        head.phase = Phase.GRANTED;
      }
    }
  }

  enum Phase {
    IDLE,
    WAITING,
    GRANTED,
    FAILED,
    DONE,
    CANCELLED
  }

  /** A model acquisition of {@code n} permits; answers ready with ACQUIRED or CLOSED. */
  Acquire acquire(int n) {
    return new Acquire(n);
  }

  /**
   * A model acquisition whose output is the number of permits it took (what the guard or permit
   * gives back when closed), failing with {@code closed}'s exception on a closed semaphore.
   */
  Future<Integer> take(int n, Supplier<RuntimeException> closed) {
    Acquire a = new Acquire(n);
    return Model.future(
        cx -> {
          Poll<Integer> p = a.poll(cx);
          if (p.isPending()) {
            return p;
          }
          if (p.get() == CLOSED) {
            throw closed.get();
          }
          return Poll.ready(n);
        },
        a::cancel);
  }

  final class Acquire implements Future<Integer> {
    final int wanted;
    int remaining;
    Phase phase = Phase.IDLE;

    Acquire(int wanted) {
      this.wanted = wanted;
    }

    @Override
    public Poll<Integer> poll(dev.asyncfn.runtime.Context cx) {
      switch (phase) {
        case IDLE:
          if (closed) {
            phase = Phase.DONE;
            return Poll.ready(CLOSED);
          }
          if (queue.isEmpty() && permits >= wanted) {
            permits -= wanted;
            phase = Phase.DONE;
            return Poll.ready(ACQUIRED);
          }
          remaining = wanted;
          phase = Phase.WAITING;
          queue.addLast(this);
          assign();
          return poll(cx);
        case WAITING:
          return Poll.pending();
        case GRANTED:
          phase = Phase.DONE;
          return Poll.ready(ACQUIRED);
        case FAILED:
          phase = Phase.DONE;
          return Poll.ready(CLOSED);
        default:
          throw new IllegalStateException("polled after done");
      }
    }

    @Override
    public void cancel() {
      Phase was = phase;
      phase = Phase.CANCELLED;
      if (was == Phase.WAITING) {
        queue.remove(this);
        int giveBack = wanted - remaining;
        if (giveBack > 0) {
          release(giveBack);
        } else {
          assign(); // a large request at the head may have held back smaller ones
        }
      } else if (was == Phase.GRANTED) {
        release(wanted);
      }
    }
  }
}
