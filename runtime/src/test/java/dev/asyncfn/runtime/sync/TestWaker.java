/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.runtime.sync;

import dev.asyncfn.runtime.Context;
import dev.asyncfn.runtime.Future;
import dev.asyncfn.runtime.Poll;
import dev.asyncfn.runtime.Waker;

/** A context whose waker counts wake-ups, for polling futures by hand. */
final class TestWaker implements Context, Waker {
  private int wakes;

  @Override
  public Waker waker() {
    return this;
  }

  @Override
  public synchronized void wake() {
    wakes++;
    notifyAll();
  }

  synchronized int wakes() {
    return wakes;
  }

  /** Whether it was woken since the last call, resetting the count. */
  synchronized boolean takeWoken() {
    boolean w = wakes > 0;
    wakes = 0;
    return w;
  }

  /** Waits (bounded) until at least {@code n} wake-ups happened. */
  synchronized boolean awaitWakes(int n, long millis) throws InterruptedException {
    long deadline = System.nanoTime() + millis * 1_000_000;
    while (wakes < n) {
      long left = (deadline - System.nanoTime()) / 1_000_000;
      if (left <= 0) {
        return false;
      }
      wait(left);
    }
    return true;
  }

  <T> Poll<T> poll(Future<T> f) {
    return f.poll(this);
  }

  /** Polls and asserts ready, returning the value. */
  <T> T ready(Future<T> f) {
    Poll<T> p = f.poll(this);
    if (!p.isReady()) {
      throw new AssertionError("expected ready, got pending");
    }
    return p.get();
  }

  /** Polls and asserts pending. */
  <T> void pending(Future<T> f) {
    Poll<T> p = f.poll(this);
    if (p.isReady()) {
      throw new AssertionError("expected pending, got " + p);
    }
  }
}
