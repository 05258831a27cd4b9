/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.runtime.internal;

import java.time.Duration;

/**
 * Every misuse message of the runtime, in one place. Each names what went wrong, then what to do.
 *
 * <p>Internal: the wording may change, tests assert the stable leading phrase.
 */
public final class Messages {
  private Messages() {}

  /** {@code operation} needs a runtime but the calling thread has none entered. */
  public static String outsideRuntime(String operation) {
    return operation
        + " called outside a runtime: run the code under AsyncRuntime.blockOn or Futures.blockOn,"
        + " or call it on an AsyncRuntime or its RuntimeHandle";
  }

  /** A blocking wait on a thread that drives tasks. */
  public static final String AWAIT_ON_WORKER =
      "await() outside an @Async method would block a runtime worker thread: call it from an"
          + " @Async method, or move blocking work to spawnBlocking";

  /** A nested blockOn on a thread that drives tasks. */
  public static final String BLOCK_ON_ON_WORKER =
      "blockOn() called on a thread that is driving a runtime: it would block every task of that"
          + " runtime. Await the future in an @Async method instead, or move blocking work to"
          + " spawnBlocking";

  /** Polling a join handle again after it returned the output. */
  public static final String JOIN_HANDLE_REUSED =
      "JoinHandle awaited after it already returned the task's output: a task's output can be"
          + " awaited once. Keep the value from the first await";

  /** The task was aborted through its handle. */
  public static final String TASK_ABORTED = "task was aborted: JoinHandle.abort() was called";

  /** The task was dropped by shutdown. */
  public static final String TASK_SHUTDOWN =
      "task was cancelled because its runtime shut down before the task completed";

  /** Shutdown from inside the runtime. */
  public static final String SHUTDOWN_FROM_WORKER =
      "AsyncRuntime.shutdown() called from one of its own worker threads: it cannot wait for"
          + " itself. Call shutdown from the thread that built the runtime";

  /** A paused clock on a multi-thread runtime. */
  public static final String PAUSED_NEEDS_CURRENT_THREAD =
      "startPaused(true) needs the current-thread flavour: use"
          + " AsyncRuntime.builder().currentThread().startPaused(true), because auto-advancing time"
          + " needs one thread that knows when every task is idle";

  /** Advancing a real clock. */
  public static final String ADVANCE_NEEDS_PAUSED =
      "Time.advance() needs a paused clock: build the runtime with startPaused(true)";

  /** Concurrent blockOn on a current-thread runtime. */
  public static final String CURRENT_THREAD_BUSY =
      "blockOn() called on a current-thread runtime that another thread is already driving: use"
          + " one thread per current-thread runtime, or a multi-thread runtime";

  /** blockOn on a runtime that was shut down. */
  public static final String RUNTIME_SHUT_DOWN =
      "the runtime was shut down: build a new AsyncRuntime, or shut it down only after the work"
          + " ended";

  /** A spawn into a JoinSet whose scope ended. */
  public static final String JOIN_SET_CLOSED =
      "JoinSet.spawn() called after the set was closed: its scope ended and no task may outlive"
          + " it. Spawn before close(), or into a new JoinSet";

  /** A joinNext(), joinAll() or shutdown() future polled after it completed. */
  public static final String JOIN_SET_FUTURE_REUSED =
      "JoinSet future polled after it completed or was cancelled: await each joinNext(),"
          + " joinAll() or shutdown() once, and call joinNext() again for the next task";

  /** A timeout fired. */
  public static String timedOut(Duration duration) {
    return "future did not complete within " + format(duration);
  }

  /** A human-readable duration: "1500 ms", "2 s", "1 h". */
  public static String format(Duration d) {
    long nanos;
    try {
      nanos = d.toNanos();
    } catch (ArithmeticException e) {
      return d.toString();
    }
    if (nanos % 3_600_000_000_000L == 0 && nanos != 0) {
      return nanos / 3_600_000_000_000L + " h";
    }
    if (nanos % 1_000_000_000L == 0 && nanos != 0) {
      return nanos / 1_000_000_000L + " s";
    }
    if (nanos % 1_000_000L == 0) {
      return nanos / 1_000_000L + " ms";
    }
    return nanos + " ns";
  }
}
