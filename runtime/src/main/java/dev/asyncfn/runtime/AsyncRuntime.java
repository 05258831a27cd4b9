/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.runtime;

import dev.asyncfn.runtime.internal.Messages;
import dev.asyncfn.runtime.internal.executor.CurrentThreadExecutor;
import dev.asyncfn.runtime.internal.executor.MultiThreadExecutor;
import dev.asyncfn.runtime.internal.handle.Handle;
import dev.asyncfn.runtime.internal.handle.Settings;
import dev.asyncfn.runtime.internal.time.TimeDriver;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Callable;

/**
 * An executor for tasks, with its timers and blocking pool, like Tokio's {@code Runtime}.
 *
 * <p>Two flavours: {@linkplain Builder#currentThread() current-thread} (tasks run on the thread
 * inside {@link #blockOn}, nowhere else) and {@linkplain Builder#multiThread() multi-thread} (a
 * work-stealing pool of worker threads). Code running under a runtime (its tasks, the future given
 * to {@code blockOn}, its blocking jobs) reaches it through {@link RuntimeHandle#current()}, which
 * is what {@link Tasks#spawn} and the {@code Time} futures use. That {@link RuntimeHandle} can
 * spawn and block on the runtime but not shut it down: only this object, held by the code that
 * built the runtime, can.
 *
 * <h2>Example</h2>
 *
 * <pre>{@code
 * try (AsyncRuntime rt = AsyncRuntime.builder().multiThread().workerThreads(4).build()) {
 *   int n = rt.blockOn(MainAsync.run(args));
 * }
 * }</pre>
 *
 * <h2>Thread safety</h2>
 *
 * All methods may be called from any thread, except that {@code blockOn} and {@code shutdown} throw
 * on a thread that drives this runtime's tasks. A current-thread runtime is driven by one {@code
 * blockOn} at a time.
 *
 * <h2>Cancellation</h2>
 *
 * {@link #shutdown()} stops the workers and then drops every task that has not completed: each
 * task's future is {@code cancel()}led once, and its handle fails with {@link CancelledException}.
 * AsyncRuntime threads are daemon threads: a runtime that is never shut down does not keep the JVM
 * alive.
 */
public final class AsyncRuntime implements AutoCloseable {
  private static final Duration DEFAULT_SHUTDOWN_TIMEOUT = Duration.ofSeconds(10);

  private final Handle handle;
  private final RuntimeHandle publicHandle;

  private AsyncRuntime(Handle handle) {
    this.handle = handle;
    this.publicHandle = new RuntimeHandle(handle);
  }

  /** A builder; choose a flavour with {@code currentThread()} or {@code multiThread()}. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A handle to this runtime, for code that may spawn on it or block on it but must not shut it
   * down; equal to what {@link RuntimeHandle#current()} returns under this runtime.
   */
  public RuntimeHandle handle() {
    return publicHandle;
  }

  /**
   * Runs {@code future} to completion on the calling thread with this runtime entered, and returns
   * its output; its failure is thrown as it is. On a current-thread runtime the calling thread also
   * runs the spawned tasks meanwhile.
   *
   * @throws IllegalStateException on a thread that drives a runtime's tasks (await instead), on a
   *     current-thread runtime another thread is driving, or after shutdown
   */
  public <T> T blockOn(Future<T> future) {
    return handle.blockOn(Objects.requireNonNull(future, "future"));
  }

  /**
   * Spawns {@code future} as a task on this runtime. It starts running in the background at once
   * (on a current-thread runtime: at the next {@code blockOn}); the handle awaits its output.
   * After shutdown the handle fails with {@link CancelledException} and the future is not polled.
   */
  public <T> JoinHandle<T> spawn(Future<T> future) {
    return handle.spawn(Objects.requireNonNull(future, "future"));
  }

  /**
   * Runs {@code callable} on this runtime's blocking pool, for work that would block a worker.
   * Awaiting the handle gives its result, or rethrows its exception unchanged. Aborting a job that
   * has started does not interrupt it.
   */
  public <T> JoinHandle<T> spawnBlocking(Callable<T> callable) {
    return handle.spawnBlocking(callable);
  }

  /** Shuts down, waiting at most 10 seconds for workers and blocking jobs. */
  public void shutdown() {
    shutdown(DEFAULT_SHUTDOWN_TIMEOUT);
  }

  /**
   * Stops the workers (waiting at most {@code timeout} for running polls and blocking jobs to
   * return), then cancels every task left and stops this runtime's I/O reactor. Idempotent.
   *
   * @throws IllegalStateException when called from this runtime's own worker thread
   */
  public void shutdown(Duration timeout) {
    handle.shutdown(Objects.requireNonNull(timeout, "timeout"));
  }

  /** {@link #shutdown()}, for try-with-resources. */
  @Override
  public void close() {
    shutdown();
  }

  /** Number of spawned tasks that have not completed; for tests and diagnostics. */
  public int liveTaskCount() {
    return handle.liveTasks();
  }

  /**
   * Configures an {@link AsyncRuntime}, like Tokio's {@code runtime::Builder}.
   *
   * <h2>Example</h2>
   *
   * <pre>{@code
   * AsyncRuntime rt = AsyncRuntime.builder().currentThread().startPaused(true).build();
   * }</pre>
   */
  public static final class Builder {
    private boolean multiThread = true;
    private int workerThreads = java.lang.Runtime.getRuntime().availableProcessors();
    private String threadNamePrefix = "asyncfn";
    private int maxBlockingThreads = 512;
    private boolean startPaused;
    private Duration keepAlive = Duration.ofSeconds(10);

    private Builder() {}

    /** Tasks run on the thread inside {@code blockOn}. */
    public Builder currentThread() {
      multiThread = false;
      return this;
    }

    /** Tasks run on a work-stealing pool of worker threads (the default). */
    public Builder multiThread() {
      multiThread = true;
      return this;
    }

    /** Number of worker threads of a multi-thread runtime; default: available processors. */
    public Builder workerThreads(int n) {
      if (n < 1) {
        throw new IllegalArgumentException("workerThreads must be at least 1, was " + n);
      }
      workerThreads = n;
      return this;
    }

    /**
     * Prefix of the runtime's thread names ({@code prefix-worker-0}, {@code prefix-blocking-0}).
     */
    public Builder threadNamePrefix(String prefix) {
      threadNamePrefix = Objects.requireNonNull(prefix, "prefix");
      return this;
    }

    /** Upper bound of the blocking pool's threads; default 512. */
    public Builder maxBlockingThreads(int n) {
      if (n < 1) {
        throw new IllegalArgumentException("maxBlockingThreads must be at least 1, was " + n);
      }
      maxBlockingThreads = n;
      return this;
    }

    /** How long an idle blocking-pool thread waits for work before it exits; default 10 s. */
    public Builder threadKeepAlive(Duration keepAlive) {
      if (keepAlive.isNegative()) {
        throw new IllegalArgumentException(
            "threadKeepAlive must not be negative, was " + keepAlive);
      }
      this.keepAlive = keepAlive;
      return this;
    }

    /**
     * Starts the clock paused (virtual time): it advances by itself to the next timer whenever
     * every task is idle, and by hand with {@code Time.advance}. Current-thread flavour only.
     */
    public Builder startPaused(boolean paused) {
      startPaused = paused;
      return this;
    }

    /**
     * Builds and starts the runtime.
     *
     * @throws IllegalStateException for {@code startPaused(true)} on the multi-thread flavour
     */
    public AsyncRuntime build() {
      if (startPaused && multiThread) {
        throw new IllegalStateException(Messages.PAUSED_NEEDS_CURRENT_THREAD);
      }
      TimeDriver time = new TimeDriver(startPaused);
      long keepAliveNanos;
      try {
        keepAliveNanos = keepAlive.toNanos();
      } catch (ArithmeticException e) {
        keepAliveNanos = Long.MAX_VALUE / 2;
      }
      Settings settings = new Settings(threadNamePrefix, maxBlockingThreads, keepAliveNanos);
      Handle handle =
          multiThread
              ? new MultiThreadExecutor(workerThreads, settings, time).handle()
              : new CurrentThreadExecutor(settings, time).handle();
      return new AsyncRuntime(handle);
    }
  }
}
