/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.runtime.internal.executor;

import dev.asyncfn.runtime.Future;
import dev.asyncfn.runtime.internal.Messages;
import dev.asyncfn.runtime.internal.handle.Executor;
import dev.asyncfn.runtime.internal.handle.Handle;
import dev.asyncfn.runtime.internal.handle.RuntimeContext;
import dev.asyncfn.runtime.internal.handle.Settings;
import dev.asyncfn.runtime.internal.task.Task;
import dev.asyncfn.runtime.internal.time.TimeDriver;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The work-stealing executor: N workers with local FIFO queues, a global injector for tasks
 * scheduled from other threads, stealing half a victim's queue when idle, and parking (not
 * spinning) when there is nothing to do.
 *
 * <p>A wake on a worker thread of this runtime goes to that worker's queue (so a task spawned or
 * woken by a task tends to stay hot on the same core); any other thread goes through the injector
 * and unparks a sleeper.
 *
 * <p>Timers and I/O: at most one parked worker owns the drivers and parks until the next deadline,
 * blocked in the I/O driver's selector once a socket has waited (so readiness is dispatched on a
 * worker, into its own queue, without a reactor thread); a new earlier deadline, new work or
 * shutdown unparks it, which is then a selector wake-up. Busy workers fire expired timers and poll
 * the I/O driver without blocking every few dozen tasks.
 */
public final class MultiThreadExecutor implements Executor {
  private final Handle handle;
  final TimeDriver time;
  final Worker[] workers;
  final Injector injector = new Injector();
  final Idle idle;
  private final Thread[] threads;
  private final AtomicReference<Worker> driverOwner = new AtomicReference<>();
  volatile boolean closed;

  /** Builds and starts {@code workerThreads} workers named {@code prefix-worker-i}. */
  public MultiThreadExecutor(int workerThreads, Settings settings, TimeDriver time) {
    this.time = time;
    // Four registry shards per worker: completions on two workers rarely share a lock.
    this.handle = new Handle(this, settings, time, workerThreads * 4);
    String prefix = settings.threadNamePrefix();
    workers = new Worker[workerThreads];
    threads = new Thread[workerThreads];
    idle = new Idle(workerThreads);
    for (int i = 0; i < workerThreads; i++) {
      workers[i] = new Worker(this, i);
    }
    time.setListener(this::onTimerChange);
    for (int i = 0; i < workerThreads; i++) {
      threads[i] = new WorkerThread(handle, workers[i], prefix + "-worker-" + i);
      threads[i].start();
    }
  }

  /** The handle of this executor's runtime. */
  public Handle handle() {
    return handle;
  }

  @Override
  public void schedule(Task<?> task) {
    Thread t = Thread.currentThread();
    if (t instanceof WorkerThread && ((WorkerThread) t).executor == this) {
      ((WorkerThread) t).worker.schedule(task);
    } else if (!RemoteWakes.defer(this, task)) {
      injector.push(task);
      idle.notifyOne();
    }
  }

  @Override
  public void cancelFuture(Future<?> future) {
    RuntimeContext.cancelInside(handle, future);
  }

  boolean hasWork() {
    if (!injector.isEmpty()) {
      return true;
    }
    for (Worker w : workers) {
      if (!w.queue.isEmpty()) {
        return true;
      }
    }
    return false;
  }

  boolean tryOwnDriver(Worker w) {
    return driverOwner.compareAndSet(null, w);
  }

  void releaseDriver(Worker w) {
    driverOwner.compareAndSet(w, null);
    if ((time.hasTimers() || handle.ioDriver() != null) && idle.anySleeping()) {
      idle.notifyOne(); // hand timers and I/O to a parked worker while this one runs tasks
    }
  }

  @Override
  public void onIoOpened() {
    onTimerChange(); // the owner parked before the selector existed: it re-parks in it
  }

  /** A timer with an earlier deadline than any before was registered: re-arm the driver owner. */
  private void onTimerChange() {
    Worker owner = driverOwner.get();
    if (owner != null) {
      owner.parker.unpark();
    } else {
      idle.notifyOne();
    }
  }

  @Override
  public void onBlockingIdle() {}

  @Override
  public <T> T blockOn(Future<T> future) {
    if (closed) {
      throw new IllegalStateException(Messages.RUNTIME_SHUT_DOWN);
    }
    RuntimeContext.Entered previous = RuntimeContext.enter(handle, false);
    try {
      return ParkingLoop.parkUntilReady(future);
    } finally {
      RuntimeContext.restore(previous);
    }
  }

  @Override
  public boolean isStopped() {
    return closed;
  }

  /** Marks the executor stopped and waits (until {@code deadline}) for the workers to exit. */
  @Override
  public void stop(long deadline) {
    Thread self = Thread.currentThread();
    for (Thread t : threads) {
      if (t == self) {
        throw new IllegalStateException(Messages.SHUTDOWN_FROM_WORKER);
      }
    }
    closed = true;
    for (Worker w : workers) {
      w.parker.unpark();
    }
    for (Thread t : threads) {
      long remaining = deadline - System.nanoTime();
      if (remaining > 0) {
        try {
          t.join(Math.max(1, remaining / 1_000_000));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          break;
        }
      }
    }
  }

  @Override
  public void clearQueues() {
    injector.clear();
  }
}
