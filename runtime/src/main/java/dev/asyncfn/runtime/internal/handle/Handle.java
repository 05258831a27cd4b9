/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.runtime.internal.handle;

import dev.asyncfn.runtime.Future;
import dev.asyncfn.runtime.internal.Messages;
import dev.asyncfn.runtime.internal.blocking.BlockingPool;
import dev.asyncfn.runtime.internal.reactor.Reactor;
import dev.asyncfn.runtime.internal.task.OwnedTasks;
import dev.asyncfn.runtime.internal.task.Task;
import dev.asyncfn.runtime.internal.time.TimeDriver;
import java.time.Duration;
import java.util.concurrent.Callable;

/**
 * One runtime's shared parts, Tokio's {@code runtime::Handle}: its executor, the registry of its
 * live tasks, its time driver, its I/O driver ({@link Reactor}, opened when a socket first waits)
 * and its blocking pool. Code running under the runtime reaches it through {@link
 * RuntimeContext#current()}; the public {@code RuntimeHandle} and {@code AsyncRuntime} wrap it.
 *
 * <p>The parts know nothing of the handle: tasks see their executor as a {@code Scheduler}, the
 * blocking pool gets its threads' setup from here, the reactor and the time driver are plain
 * objects. Only the executors depend on the handle (for the drivers they turn), and the handle
 * sees them through the {@link Executor} interface.
 *
 * <p>The I/O driver has no thread: the thread that parks with the timers blocks in its selector
 * instead of parking, and busy threads poll it every few dozen tasks.
 *
 * <p>Thread safety: every method may be called from any thread. {@link #shutdown} is for the
 * runtime's owner ({@code AsyncRuntime}) only; the public {@code RuntimeHandle} does not offer it.
 */
public final class Handle {
  private final Executor executor;
  private final OwnedTasks tasks;
  private final TimeDriver time;
  private final BlockingPool blocking;
  /** Null until a socket of this runtime first waits: a runtime without sockets has no selector. */
  private volatile Reactor io;
  private final Object ioLock = new Object();

  /**
   * The handle of {@code executor}, made by the executor's constructor: {@code taskShards} shards
   * of the task registry, blocking threads named {@code prefix-blocking-i}.
   */
  public Handle(Executor executor, Settings settings, TimeDriver time, int taskShards) {
    this.executor = executor;
    this.tasks = new OwnedTasks(executor, taskShards);
    this.time = time;
    this.blocking =
        new BlockingPool(
            settings.threadNamePrefix() + "-blocking-",
            settings.maxBlockingThreads(),
            settings.keepAliveNanos(),
            executor::onBlockingIdle,
            this::entered);
  }

  /** A pool thread's body: the runtime entered for the thread's life, without driving it. */
  private Runnable entered(Runnable body) {
    return () -> {
      RuntimeContext.Entered previous = RuntimeContext.enter(this, false);
      try {
        body.run();
      } finally {
        RuntimeContext.restore(previous);
      }
    };
  }

  /** The executor of this runtime. */
  public Executor executor() {
    return executor;
  }

  /** The time driver (timers and clock) of this runtime. */
  public TimeDriver time() {
    return time;
  }

  /** The blocking pool of this runtime. */
  public BlockingPool blocking() {
    return blocking;
  }

  /** Spawns {@code future} as a task. After shutdown the handle is already cancelled. */
  public <T> Task<T> spawn(Future<T> future) {
    return tasks.spawn(future);
  }

  /** Runs {@code callable} on the blocking pool. */
  public <T> Task<T> spawnBlocking(Callable<T> callable) {
    return blocking.spawn(callable);
  }

  /**
   * Runs {@code future} to completion on the calling thread with this runtime entered.
   *
   * @throws IllegalStateException on a thread that drives a runtime's tasks, on a current-thread
   *     runtime another thread is driving, or after shutdown
   */
  public <T> T blockOn(Future<T> future) {
    if (RuntimeContext.isDriving()) {
      throw new IllegalStateException(Messages.BLOCK_ON_ON_WORKER);
    }
    return executor.blockOn(future);
  }

  /** Number of tasks spawned and not yet completed; for tests and diagnostics. */
  public int liveTasks() {
    return tasks.size();
  }

  /**
   * This runtime's I/O driver, opened on first use; once the runtime shut down, a closed one (whose
   * {@code register} says so).
   */
  public Reactor reactor() {
    Reactor r = io;
    if (r != null && !r.isClosed()) {
      return r;
    }
    synchronized (ioLock) {
      r = io;
      if (r == null || r.isClosed()) {
        r = Reactor.driven();
        if (executor.isStopped()) {
          r.close();
          return r;
        }
        io = r;
        executor.onIoOpened();
      }
      return r;
    }
  }

  /** The open I/O driver for a parking or busy thread to turn, or null. */
  public Reactor ioDriver() {
    Reactor r = io;
    return r == null || r.isClosed() ? null : r;
  }

  /**
   * Stops the executor's threads (waiting at most {@code timeout} for running polls and blocking
   * jobs to return), then cancels every task left, drops the timers and closes the I/O driver. For
   * the runtime's owner only. Idempotent.
   *
   * @throws IllegalStateException when called from one of the runtime's own worker threads
   */
  public void shutdown(Duration timeout) {
    long deadline = deadlineAfter(timeout);
    executor.stop(deadline);
    tasks.closeAndCancelAll();
    executor.clearQueues();
    blocking.shutdown(deadline);
    time.clear();
    // After the tasks were cancelled (their sockets closed by their finally blocks), so no task
    // can register with the reactor again; its waiters are woken.
    Reactor r;
    synchronized (ioLock) {
      r = io;
    }
    if (r != null) {
      r.close();
    }
  }

  private static long deadlineAfter(Duration timeout) {
    long now = System.nanoTime();
    long nanos;
    try {
      nanos = timeout.toNanos();
    } catch (ArithmeticException e) {
      return Long.MAX_VALUE;
    }
    long d = now + nanos;
    return d < now ? Long.MAX_VALUE : d;
  }
}
