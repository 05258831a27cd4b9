/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.runtime.combinator;

import dev.asyncfn.runtime.Context;
import dev.asyncfn.runtime.Waker;

/** A context whose waker counts its wake-ups and lets a test wait (bounded) for them. */
public final class CountingContext implements Context, Waker {
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

  public synchronized int wakes() {
    return wakes;
  }

  /** Waits until at least {@code n} wake-ups happened in all; false if the time ran out. */
  public synchronized boolean awaitWakes(int n, long timeoutMillis) throws InterruptedException {
    long deadline = System.nanoTime() + timeoutMillis * 1_000_000;
    while (wakes < n) {
      long left = (deadline - System.nanoTime()) / 1_000_000;
      if (left <= 0) {
        return false;
      }
      wait(left);
    }
    return true;
  }
}
