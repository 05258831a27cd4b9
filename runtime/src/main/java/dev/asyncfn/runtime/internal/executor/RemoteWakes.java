/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.runtime.internal.executor;

import dev.asyncfn.runtime.internal.task.Task;
import java.util.Arrays;

/**
 * Batches the wakes a thread outside the runtime makes in one go (a {@code notifyWaiters()} from
 * the main thread waking a million tasks): instead of the injector's lock and a worker unpark per
 * task, the tasks are pushed {@value #CHUNK} at a time under one lock, with one unpark per chunk.
 *
 * <p>Internal: the sync primitives open a batch around the wakers they collected ({@code
 * WakeList}). Worker threads never batch: their wakes go to their own queue already.
 */
public final class RemoteWakes {
  /** Small enough that workers start on the first tasks while the rest are still being woken. */
  static final int CHUNK = 128;

  private static final ThreadLocal<RemoteWakes> CURRENT = new ThreadLocal<>();

  private final Task<?>[] tasks = new Task<?>[CHUNK];
  private MultiThreadExecutor executor;
  private int count;
  private boolean open;

  private RemoteWakes() {}

  /**
   * Starts deferring this thread's wakes of multi-thread runtime tasks. Returns true if this call
   * opened the batch: the caller must then call {@link #end()} (in a {@code finally}). False on a
   * worker thread or inside a batch already open.
   */
  public static boolean begin() {
    if (Thread.currentThread() instanceof WorkerThread) {
      return false;
    }
    RemoteWakes batch = CURRENT.get();
    if (batch == null) {
      batch = new RemoteWakes();
      CURRENT.set(batch);
    }
    if (batch.open) {
      return false;
    }
    batch.open = true;
    return true;
  }

  /** Schedules every deferred task and closes the batch {@link #begin()} opened. */
  public static void end() {
    RemoteWakes batch = CURRENT.get();
    batch.open = false;
    batch.flush();
    batch.executor = null; // the thread-local must not keep a shut-down runtime reachable
  }

  /** Defers {@code task} if this thread has a batch open; false if the caller must push it. */
  static boolean defer(MultiThreadExecutor executor, Task<?> task) {
    RemoteWakes batch = CURRENT.get();
    if (batch == null || !batch.open) {
      return false;
    }
    if (batch.executor != executor) {
      batch.flush();
      batch.executor = executor;
    }
    batch.tasks[batch.count++] = task;
    if (batch.count == CHUNK) {
      batch.flush();
    }
    return true;
  }

  private void flush() {
    if (count > 0) {
      executor.injector.pushAll(tasks, count);
      Arrays.fill(tasks, 0, count, null); // the thread-local must not keep finished tasks alive
      count = 0;
      // One sleeper is enough: a worker that finds work while searching wakes the next (Idle).
      executor.idle.notifyOne();
    }
  }
}
