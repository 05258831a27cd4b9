/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.runtime.internal.joinset;

import dev.asyncfn.runtime.Waker;
import java.util.concurrent.locks.LockSupport;

/**
 * Parks a thread that does not drive a runtime until every task of a group finished: the blocking
 * half of {@code JoinSet.close()}. The wait is not interruptible (like {@code
 * CompletableFuture.join}); the interrupt status is kept for the caller.
 */
public final class BlockingDrain {
  private BlockingDrain() {}

  /** Waits until {@code group} is empty, dropping the outcomes of its tasks. */
  public static void await(Group<?> group) {
    Parking waker = new Parking(Thread.currentThread());
    boolean interrupted = false;
    try {
      while (!ShutdownFuture.drain(group, waker)) {
        while (!waker.consume()) {
          LockSupport.park(group);
          interrupted |= Thread.interrupted();
        }
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Unparks the waiting thread; the flag makes a wake before the park count. */
  private static final class Parking implements Waker {
    private final Thread thread;
    private volatile boolean woken;

    Parking(Thread thread) {
      this.thread = thread;
    }

    @Override
    public void wake() {
      woken = true;
      LockSupport.unpark(thread);
    }

    boolean consume() {
      if (woken) {
        woken = false;
        return true;
      }
      return false;
    }
  }
}
