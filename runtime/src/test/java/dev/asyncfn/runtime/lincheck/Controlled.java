/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.runtime.lincheck;

import dev.asyncfn.runtime.Context;
import dev.asyncfn.runtime.Future;
import dev.asyncfn.runtime.Poll;
import dev.asyncfn.runtime.Waker;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A hand-written future whose output another thread decides: {@link #complete} gives it a value,
 * {@link #fail} an exception, each waking the waker of its last poll. It also checks the contract a
 * task owes its future, recording every breach for the end of the scenario: never polled on two
 * threads at once, never polled after it returned ready or was cancelled, cancelled at most once
 * and never during a poll (its {@code cancel()} is the {@code finally} of an {@code @Async}
 * machine).
 */
final class Controlled implements Future<Integer> {
  static final int FAILURE = -1;

  // Guarded by this: a poll reads the output and leaves its waker in one step, a completion sets
  // the output and wakes that waker in one step (a test future may wake under its lock: a wake
  // never blocks), so a completion during a poll is either seen by that poll or wakes it, and no
  // other thread sees the output before the task was woken.
  private int output;
  private Waker waker;
  private final AtomicInteger polling = new AtomicInteger();
  private final AtomicInteger cancels = new AtomicInteger();
  private volatile boolean done;
  private volatile String breach;

  @Override
  public Poll<Integer> poll(Context cx) {
    if (polling.incrementAndGet() != 1) {
      breach("polled on two threads at once");
    }
    try {
      if (done) {
        breach("polled after it completed or was cancelled");
      }
      int v;
      synchronized (this) {
        waker = cx.waker();
        v = output;
      }
      if (v == 0) {
        return Poll.pending();
      }
      done = true;
      if (v == FAILURE) {
        throw new IllegalArgumentException("the future failed");
      }
      return Poll.ready(v);
    } finally {
      polling.decrementAndGet();
    }
  }

  @Override
  public void cancel() {
    if (polling.get() != 0) {
      breach("cancelled during a poll");
    }
    if (done) {
      breach("cancelled after it completed");
    }
    if (cancels.incrementAndGet() != 1) {
      breach("cancelled twice");
    }
    done = true;
  }

  /** Gives the output {@code v} (once; later calls are ignored) and wakes the last poller. */
  synchronized Object complete(int v) {
    if (output != 0) {
      return "already";
    }
    output = v;
    return wake(waker);
  }

  Object fail() {
    return complete(FAILURE);
  }

  /** Wakes the waker of the last poll, if it was polled. */
  synchronized Object wake() {
    return wake(waker);
  }

  private static Object wake(Waker w) {
    if (w == null) {
      return "not polled";
    }
    w.wake();
    return "woken";
  }

  int cancels() {
    return cancels.get();
  }

  private void breach(String what) {
    breach = what;
  }

  /** Throws if the future's contract was broken. */
  void verify() {
    String b = breach;
    if (b != null) {
      throw new AssertionError("the task broke its future's contract: " + b);
    }
  }
}
