/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.runtime;

import dev.asyncfn.runtime.internal.Messages;
import dev.asyncfn.runtime.internal.executor.ParkingLoop;
import dev.asyncfn.runtime.internal.handle.RuntimeContext;

/**
 * {@code Futures.blockOn} and the blocking {@code Futures.await}: run a future to completion on the
 * calling thread.
 *
 * <p>The future always gets a runtime for spawn, timers and I/O: the one the thread already
 * entered (inside {@code AsyncRuntime.blockOn} of a multi-thread runtime, or on a blocking-pool
 * thread), or else the lazily started {@linkplain #defaultRuntime() default runtime}. On a thread
 * that drives tasks (a worker, or the thread inside a current-thread {@code blockOn}) blocking
 * would stall every task of that runtime, so both methods throw {@link IllegalStateException}
 * there instead.
 */
final class BlockOn {
  private BlockOn() {}

  /** {@code Futures.blockOn}: polls {@code future} on this thread until it is ready. */
  static <T> T run(Future<T> future) {
    if (RuntimeContext.current() == null) {
      return defaultRuntime().blockOn(future);
    }
    if (RuntimeContext.isDriving()) {
      throw new IllegalStateException(Messages.BLOCK_ON_ON_WORKER);
    }
    return ParkingLoop.parkUntilReady(future);
  }

  /** {@code Futures.await} outside generated code. */
  static <T> T awaitBlocking(Future<T> future) {
    if (RuntimeContext.isDriving()) {
      throw new IllegalStateException(Messages.AWAIT_ON_WORKER);
    }
    return run(future);
  }

  /**
   * The runtime that {@code Futures.blockOn} uses on threads outside any runtime: a multi-thread
   * runtime with one worker per processor and daemon threads named {@code asyncfn-default-*},
   * started on first use and never shut down (its threads do not keep the JVM alive).
   */
  static AsyncRuntime defaultRuntime() {
    return DefaultRuntime.INSTANCE;
  }

  /** Holder idiom: the default runtime starts on first use only. */
  private static final class DefaultRuntime {
    static final AsyncRuntime INSTANCE =
        AsyncRuntime.builder().multiThread().threadNamePrefix("asyncfn-default").build();
  }
}
