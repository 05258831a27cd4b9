/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.runtime.internal.stream;

import dev.asyncfn.runtime.CancelledException;
import dev.asyncfn.runtime.Context;
import dev.asyncfn.runtime.Future;
import dev.asyncfn.runtime.Poll;
import dev.asyncfn.runtime.Waker;
import dev.asyncfn.runtime.internal.Sneaky;
import dev.asyncfn.runtime.stream.AsyncStream;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The task behind one subscription of {@code Streams.toPublisher(stream)}: it polls the stream
 * only while the subscriber's demand is positive, and signals every {@code onNext}, {@code
 * onComplete} and {@code onError} from its own polls, so signals are serial (Reactive Streams rule
 * 1.3) and the stream is polled and closed by one task, as a stream must be.
 *
 * <h2>Invariants</h2>
 *
 * <ul>
 *   <li>{@link Flow.Subscription#request} and {@link Flow.Subscription#cancel} may be called from
 *       any thread, also from inside {@code onNext}: they only update {@link #demand} or a flag and
 *       wake the task, so they never recurse into the subscriber (rule 3.3) and never block.
 *   <li>A poll stores its waker before it reads the demand, and a request adds to the demand
 *       before it reads the waker: a request that comes while the task decides to wait either is
 *       seen by that poll or wakes the task.
 *   <li>No element is polled without demand, so nothing is buffered (rule 1.1): the stream
 *       produces exactly what was requested. An end or a failure is found by a poll, so it too is
 *       signalled once there is demand (rule 1.2 allows signalling them without demand; waiting
 *       for it keeps the producer lazy).
 *   <li>Terminal: after {@code onComplete}, {@code onError} or a cancel the task drops the
 *       subscriber (rule 3.13) and closes the stream, once.
 *   <li>One poll signals at most {@value #BUDGET} elements, then yields, so that a fast stream
 *       with an unbounded demand does not hold its worker.
 * </ul>
 *
 * @param <T> the element type
 */
public final class PublishTask<T> implements Future<Void> {
  static final int BUDGET = 128;

  private final AsyncStream<T> stream;
  private volatile Flow.Subscriber<? super T> subscriber;
  private final AtomicLong demand = new AtomicLong();
  private volatile boolean cancelled;
  private volatile long invalidRequest;
  private volatile Waker waker;
  private boolean done;

  /** The subscription handed to the subscriber. */
  private final Flow.Subscription subscription =
      new Flow.Subscription() {
        @Override
        public void request(long n) {
          if (n <= 0) {
            if (invalidRequest == 0) {
              invalidRequest = n == 0 ? Long.MIN_VALUE : n;
            }
          } else {
            long d;
            long next;
            do {
              d = demand.get();
              next = d + n;
              if (next < 0) {
                next = Long.MAX_VALUE; // rule 3.17: effectively unbounded
              }
            } while (!demand.compareAndSet(d, next));
          }
          wake();
        }

        @Override
        public void cancel() {
          cancelled = true;
          subscriber = null; // rule 3.13
          wake();
        }

        @Override
        public String toString() {
          return "subscription to " + stream;
        }
      };

  PublishTask(AsyncStream<T> stream, Flow.Subscriber<? super T> subscriber) {
    this.stream = stream;
    this.subscriber = subscriber;
  }

  Flow.Subscription subscription() {
    return subscription;
  }

  private void wake() {
    Waker w = waker;
    if (w != null) {
      w.wake();
    }
  }

  @Override
  public Poll<Void> poll(Context cx) {
    if (done) {
      return Poll.ready(null);
    }
    waker = cx.waker();
    for (int budget = BUDGET; ; budget--) {
      Flow.Subscriber<? super T> s = subscriber;
      if (cancelled || s == null) {
        finish();
        return Poll.ready(null);
      }
      long invalid = invalidRequest;
      if (invalid != 0) {
        finish();
        signal(() -> s.onError(new IllegalArgumentException(StreamMessages.nonPositiveRequest(
            invalid == Long.MIN_VALUE ? 0 : invalid))));
        return Poll.ready(null);
      }
      long d = demand.get();
      if (d == 0) {
        return Poll.pending();
      }
      if (budget == 0) {
        cx.waker().wake();
        return Poll.pending();
      }
      Poll<T> p;
      try {
        p = stream.pollNext(cx);
      } catch (Throwable t) {
        finish();
        signal(() -> s.onError(t));
        return Poll.ready(null);
      }
      if (p.isPending()) {
        return Poll.pending();
      }
      T v = p.get();
      if (v == null) {
        finish();
        signal(s::onComplete);
        return Poll.ready(null);
      }
      if (d != Long.MAX_VALUE) {
        demand.decrementAndGet();
      }
      try {
        s.onNext(v);
      } catch (Throwable t) {
        // Rule 2.13: the subscriber broke the protocol; treat the subscription as cancelled.
        finish();
        Sneaky.report(t);
        return Poll.ready(null);
      }
    }
  }

  /** Terminal: drop the subscriber, close the stream (a failure there is reported). */
  private void finish() {
    done = true;
    cancelled = true;
    subscriber = null;
    waker = null;
    try {
      stream.close();
    } catch (Throwable t) {
      Sneaky.report(t);
    }
  }

  private static void signal(Runnable terminal) {
    try {
      terminal.run();
    } catch (Throwable t) {
      Sneaky.report(t); // rule 2.13: onError/onComplete must return normally
    }
  }

  /** The task was cancelled (its runtime shut down): the subscriber learns it with onError. */
  @Override
  public void cancel() {
    if (!done) {
      Flow.Subscriber<? super T> s = subscriber;
      boolean wasCancelled = cancelled;
      finish();
      if (s != null && !wasCancelled) {
        signal(() -> s.onError(new CancelledException(StreamMessages.PUBLISHER_CANCELLED)));
      }
    }
  }
}
