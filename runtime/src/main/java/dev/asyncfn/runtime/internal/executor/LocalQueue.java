/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.runtime.internal.executor;

import dev.asyncfn.runtime.internal.task.Task;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * A worker's bounded FIFO run queue: the owner pushes at the tail, the owner and thieves take
 * from the head with a CAS (single producer, many consumers, like Tokio's local queue). FIFO
 * rather than LIFO so a task that yields goes behind the others instead of starving them.
 *
 * <p>Invariants: only the owner writes {@code tail} and the slots; {@code head} only grows, by CAS,
 * so a 64-bit index never wraps and a taker whose CAS succeeded read a slot the owner could not
 * have overwritten yet (the owner reuses a slot only after {@code head} moved past it). Slots are
 * not cleared after a take: up to {@code capacity} finished tasks stay reachable until overwritten.
 */
final class LocalQueue {
  private static final VarHandle HEAD;

  static {
    try {
      HEAD = MethodHandles.lookup().findVarHandle(LocalQueue.class, "head", long.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private final Task<?>[] buffer;
  private final int mask;
  private volatile long head;
  private volatile long tail;

  LocalQueue(int capacity) {
    buffer = new Task<?>[capacity];
    mask = capacity - 1;
  }

  /** Owner only. False when full: the caller sends the task to the injector. */
  boolean push(Task<?> task) {
    long t = tail;
    if (t - head >= buffer.length) {
      return false;
    }
    buffer[(int) t & mask] = task;
    tail = t + 1;
    return true;
  }

  /** Owner only: how many more tasks {@link #push} takes now (thieves may only add room). */
  int remaining() {
    return buffer.length - size();
  }

  int capacity() {
    return buffer.length;
  }

  /** Any thread: takes the oldest task, or null when empty. */
  Task<?> pop() {
    for (;;) {
      long h = head;
      if (h >= tail) {
        return null;
      }
      Task<?> task = buffer[(int) h & mask];
      if (HEAD.compareAndSet(this, h, h + 1)) {
        return task;
      }
    }
  }

  /**
   * Moves about half of this queue into {@code into} (the thief's own queue) and returns one more
   * task for the thief to run now, or null if this queue was empty.
   */
  Task<?> stealHalfInto(LocalQueue into, Injector overflow) {
    Task<?> first = pop();
    if (first == null) {
      return null;
    }
    int n = size() / 2;
    for (int i = 0; i < n; i++) {
      Task<?> t = pop();
      if (t == null) {
        break;
      }
      if (!into.push(t)) {
        overflow.push(t);
      }
    }
    return first;
  }

  int size() {
    long n = tail - head;
    return n <= 0 ? 0 : (int) n;
  }

  boolean isEmpty() {
    return tail <= head;
  }
}
