package dev.asyncfn.runtime.executor;

import dev.asyncfn.runtime.task.Task;
import java.util.Arrays;

/**
 * One thread of a multi-thread runtime: runs tasks from its local queue, the injector, or stolen
 * from other workers; parks when there is nothing to do; the parked worker that owns the timers
 * parks only until the next deadline.
 *
 * <p>{@code searching} and {@code tick} are touched by the worker thread only; {@code notified} is
 * guarded by the {@link Idle} lock.
 */
final class Worker implements Runnable {
  /** Check the injector first every this many tasks, so remote work is not starved. */
  private static final int GLOBAL_QUEUE_INTERVAL = 61;
  /** Rounds of looking for work before parking: a short, bounded spin. */
  private static final int SEARCH_ROUNDS = 4;

  final MultiThreadExecutor executor;
  final int index;
  final LocalQueue queue = new LocalQueue(256);
  final Parker parker = new Parker();
  boolean notified;
  private boolean searching;
  private int tick;
  /** Scratch for {@link #overflow}, allocated on the first overflow only. */
  private Task<?>[] overflowBatch;

  Worker(MultiThreadExecutor executor, int index) {
    this.executor = executor;
    this.index = index;
  }

  @Override
  public void run() {
    parker.bind(Thread.currentThread());
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
        task.run();
        if (++tick % GLOBAL_QUEUE_INTERVAL == 0) {
          executor.time.fireExpired();
        }
        continue;
      }
      park();
    }
  }

  /** Owner push from a wake or spawn on this worker. */
  void schedule(Task<?> task) {
    if (!queue.push(task)) {
      overflow(task);
    }
    executor.idle.notifyOne();
  }

  /**
   * Local queue full: moves its older half and {@code task} to the injector under one lock (as
   * Tokio does), so a long run of spawns does not take the injector lock once per task.
   */
  private void overflow(Task<?> task) {
    Task<?>[] batch = overflowBatch;
    if (batch == null) {
      batch = overflowBatch = new Task<?>[queue.capacity() / 2];
    }
    int n = queue.takeHalf(batch);
    executor.injector.pushBatch(batch, n, task);
    Arrays.fill(batch, 0, n, null); // do not keep finished tasks reachable
  }

  private Task<?> next() {
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
    Idle idle = executor.idle;
    idle.sleep(this, searching);
    searching = false;
    if (executor.closed || executor.hasWork()) {
      searching = idle.awake(this);
      return;
    }
    boolean timerOwner = executor.tryOwnTimers(this);
    long deadline = Long.MAX_VALUE;
    if (timerOwner) {
      deadline = executor.time.nextDeadlineNanoTime();
    }
    parker.park(deadline);
    if (timerOwner) {
      executor.releaseTimers(this);
    }
    searching = idle.awake(this);
    executor.time.fireExpired();
  }
}
