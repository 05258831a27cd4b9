/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.runtime.lincheck;

import dev.asyncfn.runtime.Context;
import dev.asyncfn.runtime.Waker;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The task side of a Lincheck operation: one waker shared by every future the task waits on (as a
 * real task's waker is), counting its wakes, and the wakes its {@link Slot}s are owed.
 *
 * <p>A future that was pending and then completes without its waker having been woken in between is
 * fine while the operation that completed it still runs: primitives change their state under their
 * lock and wake after releasing it, so the wake may still be on its way. It is a lost wake-up if
 * that wake never comes. {@link #verify()}, at the end of a scenario when every thread finished,
 * checks that it came.
 */
final class TestTask implements Context, Waker {
  private final AtomicInteger wakes = new AtomicInteger();
  private int owedAfter = -1;

  @Override
  public Waker waker() {
    return this;
  }

  @Override
  public void wake() {
    wakes.incrementAndGet();
  }

  int wakes() {
    return wakes.get();
  }

  /** A future pending since wake {@code count} completed before its wake: one must follow. */
  void owe(int count) {
    owedAfter = Math.max(owedAfter, count);
  }

  /** Throws if a wake that a completed future was owed never came. */
  void verify() {
    if (wakes.get() <= owedAfter) {
      throw new AssertionError(
          "lost wake-up: a pending future completed but its waker was never woken (" + this + ")");
    }
  }

  @Override
  public String toString() {
    return "TestTask(wakes=" + wakes.get() + ", owed after " + owedAfter + ")";
  }
}
