/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.runtime.internal.executor;

import dev.asyncfn.runtime.Context;
import dev.asyncfn.runtime.Future;
import dev.asyncfn.runtime.Poll;
import dev.asyncfn.runtime.Waker;
import dev.asyncfn.runtime.internal.Messages;
import dev.asyncfn.runtime.internal.handle.Executor;
import dev.asyncfn.runtime.internal.handle.Handle;
import dev.asyncfn.runtime.internal.handle.RuntimeContext;
import dev.asyncfn.runtime.internal.handle.Settings;
import dev.asyncfn.runtime.internal.reactor.Reactor;
import dev.asyncfn.runtime.internal.task.Task;
import dev.asyncfn.runtime.internal.time.TimeDriver;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.ArrayDeque;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The current-thread executor: tasks run on the thread that calls {@link #blockOn}, between polls
 * of the future it blocks on; nothing runs while no thread is in {@code blockOn} (Tokio's
 * {@code current_thread} flavour).
 *
 * <p>Wakes on the driving thread go to a plain deque; wakes from other threads go to the injector
 * and unpark the driver. When nothing is runnable the driver fires expired timers, and then parks
 * until the next deadline, blocked in the I/O driver's selector once a socket has waited (readiness
 * is dispatched on this thread, into the deque); with a paused clock it instead jumps the clock to
 * the next deadline (unless blocking-pool work is in flight, which could still wake something).
 * While tasks keep running, it polls the I/O driver without blocking every {@link
 * EventInterval#TASKS} tasks.
 *
 * <p>{@code local} is touched by the driving thread only; {@code driver} is written by it on
 * entry and exit of {@code blockOn}.
 */
public final class CurrentThreadExecutor implements Executor {
  private static final int GLOBAL_QUEUE_INTERVAL = 31;
  private static final int BATCH = 128;

  private final Handle handle;
  private final TimeDriver time;

  private final ArrayDeque<Task<?>> local = new ArrayDeque<>(64);
  private final Injector remote = new Injector();
  private final Parker parker = new Parker();
  private final Coop coop = new Coop();
  private final AtomicBoolean busy = new AtomicBoolean();
  private volatile Thread driver;
  private volatile boolean closed;
  private int tick;

  /** A current-thread executor whose blocking threads are named {@code prefix-blocking-i}. */
  public CurrentThreadExecutor(Settings settings, TimeDriver time) {
    this.time = time;
    this.handle = new Handle(this, settings, time, 1);
    time.setListener(this::onTimerChange);
  }

  /** The handle of this executor's runtime. */
  public Handle handle() {
    return handle;
  }

  @Override
  public void schedule(Task<?> task) {
    if (Thread.currentThread() == driver) {
      local.addLast(task);
    } else {
      remote.push(task);
      parker.unpark();
    }
  }

  @Override
  public void cancelFuture(Future<?> future) {
    RuntimeContext.cancelInside(handle, future);
  }

  /** A timer with an earlier deadline than any before was registered: re-arm the sleeper. */
  private void onTimerChange() {
    if (Thread.currentThread() != driver) {
      parker.unpark();
    }
  }

  @Override
  public void onIoOpened() {
    if (Thread.currentThread() != driver) {
      parker.unpark(); // the driver parked before the selector existed: it re-parks in it
    }
  }

  @Override
  public void onBlockingIdle() {
    parker.unpark();
  }

  @Override
  public <T> T blockOn(Future<T> future) {
    checkOpen();
    if (!busy.compareAndSet(false, true)) {
      throw new IllegalStateException(Messages.CURRENT_THREAD_BUSY);
    }
    Thread self = Thread.currentThread();
    parker.bind(self);
    driver = self;
    RuntimeContext.Entered previous = RuntimeContext.enter(handle, true);
    try {
      return drive(future);
    } finally {
      RuntimeContext.restore(previous);
      driver = null;
      parker.bind(null);
      if (parker.takeInterrupt()) {
        self.interrupt(); // waited uninterruptibly, like CompletableFuture.join: keep the status
      }
      busy.set(false);
    }
  }

  private <T> T drive(Future<T> future) {
    MainWaker main = new MainWaker(parker);
    Context cx = Context.of(main);
    main.woken = true;
    for (;;) {
      checkOpen();
      if (main.woken) {
        main.woken = false;
        coop.reset();
        Poll<T> p = future.poll(cx);
        if (p.isReady()) {
          return p.get();
        }
      }
      // A full batch even when the main future woke itself: it must not starve the tasks.
      for (int i = 0; i < BATCH; i++) {
        Task<?> task = next();
        if (task == null) {
          break;
        }
        coop.reset();
        task.run();
        if (tick % EventInterval.TASKS == 0) {
          pollIo();
        }
      }
      time.fireExpired();
      if (main.woken || !local.isEmpty() || !remote.isEmpty()) {
        continue;
      }
      if (time.isPaused() && handle.blocking().inFlight() == 0 && time.advanceToNextTimer()) {
        continue;
      }
      parker.park(time.nextDeadlineNanoTime(), handle.ioDriver());
    }
  }

  /** The budget of the poll running on {@code t}, if {@code t} is driving this executor. */
  Coop coopFor(Thread t) {
    return t == driver ? coop : null;
  }

  private void pollIo() {
    Reactor io = handle.ioDriver();
    if (io != null) {
      io.tryTurnNow();
    }
  }

  private Task<?> next() {
    if (++tick % GLOBAL_QUEUE_INTERVAL == 0) {
      Task<?> t = remote.pop();
      if (t != null) {
        return t;
      }
    }
    Task<?> t = local.pollFirst();
    return t != null ? t : remote.pop();
  }

  @Override
  public boolean isStopped() {
    return closed;
  }

  /** Marks the executor stopped: a thread inside {@code blockOn} throws at its next turn. */
  @Override
  public void stop(long deadline) {
    if (Thread.currentThread() == driver) {
      throw new IllegalStateException(Messages.SHUTDOWN_FROM_WORKER);
    }
    closed = true;
    parker.unpark();
  }

  @Override
  public void clearQueues() {
    remote.clear();
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException(Messages.RUNTIME_SHUT_DOWN);
    }
  }

  /** The waker of the future passed to blockOn: a flag plus an unpark of the driver. */
  private static final class MainWaker implements Waker {
    private static final VarHandle WOKEN;

    static {
      try {
        WOKEN = MethodHandles.lookup().findVarHandle(MainWaker.class, "woken", boolean.class);
      } catch (ReflectiveOperationException e) {
        throw new ExceptionInInitializerError(e);
      }
    }

    private final Parker parker;
    /** The driving thread: created by {@code drive}, which reads {@code woken} before parking. */
    private final Thread driver = Thread.currentThread();
    volatile boolean woken;

    MainWaker(Parker parker) {
      this.parker = parker;
    }

    @Override
    public void wake() {
      if (Thread.currentThread() == driver) {
        // A task of this thread woke the main future (ping-pong with it, a join): the loop reads
        // the flag before it parks, so a plain store does, without two fences per wake.
        WOKEN.set(this, true);
        return;
      }
      woken = true;
      parker.unpark();
    }
  }
}
