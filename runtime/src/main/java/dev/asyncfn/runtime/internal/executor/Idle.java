/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.runtime.internal.executor;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * The parked workers of a multi-thread runtime, and how many are searching for work (Tokio's
 * {@code Idle}). A producer wakes a parked worker only when nobody is searching: a searcher will
 * find the new task anyway, which keeps wake-ups from storming.
 *
 * <p>No lost wake-up: a worker going to sleep first counts itself sleeping, then stops counting
 * itself searching, then looks at every queue once more. A producer first publishes its task, then
 * reads the searching count, then the sleeping count. Every step is a volatile access, so either
 * the worker's last look sees the task, or the producer sees a sleeper (or a searcher that has yet
 * to take its last look) and acts.
 *
 * <p>{@code sleepers}, {@code count} and each worker's {@code notified} flag are guarded by
 * {@code this}.
 */
final class Idle {
  private final Worker[] sleepers;
  private int count;
  private volatile int numSleeping;
  final AtomicInteger numSearching = new AtomicInteger();

  Idle(int workers) {
    sleepers = new Worker[workers];
  }

  /** A producer queued work: wake one sleeper unless a searcher will find it. */
  void notifyOne() {
    if (numSearching.get() != 0 || numSleeping == 0) {
      return;
    }
    Worker w;
    synchronized (this) {
      if (count == 0) {
        return;
      }
      w = sleepers[--count];
      sleepers[count] = null;
      numSleeping = count;
      w.notified = true;
      numSearching.incrementAndGet(); // the woken worker starts as a searcher
    }
    w.parker.unpark();
  }

  /** The worker is about to park. */
  void sleep(Worker w, boolean wasSearching) {
    synchronized (this) {
      w.notified = false;
      sleepers[count++] = w;
      numSleeping = count;
    }
    if (wasSearching) {
      numSearching.decrementAndGet();
    }
  }

  /**
   * The worker stopped parking. Returns true if a producer woke it (it now counts as searching),
   * false if it left by itself (then it is taken off the sleeper list).
   */
  boolean awake(Worker w) {
    synchronized (this) {
      if (w.notified) {
        w.notified = false;
        return true;
      }
      for (int i = 0; i < count; i++) {
        if (sleepers[i] == w) {
          sleepers[i] = sleepers[--count];
          sleepers[count] = null;
          numSleeping = count;
          break;
        }
      }
      return false;
    }
  }

  /** A searcher found work or stops searching: the last one hands the search to a sleeper. */
  void stopSearching() {
    if (numSearching.decrementAndGet() == 0) {
      notifyOne();
    }
  }

  boolean anySleeping() {
    return numSleeping != 0;
  }
}
