/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.runtime.internal.blocking;

import dev.asyncfn.runtime.Context;
import dev.asyncfn.runtime.Future;
import dev.asyncfn.runtime.Poll;
import dev.asyncfn.runtime.internal.Sneaky;
import dev.asyncfn.runtime.internal.task.Scheduler;
import dev.asyncfn.runtime.internal.task.Task;
import dev.asyncfn.runtime.internal.task.TaskList;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

/**
 * The pool behind {@code spawnBlocking}: threads are started on demand up to a maximum and retire
 * after a keep-alive spent idle (Tokio's blocking pool). Each job is a {@link Task} whose
 * future calls the {@link Callable} once, so its {@code JoinHandle} is the same kind as a spawned
 * task's and wakes its awaiter on completion. Pool threads have the runtime entered (without
 * driving it), so a job may spawn tasks or block on futures: the runtime's handle wraps each
 * thread's body to enter it, so the pool itself knows nothing of runtimes.
 *
 * <p>Invariants: {@code queue}, {@code threads}, {@code idle} and {@code shutdown} are guarded by
 * {@code this}. {@code inFlight} counts jobs spawned and not finished (ran, failed or cancelled:
 * exactly one of poll and cancel runs per job), so a paused clock does not auto-advance while a job
 * could still wake a task.
 */
public final class BlockingPool implements Scheduler {
  private final String namePrefix;
  private final int maxThreads;
  private final long keepAliveNanos;
  private final Runnable onIdle;
  private final UnaryOperator<Runnable> threadBody;
  private final TaskList jobs = new TaskList(this);
  private final ArrayDeque<Task<?>> queue = new ArrayDeque<>();
  private final List<Thread> threads = new ArrayList<>();
  private final AtomicInteger inFlight = new AtomicInteger();
  private int idle;
  private int started;
  private boolean shutdown;

  /**
   * A pool of at most {@code maxThreads}, whose idle threads exit after {@code keepAliveNanos};
   * {@code onIdle} runs when the last job finishes. Each thread runs {@code threadBody} applied to
   * its work loop (the runtime's handle enters the runtime there).
   */
  public BlockingPool(
      String namePrefix,
      int maxThreads,
      long keepAliveNanos,
      Runnable onIdle,
      UnaryOperator<Runnable> threadBody) {
    if (maxThreads < 1) {
      throw new IllegalArgumentException(
          "maxBlockingThreads must be at least 1, was " + maxThreads);
    }
    this.namePrefix = namePrefix;
    this.maxThreads = maxThreads;
    this.keepAliveNanos = keepAliveNanos;
    this.onIdle = onIdle;
    this.threadBody = threadBody;
  }

  /** Queues {@code callable}; the handle completes with its result or its exception unchanged. */
  public <T> Task<T> spawn(Callable<T> callable) {
    Objects.requireNonNull(callable, "callable");
    inFlight.incrementAndGet();
    return jobs.spawn(new Job<>(callable));
  }

  /** Jobs spawned and not finished. */
  public int inFlight() {
    return inFlight.get();
  }

  /** Threads currently alive; for tests. */
  public synchronized int threadCount() {
    return threads.size();
  }

  @Override
  public void schedule(Task<?> task) {
    Thread toStart = null;
    synchronized (this) {
      if (shutdown) {
        return; // the job list is closed: shutdown cancels the task
      }
      queue.addLast(task);
      if (idle > 0) {
        notify();
      } else if (threads.size() < maxThreads) {
        toStart = new Thread(threadBody.apply(this::workLoop), namePrefix + started++);
        toStart.setDaemon(true);
        threads.add(toStart);
      }
    }
    if (toStart != null) {
      toStart.start();
    }
  }

  /**
   * A job's future is cancelled on the calling thread: it only counts the job as finished, so no
   * runtime needs entering.
   */
  @Override
  public void cancelFuture(Future<?> future) {
    future.cancel();
  }

  private void workLoop() {
    for (;;) {
      Task<?> task;
      synchronized (this) {
        long deadline = System.nanoTime() + keepAliveNanos;
        while ((task = queue.pollFirst()) == null) {
          long remaining = deadline - System.nanoTime();
          if (shutdown || remaining <= 0) {
            threads.remove(Thread.currentThread());
            return;
          }
          idle++;
          try {
            TimeUnit.NANOSECONDS.timedWait(this, remaining);
          } catch (InterruptedException e) {
            // Only shutdown interrupts; the loop re-checks it.
          } finally {
            idle--;
          }
        }
      }
      task.run();
    }
  }

  /**
   * Stops accepting jobs, cancels the queued ones, and waits for running jobs until {@code
   * deadline} ({@link System#nanoTime()}); jobs still running then are left to finish alone.
   */
  public void shutdown(long deadline) {
    List<Thread> running;
    synchronized (this) {
      shutdown = true;
      queue.clear();
      notifyAll();
      running = new ArrayList<>(threads);
    }
    jobs.closeAndCancelAll();
    for (Thread t : running) {
      long remaining = deadline - System.nanoTime();
      if (remaining <= 0 || t == Thread.currentThread()) {
        continue;
      }
      try {
        t.join(Math.max(1, remaining / 1_000_000));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private void finished() {
    if (inFlight.decrementAndGet() == 0) {
      onIdle.run();
    }
  }

  /** Calls the callable on its one poll; a job cancelled before it ran never calls it. */
  private final class Job<T> implements Future<T> {
    private final Callable<T> callable;

    Job(Callable<T> callable) {
      this.callable = callable;
    }

    @Override
    public Poll<T> poll(Context cx) {
      try {
        return Poll.ready(callable.call());
      } catch (Exception e) {
        throw Sneaky.raise(e);
      } finally {
        finished();
      }
    }

    @Override
    public void cancel() {
      finished();
    }
  }
}
