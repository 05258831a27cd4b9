package dev.asyncfn.runtime.executor;

import dev.asyncfn.runtime.Future;
import dev.asyncfn.runtime.AsyncRuntime;
import dev.asyncfn.runtime.blocking.BlockingPool;
import dev.asyncfn.runtime.internal.Messages;
import dev.asyncfn.runtime.internal.reactor.Reactor;
import dev.asyncfn.runtime.task.OwnedTasks;
import dev.asyncfn.runtime.task.Scheduler;
import dev.asyncfn.runtime.task.Task;
import dev.asyncfn.runtime.time.TimeDriver;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.Function;

/**
 * What an {@link AsyncRuntime} is made of: a scheduler for tasks, the registry of live tasks, the time
 * driver, the I/O driver ({@link Reactor}, opened when a socket first waits) and the blocking pool.
 * One subclass per flavour. Internal: users hold a {@code AsyncRuntime}.
 *
 * <p>The I/O driver has no thread: the thread that parks with the timers blocks in its selector
 * instead of parking, and busy threads poll it every {@code EVENT_INTERVAL} tasks.
 */
public abstract class Executor implements Scheduler {
  /** Poll the I/O driver (and fire timers) every this many tasks (Tokio's event_interval). */
  static final int EVENT_INTERVAL = 61;
  private static volatile Function<AsyncRuntime, Executor> lookup;

  final OwnedTasks tasks;
  final TimeDriver time;
  final BlockingPool blocking;
  volatile boolean closed;
  private AsyncRuntime runtime;
  /** Null until a socket of this runtime first waits: a runtime without sockets opens no selector. */
  private volatile Reactor io;
  private final Object ioLock = new Object();

  Executor(int shards, TimeDriver time, Settings settings) {
    this.tasks = new OwnedTasks(this, shards);
    this.time = time;
    this.blocking =
        new BlockingPool(
            this,
            settings.threadNamePrefix + "-blocking-",
            settings.maxBlockingThreads,
            settings.keepAliveNanos,
            this::onBlockingIdle);
  }

  /** What the builder configured, passed to the executor constructors. */
  public static final class Settings {
    final String threadNamePrefix;
    final int maxBlockingThreads;
    final long keepAliveNanos;

    /** Thread-name prefix, blocking-pool bound and keep-alive of idle blocking threads. */
    public Settings(String threadNamePrefix, int maxBlockingThreads, long keepAliveNanos) {
      this.threadNamePrefix = threadNamePrefix;
      this.maxBlockingThreads = maxBlockingThreads;
      this.keepAliveNanos = keepAliveNanos;
    }
  }

  /** Binds the public face; called once by the {@code AsyncRuntime} constructor. */
  public void bind(AsyncRuntime runtime) {
    this.runtime = runtime;
  }

  /** Installed by {@code AsyncRuntime}: how internal code finds the executor of a runtime. */
  public static void installLookup(Function<AsyncRuntime, Executor> executorOf) {
    if (lookup == null) {
      lookup = executorOf;
    }
  }

  /** The executor behind {@code runtime}. */
  public static Executor of(AsyncRuntime runtime) {
    return lookup.apply(runtime);
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
        if (closed) {
          r.close();
          return r;
        }
        io = r;
        onIoOpened();
      }
      return r;
    }
  }

  /** Closes the I/O driver if one was opened (runtime shutdown); its waiters are woken. */
  public void closeReactor() {
    Reactor r;
    synchronized (ioLock) {
      r = io;
    }
    if (r != null) {
      r.close();
    }
  }

  /** The open I/O driver for a parking or busy thread to turn, or null. */
  Reactor ioDriver() {
    Reactor r = io;
    return r == null || r.isClosed() ? null : r;
  }

  /** The public {@code AsyncRuntime} of this executor. */
  public AsyncRuntime runtime() {
    return runtime;
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

  /** Number of tasks spawned and not yet completed; for tests and diagnostics. */
  public int liveTasks() {
    return tasks.size();
  }

  /** Runs {@code future} to completion on the calling thread with this runtime entered. */
  public abstract <T> T blockOn(Future<T> future);

  /** Stops the workers, then cancels every task left, waiting at most {@code timeout}. */
  public abstract void shutdown(Duration timeout);

  /** A timer with an earlier deadline than any before was registered: re-arm the sleeper. */
  public abstract void onTimerChange();

  /** The blocking pool ran out of work (the paused clock may advance again). */
  abstract void onBlockingIdle();

  /** The I/O driver was opened: the thread parked with the timers must park in it instead. */
  abstract void onIoOpened();

  void checkOpen() {
    if (closed) {
      throw new IllegalStateException(Messages.RUNTIME_SHUT_DOWN);
    }
  }

  static long deadlineAfter(Duration timeout) {
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
