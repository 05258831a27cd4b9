/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.runtime.internal.handle;

import dev.asyncfn.runtime.Future;
import dev.asyncfn.runtime.internal.task.Scheduler;

/**
 * A runtime's executor as its {@link Handle} sees it: the part that differs between the
 * current-thread and the multi-thread flavour. The executors implement it and hold their handle;
 * the handle knows them only through this interface, so the dependency points one way.
 */
public interface Executor extends Scheduler {

  /**
   * Runs {@code future} to completion on the calling thread with the runtime entered; the caller
   * checked that the thread does not drive a runtime's tasks.
   *
   * @throws IllegalStateException after shutdown, or on a current-thread runtime another thread
   *     is driving
   */
  <T> T blockOn(Future<T> future);

  /** The I/O driver was opened: the thread parked with the timers must park in it instead. */
  void onIoOpened();

  /** The blocking pool ran out of work (a paused clock may advance again). */
  void onBlockingIdle();

  /** Whether {@link #stop} was called. */
  boolean isStopped();

  /**
   * The executor's part of shutdown, called by {@link Handle#shutdown} (again if shutdown is
   * repeated): marks it stopped and stops its threads, waiting for them until {@code deadline}
   * ({@link System#nanoTime()}).
   *
   * @throws IllegalStateException when called from one of its own threads
   */
  void stop(long deadline);

  /** Drops the queue entries left after shutdown cancelled every task. */
  void clearQueues();
}
