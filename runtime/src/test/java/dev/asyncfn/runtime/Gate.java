/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.runtime;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A future completed by hand from any thread. Records polls, cancels, the last waker, and whether
 * it was ever polled concurrently or cancelled during a poll (both must never happen).
 */
public final class Gate<T> implements Future<T> {
  public final AtomicInteger polls = new AtomicInteger();
  public final AtomicInteger cancels = new AtomicInteger();
  private final AtomicBoolean inPoll = new AtomicBoolean();
  public volatile boolean concurrentPoll;
  public volatile boolean cancelledDuringPoll;
  public volatile Thread cancelThread;
  private volatile Waker waker;
  private volatile boolean done;
  private volatile T value;
  private volatile Throwable failure;

  @Override
  public Poll<T> poll(Context cx) {
    if (!inPoll.compareAndSet(false, true)) {
      concurrentPoll = true;
    }
    try {
      polls.incrementAndGet();
      waker = cx.waker();
      if (!done) {
        return Poll.pending();
      }
      if (failure != null) {
        throw dev.asyncfn.runtime.internal.Sneaky.raise(failure);
      }
      return Poll.ready(value);
    } finally {
      inPoll.set(false);
    }
  }

  @Override
  public void cancel() {
    if (inPoll.get()) {
      cancelledDuringPoll = true;
    }
    cancelThread = Thread.currentThread();
    cancels.incrementAndGet();
  }

  /** Completes with {@code v} and wakes the poller. */
  public void complete(T v) {
    value = v;
    done = true;
    wake();
  }

  /** Fails with {@code t} and wakes the poller. */
  public void fail(Throwable t) {
    failure = t;
    done = true;
    wake();
  }

  /** Wakes the last poller without completing. */
  public void wake() {
    Waker w = waker;
    if (w != null) {
      w.wake();
    }
  }
}
