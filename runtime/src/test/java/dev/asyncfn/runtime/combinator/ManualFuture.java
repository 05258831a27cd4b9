/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.runtime.combinator;

import dev.asyncfn.runtime.Context;
import dev.asyncfn.runtime.Future;
import dev.asyncfn.runtime.Poll;
import dev.asyncfn.runtime.Waker;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A test future completed by hand, from any thread: pending until {@link #complete} or {@link
 * #fail}, then it wakes the waker of its latest poll. Records polls and cancels, and enforces the
 * poll contract (no poll after ready, failure or cancel) by failing the test loudly.
 */
public final class ManualFuture<T> implements Future<T> {
  private final String name;
  private final Object lock = new Object();
  private Waker waker;
  private boolean completed;
  private T value;
  private Throwable error;
  private boolean finished;
  private final AtomicInteger polls = new AtomicInteger();
  private final AtomicInteger cancels = new AtomicInteger();
  private volatile RuntimeException onCancel;

  public ManualFuture(String name) {
    this.name = name;
  }

  public ManualFuture() {
    this("manual");
  }

  /** Makes the future ready with {@code v} and wakes the latest waker. */
  public void complete(T v) {
    settle(v, null);
  }

  /** Makes the future fail with {@code e} and wakes the latest waker. */
  public void fail(Throwable e) {
    settle(null, e);
  }

  private void settle(T v, Throwable e) {
    Waker w;
    synchronized (lock) {
      if (completed) {
        throw new AssertionError(name + " completed twice");
      }
      completed = true;
      value = v;
      error = e;
      w = waker;
      waker = null;
    }
    if (w != null) {
      w.wake();
    }
  }

  /** Makes {@link #cancel()} throw {@code e} (after counting). */
  public void throwOnCancel(RuntimeException e) {
    onCancel = e;
  }

  @Override
  public Poll<T> poll(Context cx) {
    polls.incrementAndGet();
    synchronized (lock) {
      if (finished) {
        throw new AssertionError(name + " polled after it finished or was cancelled");
      }
      if (!completed) {
        waker = cx.waker();
        return Poll.pending();
      }
      finished = true;
      if (error != null) {
        throw sneaky(error);
      }
      return Poll.ready(value);
    }
  }

  @Override
  public void cancel() {
    cancels.incrementAndGet();
    synchronized (lock) {
      finished = true;
      waker = null;
    }
    RuntimeException e = onCancel;
    if (e != null) {
      throw e;
    }
  }

  public int polls() {
    return polls.get();
  }

  public int cancels() {
    return cancels.get();
  }

  /** Whether a waker is currently registered (the future was polled and is waiting). */
  public boolean hasWaker() {
    synchronized (lock) {
      return waker != null;
    }
  }

  @Override
  public String toString() {
    return name;
  }

  @SuppressWarnings("unchecked")
  private static <X extends Throwable> RuntimeException sneaky(Throwable t) throws X {
    throw (X) t;
  }
}
