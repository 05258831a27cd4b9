/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.runtime;

import dev.asyncfn.runtime.debug.AsyncRuntimeMXBean;
import dev.asyncfn.runtime.debug.TaskDump;
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
 *
 * <h2>Debugging</h2>
 *
 * {@link #dumpTasks()} lists the live tasks with the {@code @Async} frames each is suspended in;
 * the same text is the {@code dumpTasks} operation of the runtime's {@link AsyncRuntimeMXBean},
 * registered as {@code dev.asyncfn:type=Runtime,name=<name>,id=<id>} from build to shutdown
 * (unless {@code -Dasyncfn.jmx=off}). A
 * poll that holds a thread longer than {@linkplain Builder#slowPollThreshold the threshold} (100
 * ms) is logged once as a warning. See {@code docs/debugging.md}.
 */
public final class AsyncRuntime implements AutoCloseable {
  private static final Duration DEFAULT_SHUTDOWN_TIMEOUT = Duration.ofSeconds(10);

  private final Handle handle;
  private final RuntimeHandle publicHandle;
  /** Unregisters the runtime's MBean; idempotent. */
  private final Runnable unregisterBean;

  private AsyncRuntime(Handle handle, Runnable unregisterBean) {
    this.handle = handle;
    this.publicHandle = new RuntimeHandle(handle);
    this.unregisterBean = unregisterBean;
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
   * {@link #spawn(Future)} with a name, which task dumps, slow-poll warnings and the boundary of
   * its failure's trace show ({@code task 7 "totals"}). Names need not be unique.
   */
  public <T> JoinHandle<T> spawn(String name, Future<T> future) {
    return handle.spawn(
        Objects.requireNonNull(future, "future"), Objects.requireNonNull(name, "name"));
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
    unregisterBean.run();
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
   * The live tasks now, each with its state, age, time since its last poll and the chain of
   * {@code @Async} frames it is suspended in; {@code toString()} gives the text. Does not stop the
   * runtime (see {@link TaskDump} for what that means). 10,000 parked tasks take a few
   * milliseconds.
   */
  public TaskDump dumpTasks() {
    return TaskDumps.of(handle);
  }

  /** The name given to the builder, {@code asyncfn} by default (the thread name prefix). */
  public String name() {
    return handle.name();
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
    private String name;
    private Duration slowPollThreshold = Duration.ofMillis(100);
    private boolean slowPollWarnings = true;
    private System.Logger slowPollLogger;

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
     * The runtime's name, shown by task dumps and slow-poll warnings, and in the name of its MBean
     * ({@code dev.asyncfn:type=Runtime,name=orders,id=3}); default: the thread name prefix. Need
     * not be unique: the id in the MBean's name is.
     */
    public Builder name(String name) {
      this.name = Objects.requireNonNull(name, "name");
      return this;
    }

    /**
     * A poll that holds its thread longer than {@code threshold} is logged, once, as a warning
     * naming the task, its innermost {@code @Async} frame and the thread's stack; default 100 ms.
     * Such a poll stalls every other task of its thread: it blocks, or computes too long without
     * {@code Tasks.yieldNow()}. The check costs the poll nothing measurable: a watchdog thread
     * looks every quarter threshold (at most every 25 ms) at a count each poll bumps.
     *
     * @throws IllegalArgumentException if {@code threshold} is not positive
     */
    public Builder slowPollThreshold(Duration threshold) {
      if (threshold.isNegative() || threshold.isZero()) {
        throw new IllegalArgumentException(
            "slowPollThreshold must be positive, was " + threshold
                + ": to turn slow-poll warnings off, call slowPollWarnings(false)");
      }
      slowPollThreshold = threshold;
      return this;
    }

    /** Whether slow polls are logged (see {@link #slowPollThreshold}); default true. */
    public Builder slowPollWarnings(boolean on) {
      slowPollWarnings = on;
      return this;
    }

    /**
     * Where slow-poll warnings go; default {@code
     * System.getLogger("dev.asyncfn.runtime.slowpoll")}, which {@code java.util.logging} or any
     * {@code System.LoggerFinder} (SLF4J's, Log4j's) routes.
     */
    public Builder slowPollLogger(System.Logger logger) {
      slowPollLogger = Objects.requireNonNull(logger, "logger");
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
      long slowPollNanos;
      try {
        slowPollNanos = slowPollWarnings ? slowPollThreshold.toNanos() : 0;
      } catch (ArithmeticException e) {
        slowPollNanos = 0; // longer than 292 years: never
      }
      Settings settings =
          new Settings(
              name != null ? name : threadNamePrefix,
              threadNamePrefix,
              maxBlockingThreads,
              keepAliveNanos,
              slowPollNanos,
              slowPollLogger != null
                  ? slowPollLogger
                  : System.getLogger("dev.asyncfn.runtime.slowpoll"));
      Handle handle =
          multiThread
              ? new MultiThreadExecutor(workerThreads, settings, time).handle()
              : new CurrentThreadExecutor(settings, time).handle();
      Runnable unregisterBean = registerBean(handle);
      handle.open(unregisterBean);
      return new AsyncRuntime(handle, unregisterBean);
    }

    /** Registers the runtime's MBean, if this JVM has JMX at all. */
    private static Runnable registerBean(Handle handle) {
      try {
        return RuntimeBean.register(handle);
      } catch (LinkageError e) { // java.management is not in this image
        return () -> {};
      }
    }
  }
}
