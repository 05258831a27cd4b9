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
  private static final int INITIAL = 64;

  /**
   * Past this many queued tasks, a drained queue's array is dropped for a small one: an array deque
   * never shrinks, and after a burst (a million spawns overflowing a worker's local queue) it would
   * keep 4 bytes per task of that burst for the runtime's life, counted in the retained bytes of
   * every parked task.
   */
  private static final int SHRINK_ABOVE = 4096;

  /** Guarded by {@code this}, as is {@code peak}. */
  private ArrayDeque<Task<?>> queue = new ArrayDeque<>(INITIAL);

  /** The most tasks queued since the array was last replaced. */
  private int peak;

  private volatile int size;

  void push(Task<?> task) {
    synchronized (this) {
      queue.addLast(task);
      sizeChanged();
    }
  }

  /**
   * Pushes {@code tasks[0..n)} under one lock, in order: a batch of wakes from a foreign thread, or
   * of the tasks a worker's full local queue could not take.
   */
  void pushAll(Task<?>[] tasks, int n) {
    synchronized (this) {
      for (int i = 0; i < n; i++) {
        queue.addLast(tasks[i]);
      }
      sizeChanged();
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
      sizeChanged();
      return first;
    }
  }

  Task<?> pop() {
    if (size == 0) {
      return null;
    }
    synchronized (this) {
      Task<?> t = queue.pollFirst();
      sizeChanged();
      return t;
    }
  }

  boolean isEmpty() {
    return size == 0;
  }

  synchronized void clear() {
    queue.clear();
    sizeChanged();
  }

  /** Publishes the new size; replaces a drained queue's outsized array. Caller holds the lock. */
  private void sizeChanged() {
    int n = queue.size();
    if (n > peak) {
      peak = n;
    } else if (n == 0 && peak > SHRINK_ABOVE) {
      queue = new ArrayDeque<>(INITIAL);
      peak = 0;
    }
    size = n;
  }
}
