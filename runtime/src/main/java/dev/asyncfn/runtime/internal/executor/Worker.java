/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.runtime.internal.executor;

import dev.asyncfn.runtime.internal.debug.PollSlot;
import dev.asyncfn.runtime.internal.reactor.Reactor;
import dev.asyncfn.runtime.internal.task.Task;
import java.util.Arrays;

/**
 * One thread of a multi-thread runtime: runs tasks from its local queue, the injector, or stolen
 * from other workers; parks when there is nothing to do. The parked worker that owns the drivers
 * (timers and I/O) parks only until the next deadline, blocked in the I/O driver's selector once
 * the runtime has one, and readiness it dispatches wakes tasks into its own queue; a busy worker
 * fires expired timers and polls the I/O driver every {@link EventInterval#TASKS} tasks (the
 * driver less often while work it spilled to the injector drains, see {@link #maintenance}).
 *
 * <p>Its {@link PollSlot} says which task it polls, for the slow-poll watchdog and for spawn sites:
 * two plain stores per poll; the slot goes idle before the worker turns its drivers or parks.
 *
 * <p>{@code searching}, {@code inDriver} and {@code tick} are touched by the worker thread only;
 * {@code notified} is guarded by the {@link Idle} lock.
 */
final class Worker implements Runnable {
  /** Check the injector first every this many tasks, so remote work is not starved. */
  private static final int GLOBAL_QUEUE_INTERVAL = 61;
  /** Rounds of looking for work before parking: a short, bounded spin. */
  private static final int SEARCH_ROUNDS = 4;
  /**
   * While spilled, the I/O driver is still turned at least once per this many maintenance
   * intervals, so readiness is never starved by a queue that remote threads keep full.
   */
  private static final int MAX_SKIPPED_TURNS = 16;

  final MultiThreadExecutor executor;
  final int index;
  final LocalQueue queue = new LocalQueue(256);
  final Parker parker = new Parker();
  final Coop coop = new Coop();
  final PollSlot slot = new PollSlot();
  boolean notified;
  private boolean searching;
  /**
   * Set while this worker dispatches readiness parked in the driver: it counts as sleeping then, so
   * a wake it makes must not notify (possibly itself); it notifies once after the park instead.
   */
  private boolean inDriver;
  private int tick;
  /**
   * Set when this worker's queue overflowed, cleared once the injector is seen empty: until then
   * the tasks it schedules go behind the spilled ones ({@link #schedule}) and {@link #maintenance}
   * takes in new I/O readiness less often, see there.
   */
  private boolean spilled;
  /** Driver turns {@link #maintenance} skipped in a row while {@link #spilled}. */
  private int skippedTurns;
  /**
   * Tasks scheduled here while the local queue was full, in the order they came, on their way to
   * the injector in batches ({@link #overflow}); allocated on the first overflow only.
   */
  private Task<?>[] overflowBatch;
  /** How many of {@link #overflowBatch} wait to be moved to the injector. */
  private int overflowCount;

  Worker(MultiThreadExecutor executor, int index) {
    this.executor = executor;
    this.index = index;
  }

  @Override
  public void run() {
    parker.bind(Thread.currentThread());
    slot.bind(Thread.currentThread());
    while (!executor.closed) {
      Task<?> task = next();
      if (task == null) {
        task = search();
      }
      if (task != null) {
        if (searching) {
          searching = false;
          executor.idle.stopSearching();
        }
        coop.reset();
        slot.enter(task);
        task.run();
        if (++tick % EventInterval.TASKS == 0) {
          slot.idle();
          maintenance();
        }
        continue;
      }
      slot.idle();
      park();
    }
    slot.idle();
  }

  /** Owner push from a wake or spawn on this worker. */
  void schedule(Task<?> task) {
    // while tasks this worker spilled wait, later ones go behind them, not into freed slots
    if (spilled || !queue.push(task)) {
      overflow(task);
    }
    if (!inDriver) {
      executor.idle.notifyOne();
    }
  }

  /**
   * Between tasks: timers and I/O must not wait for this worker to run out of work.
   *
   * <p>While tasks this worker spilled wait in the injector, new readiness is not taken in: it
   * would wake tasks onto the local queue ahead of the older spilled ones, which the worker reaches
   * only every {@link #GLOBAL_QUEUE_INTERVAL} tasks, and a server with more ready connections than
   * the queue holds would serve a few of them over and over (the echo benchmark saw a 300 ms p99 at
   * a 3 ms p50). Draining the backlog first serves connections in rounds, like a selector loop.
   */
  private void maintenance() {
    executor.time.fireExpired();
    if (spilled) {
      if (executor.injector.isEmpty()) {
        spilled = false;
      } else if (++skippedTurns < MAX_SKIPPED_TURNS) {
        return;
      }
    }
    skippedTurns = 0;
    Reactor io = executor.handle().ioDriver();
    if (io != null) {
      io.tryTurnNow();
    }
  }

  /**
   * Local queue full, or tasks spilled before still wait: {@code task} goes to the overflow batch,
   * which goes to the injector under one lock when full or before this worker looks for its next
   * task ({@link #flushOverflow}), so a long run of spawns or wakes does not take the injector lock
   * once per task. Unlike Tokio, which moves the queue's older half out, the queued tasks stay
   * where they are: they are older, and the injector is drained after them, so a burst of
   * readiness larger than the queue is served in the order it came, like a selector loop's keys.
   * Moving the older half out ran the newest tasks of every burst first, and a connection could
   * wait behind hundreds that came after it (the echo benchmark's p99 at 10,000 connections).
   */
  private void overflow(Task<?> task) {
    Task<?>[] batch = overflowBatch;
    if (batch == null) {
      batch = overflowBatch = new Task<?>[queue.capacity() / 2];
    }
    batch[overflowCount++] = task;
    spilled = true;
    if (overflowCount == batch.length) {
      flushOverflow();
    }
  }

  /** Moves the overflow batch to the injector, where other workers see it too. */
  private void flushOverflow() {
    int n = overflowCount;
    if (n == 0) {
      return;
    }
    executor.injector.pushAll(overflowBatch, n);
    overflowCount = 0;
    Arrays.fill(overflowBatch, 0, n, null); // do not keep finished tasks reachable
  }

  private Task<?> next() {
    flushOverflow();
    Injector injector = executor.injector;
    if (tick % GLOBAL_QUEUE_INTERVAL == 0) {
      Task<?> t = injector.pop();
      if (t != null) {
        return t;
      }
    }
    Task<?> t = queue.pop();
    return t != null ? t : popInjectorBatch();
  }

  /** The next remote task, with a share of the others moved to this worker's queue. */
  private Task<?> popInjectorBatch() {
    int before = queue.size();
    Task<?> t = executor.injector.popBatchInto(queue, executor.workers.length);
    if (queue.size() > before) {
      executor.idle.notifyOne(); // the batch is stealable: let a sleeper share it
    }
    return t;
  }

  private Task<?> search() {
    spilled = false; // the queue and the injector are empty: whatever this worker spilled was taken
    if (!searching) {
      searching = true;
      executor.idle.numSearching.incrementAndGet();
    }
    Worker[] all = executor.workers;
    for (int round = 0; round < SEARCH_ROUNDS; round++) {
      for (int i = 1; i < all.length; i++) {
        Worker victim = all[(index + i) % all.length];
        Task<?> t = victim.queue.stealHalfInto(queue, executor.injector);
        if (t != null) {
          return t;
        }
      }
      Task<?> t = popInjectorBatch();
      if (t != null) {
        return t;
      }
      executor.time.fireExpired();
      t = queue.pop(); // timers may have woken tasks onto our own queue
      if (t != null) {
        return t;
      }
      Thread.onSpinWait();
    }
    return null;
  }

  private void park() {
    flushOverflow(); // a task in the batch is invisible to hasWork() and to the other workers
    Idle idle = executor.idle;
    idle.sleep(this, searching);
    searching = false;
    if (executor.closed || executor.hasWork()) {
      searching = idle.awake(this);
      return;
    }
    boolean driverOwner = executor.tryOwnDriver(this);
    if (driverOwner) {
      inDriver = true;
      parker.park(executor.time.nextDeadlineNanoTime(), executor.handle().ioDriver());
      inDriver = false;
      flushOverflow(); // readiness may have overflowed the queue: let the others see it
    } else {
      parker.park(Long.MAX_VALUE);
    }
    searching = idle.awake(this);
    if (driverOwner) {
      // Once awake (off the sleeper list), so the hand-off can only pick another worker.
      executor.releaseDriver(this);
      if (!searching && queue.size() > 1) {
        idle.notifyOne(); // readiness woke several tasks here: let a sleeper steal some
      }
    }
    executor.time.fireExpired();
  }
}
