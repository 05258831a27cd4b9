/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.runtime.joinset;

import static org.junit.jupiter.api.Assertions.fail;

import dev.asyncfn.runtime.Context;
import dev.asyncfn.runtime.Future;
import dev.asyncfn.runtime.Poll;
import dev.asyncfn.runtime.AsyncRuntime;
import dev.asyncfn.runtime.Tasks;
import java.util.function.BooleanSupplier;

/** Bounded waits and small futures for the JoinSet tests. */
final class Support {
  private static final long LIMIT_NANOS = 10_000_000_000L;

  private Support() {}

  /**
   * Waits until {@code condition} holds, giving a current-thread runtime turns to run its tasks;
   * fails after 10 s.
   */
  static void until(AsyncRuntime rt, BooleanSupplier condition) {
    long deadline = System.nanoTime() + LIMIT_NANOS;
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() - deadline > 0) {
        fail("condition not reached within 10 s");
      }
      rt.blockOn(Tasks.yieldNow()); // on a current-thread runtime, this is what runs the tasks
      Thread.yield();
    }
  }

  /** Waits until {@code condition} holds, without driving anything; fails after 10 s. */
  static void until(BooleanSupplier condition) {
    long deadline = System.nanoTime() + LIMIT_NANOS;
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() - deadline > 0) {
        fail("condition not reached within 10 s");
      }
      Thread.yield();
    }
  }

  /** A future that yields {@code times} times, then is ready with {@code value}. */
  static <T> Future<T> afterYields(int times, T value) {
    return new Future<>() {
      private int left = times;

      @Override
      public Poll<T> poll(Context cx) {
        if (left == 0) {
          return Poll.ready(value);
        }
        left--;
        cx.waker().wake();
        return Poll.pending();
      }
    };
  }

  /** A future that polls {@code step} until it returns ready: a hand-written async main. */
  interface Step<T> {
    /** One poll: ready to finish, pending after arranging a wake. */
    Poll<T> poll(Context cx) throws Exception;
  }

  /** {@code step} as a future; a checked exception from it fails the future. */
  static <T> Future<T> script(Step<T> step) {
    return cx -> {
      try {
        return step.poll(cx);
      } catch (RuntimeException | Error e) {
        throw e;
      } catch (Exception e) {
        throw new AssertionError(e);
      }
    };
  }
}
