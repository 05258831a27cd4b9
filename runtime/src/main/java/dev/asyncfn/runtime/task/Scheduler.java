package dev.asyncfn.runtime.task;

/**
 * Where a task goes when it becomes runnable: the executor's run queues, or the blocking pool.
 *
 * <p>Internal. The task calls {@link #schedule} exactly once per transition into {@code NOTIFIED}
 * (see {@link Task}), so an implementation never sees the same task twice in its queues.
 */
public interface Scheduler {

  /** Queues {@code task}; a worker will call {@link Task#run()} on it. Never blocks, any thread. */
  void schedule(Task<?> task);
}
