package dev.asyncfn.runtime.executor;

import dev.asyncfn.runtime.Context;
import dev.asyncfn.runtime.Future;
import dev.asyncfn.runtime.Poll;
import dev.asyncfn.runtime.AsyncRuntime;
import dev.asyncfn.runtime.Waker;
import dev.asyncfn.runtime.internal.Messages;
import java.util.concurrent.locks.LockSupport;

/**
 * {@code Futures.blockOn} and the blocking {@code Futures.await}: run a future to completion on the
 * calling thread, parking it between polls.
 *
 * <p>The future always gets a runtime for spawn, timers and I/O: the one the thread already
 * entered (inside {@code AsyncRuntime.blockOn} of a multi-thread runtime, or on a blocking-pool thread),
 * or else the lazily started {@linkplain #defaultRuntime() default runtime}. On a thread that drives
 * tasks (a worker, or the thread inside a current-thread {@code blockOn}) blocking would stall
 * every task of that runtime, so both methods throw {@link IllegalStateException} there instead.
 *
 * <p>The wait is not interruptible (like {@code CompletableFuture.join}): an interrupt does not
 * stop it, and the thread's interrupt status is kept for the caller.
 */
public final class BlockOn {
  private BlockOn() {}

  /** {@code Futures.blockOn}: polls {@code future} on this thread until it is ready. */
  public static <T> T run(Future<T> future) {
    Executor current = RuntimeContext.current();
    if (current == null) {
      return defaultRuntime().blockOn(future);
    }
    if (RuntimeContext.isDriving()) {
      throw new IllegalStateException(Messages.BLOCK_ON_ON_WORKER);
    }
    return parkUntilReady(future);
  }

  /** {@code Futures.await} outside generated code. */
  public static <T> T awaitBlocking(Future<T> future) {
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
  public static AsyncRuntime defaultRuntime() {
    return DefaultRuntime.INSTANCE;
  }

  /** Polls on the calling thread, which has a runtime entered and does not drive tasks. */
  static <T> T parkUntilReady(Future<T> future) {
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

  /** Holder idiom: the default runtime starts on first use only. */
  private static final class DefaultRuntime {
    static final AsyncRuntime INSTANCE =
        AsyncRuntime.builder().multiThread().threadNamePrefix("asyncfn-default").build();
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
