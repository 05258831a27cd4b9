/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.runtime.internal.executor;

import dev.asyncfn.runtime.internal.task.Task;
import java.util.ArrayDeque;

/**
 * The global run queue for tasks scheduled from outside a worker (Tokio's inject queue). A lock
 * around an array deque: no allocation per task once grown. {@code size} is volatile so workers
 * can look without taking the lock.
 */
final class Injector {
  private final ArrayDeque<Task<?>> queue = new ArrayDeque<>(64);
  private volatile int size;

  void push(Task<?> task) {
    synchronized (this) {
      queue.addLast(task);
      size = queue.size();
    }
  }

  /**
   * Pushes {@code tasks[0..n)} and then {@code last} under one lock, in that order, so a worker
   * whose local queue overflows pays one lock for half a queue instead of one per task.
   */
  void pushBatch(Task<?>[] tasks, int n, Task<?> last) {
    synchronized (this) {
      for (int i = 0; i < n; i++) {
        queue.addLast(tasks[i]);
      }
      queue.addLast(last);
      size = queue.size();
    }
  }

  /** Pushes {@code tasks[0..n)} under one lock, in order: a batch of wakes from a foreign thread. */
  void pushAll(Task<?>[] tasks, int n) {
    synchronized (this) {
      for (int i = 0; i < n; i++) {
        queue.addLast(tasks[i]);
      }
      size = queue.size();
    }
  }

  /**
   * Takes the oldest task to run now and moves a fair share of the rest into the worker's own
   * queue, under one lock (Tokio's {@code next_remote_task_batch}): a burst of remote wakes then
   * costs each worker one lock per batch, not one per task, and leaves work for the others.
   */
  Task<?> popBatchInto(LocalQueue into, int workers) {
    if (size == 0) {
      return null;
    }
    synchronized (this) {
      Task<?> first = queue.pollFirst();
      if (first == null) {
        size = 0;
        return null;
      }
      int n = Math.min(queue.size() / workers, Math.min(into.remaining(), into.capacity() / 2));
      for (int i = 0; i < n; i++) {
        into.push(queue.pollFirst());
      }
      size = queue.size();
      return first;
    }
  }

  Task<?> pop() {
    if (size == 0) {
      return null;
    }
    synchronized (this) {
      Task<?> t = queue.pollFirst();
      size = queue.size();
      return t;
    }
  }

  boolean isEmpty() {
    return size == 0;
  }

  synchronized void clear() {
    queue.clear();
    size = 0;
  }
}
