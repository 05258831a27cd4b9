/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.runtime.internal.executor;

import dev.asyncfn.runtime.Context;
import dev.asyncfn.runtime.Future;
import dev.asyncfn.runtime.Poll;
import dev.asyncfn.runtime.Waker;
import java.util.concurrent.locks.LockSupport;

/**
 * Runs a future to completion on the calling thread, parking it between polls: a multi-thread
 * runtime's {@code blockOn}, and {@code Futures.blockOn}/{@code await} on a thread that has a
 * runtime entered without driving it (a blocking-pool thread). The caller has checked that the
 * thread does not drive tasks: blocking there would stall every task of its runtime.
 *
 * <p>The wait is not interruptible (like {@code CompletableFuture.join}): an interrupt does not
 * stop it, and the thread's interrupt status is kept for the caller.
 */
public final class ParkingLoop {
  private ParkingLoop() {}

  /** Polls {@code future} on the calling thread until it is ready, parking in between. */
  public static <T> T parkUntilReady(Future<T> future) {
    ParkingWaker waker = new ParkingWaker(Thread.currentThread());
    Context cx = Context.of(waker);
    boolean interrupted = false;
    try {
      for (;;) {
        Poll<T> p = future.poll(cx);
        if (p.isReady()) {
          return p.get();
        }
        while (!waker.consume()) {
          LockSupport.park(waker);
          // Waits uninterruptibly (like CompletableFuture.join) without spinning on the flag.
          interrupted |= Thread.interrupted();
        }
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Unparks the blocked thread; the flag makes a wake before the park count. */
  private static final class ParkingWaker implements Waker {
    private final Thread thread;
    private volatile boolean woken;

    ParkingWaker(Thread thread) {
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
