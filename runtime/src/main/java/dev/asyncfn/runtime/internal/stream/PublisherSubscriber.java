/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.runtime.internal.stream;

import dev.asyncfn.runtime.Context;
import dev.asyncfn.runtime.Poll;
import dev.asyncfn.runtime.Waker;
import dev.asyncfn.runtime.internal.Sneaky;
import java.util.ArrayDeque;
import java.util.Objects;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The subscriber behind {@code Streams.fromPublisher(publisher, bufferSize)}: it requests {@code
 * bufferSize} elements when subscribed, buffers what arrives, hands it to the polling task, and
 * requests more once three quarters of the buffer were taken.
 *
 * <h2>Invariants</h2>
 *
 * <ul>
 *   <li>Bounded: elements requested and not yet received, plus elements buffered, plus elements
 *       taken and not yet requested again, always add up to {@code bufferSize}. A publisher that
 *       sends more than that breaks rule 1.1: the stream fails with {@link
 *       IllegalStateException} and the subscription is cancelled.
 *   <li>Signals ({@code onNext}, ...) may come from any thread; they update the buffer under
 *       {@link #lock} and wake the waker of the latest poll after releasing it.
 *   <li>Calls to the subscription are serial (rule 2.7) without blocking: whoever wants to request
 *       or cancel adds to {@link #toRequest} or sets {@link #cancelWanted}, and the thread that
 *       increments {@link #wip} from 0 makes the calls for everyone, until nothing is left.
 *   <li>The failure and the completion are delivered after the elements buffered before them.
 * </ul>
 *
 * @param <T> the element type
 */
public final class PublisherSubscriber<T> implements Flow.Subscriber<T> {
  private final int bufferSize;
  private final int batch;
  private final Object lock = new Object();

  // Guarded by lock.
  private final ArrayDeque<T> buffer;
  private Waker waker;
  private boolean terminated;
  private Throwable failure;
  private boolean dropped;

  // Serial calls to the subscription.
  private volatile Flow.Subscription subscription;
  private final AtomicLong toRequest = new AtomicLong();
  private volatile boolean cancelWanted;
  private final AtomicInteger wip = new AtomicInteger();

  /** Touched only by the thread that holds {@link #wip}. */
  private boolean cancelSent;

  /** Polling side only. */
  private int takenSinceRequest;

  /** A subscriber buffering at most {@code bufferSize} elements. */
  public PublisherSubscriber(int bufferSize) {
    if (bufferSize < 1) {
      throw new IllegalArgumentException(
          "Streams.fromPublisher: bufferSize must be at least 1, was " + bufferSize);
    }
    this.bufferSize = bufferSize;
    this.batch = Math.max(1, bufferSize - (bufferSize >> 2));
    this.buffer = new ArrayDeque<>(Math.min(bufferSize, 1024));
  }

  @Override
  public void onSubscribe(Flow.Subscription s) {
    Objects.requireNonNull(s, "subscription is null (Reactive Streams rule 2.13)");
    if (subscription != null) {
      s.cancel(); // rule 2.5
      return;
    }
    subscription = s;
    toRequest.addAndGet(bufferSize);
    drainCalls();
  }

  @Override
  public void onNext(T item) {
    Objects.requireNonNull(item, "onNext(null) (Reactive Streams rule 2.13)");
    Waker w;
    boolean overflow = false;
    synchronized (lock) {
      if (terminated || dropped) {
        return;
      }
      if (buffer.size() >= bufferSize) {
        overflow = true;
        terminated = true;
        failure = new IllegalStateException(StreamMessages.MORE_THAN_REQUESTED);
      } else {
        buffer.addLast(item);
      }
      w = waker;
      waker = null;
    }
    if (overflow) {
      cancelWanted = true;
      drainCalls();
    }
    if (w != null) {
      w.wake();
    }
  }

  @Override
  public void onError(Throwable t) {
    Objects.requireNonNull(t, "onError(null) (Reactive Streams rule 2.13)");
    terminate(t);
  }

  @Override
  public void onComplete() {
    terminate(null);
  }

  private void terminate(Throwable t) {
    Waker w;
    synchronized (lock) {
      if (terminated) {
        return;
      }
      terminated = true;
      failure = t;
      w = waker;
      waker = null;
    }
    if (w != null) {
      w.wake();
    }
  }

  /**
   * The next element, {@code null} at completion, or pending with the waker kept; throws the
   * publisher's failure, unchanged, once the elements before it were taken.
   */
  public Poll<T> poll(Context cx) {
    T v;
    synchronized (lock) {
      v = buffer.pollFirst();
      if (v == null) {
        if (terminated) {
          if (failure != null) {
            throw Sneaky.raise(failure);
          }
          return Poll.ready(null);
        }
        waker = cx.waker();
        return Poll.pending();
      }
    }
    if (++takenSinceRequest >= batch) {
      toRequest.addAndGet(takenSinceRequest);
      takenSinceRequest = 0;
      drainCalls();
    }
    return Poll.ready(v);
  }

  /** Stops: cancels the subscription (now, or when it arrives) and drops what is buffered. */
  public void cancel() {
    synchronized (lock) {
      dropped = true;
      buffer.clear();
      waker = null;
    }
    cancelWanted = true;
    drainCalls();
  }

  /** Makes the pending calls to the subscription, one thread at a time. */
  private void drainCalls() {
    if (wip.getAndIncrement() != 0) {
      return;
    }
    do {
      Flow.Subscription s = subscription;
      if (s != null) {
        if (cancelWanted) {
          if (!cancelSent) {
            cancelSent = true;
            s.cancel();
          }
        } else {
          long n = toRequest.getAndSet(0);
          if (n > 0) {
            s.request(n);
          }
        }
      }
    } while (wip.decrementAndGet() != 0);
  }
}
