/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.runtime.internal.task;

import dev.asyncfn.runtime.Future;
import dev.asyncfn.runtime.internal.Messages;
import java.util.ArrayList;
import java.util.List;

/**
 * One shard of the registry of a runtime's live tasks: an intrusive doubly linked list through
 * {@link Task#prev}/{@link Task#next}, so registering a task allocates nothing.
 *
 * <p>Internal. Every field, and the links of the tasks in the list, are guarded by {@code this}.
 * The shard also carries the {@link Scheduler} of its tasks, so a task needs one field for both.
 */
public final class TaskList {
  final Scheduler scheduler;
  private Task<?> head;
  private boolean closed;

  /** An empty open shard whose tasks are scheduled on {@code scheduler}. */
  public TaskList(Scheduler scheduler) {
    this.scheduler = scheduler;
  }

  /**
   * Creates the task for {@code future}, links it and schedules its first poll. On a closed shard
   * the task is returned already cancelled and is never polled.
   */
  public <T> Task<T> spawn(Future<T> future) {
    Task<T> task = new Task<>(future, this);
    if (!add(task)) {
      task.cancelTask(Messages.TASK_SHUTDOWN);
      return task;
    }
    scheduler.schedule(task);
    return task;
  }

  /** Closes the shard and cancels every task still linked, on the calling thread. */
  public void closeAndCancelAll() {
    for (Task<?> t : close()) {
      t.cancelTask(Messages.TASK_SHUTDOWN);
    }
  }

  /** Links {@code task}; false if the shard was closed by shutdown (the task must not run). */
  synchronized boolean add(Task<?> task) {
    if (closed) {
      return false;
    }
    task.next = head;
    if (head != null) {
      head.prev = task;
    }
    head = task;
    return true;
  }

  /** Unlinks {@code task} if it is still linked. */
  synchronized void remove(Task<?> task) {
    if (task.prev != null) {
      task.prev.next = task.next;
    } else if (head == task) {
      head = task.next;
    } else {
      return; // already unlinked by close()
    }
    if (task.next != null) {
      task.next.prev = task.prev;
    }
    task.prev = null;
    task.next = null;
  }

  /** Closes the shard to new tasks and unlinks every task still in it, returning them. */
  synchronized List<Task<?>> close() {
    closed = true;
    List<Task<?>> all = new ArrayList<>();
    for (Task<?> t = head; t != null; ) {
      Task<?> next = t.next;
      t.prev = null;
      t.next = null;
      all.add(t);
      t = next;
    }
    head = null;
    return all;
  }

  /** Number of linked tasks; O(n), for tests and diagnostics. */
  public synchronized int size() {
    int n = 0;
    for (Task<?> t = head; t != null; t = t.next) {
      n++;
    }
    return n;
  }
}
