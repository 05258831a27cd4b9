/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.runtime.sync;

import dev.asyncfn.runtime.internal.sync.SyncMessages;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * Holds a {@link Mutex} locked and gives access to its value; {@link #close()} unlocks it (Tokio's
 * {@code MutexGuard}, released on drop). Use it in try-with-resources.
 *
 * <h2>Thread safety</h2>
 *
 * The guard belongs to the task that locked it; it may be closed from another thread (the lock is
 * not tied to a thread), once. Using the guard after closing it throws {@link
 * IllegalStateException}.
 *
 * @param <T> the protected value's type
 */
public final class MutexGuard<T> implements AutoCloseable {
  private static final VarHandle RELEASED;

  static {
    try {
      RELEASED =
          MethodHandles.lookup().findVarHandle(MutexGuard.class, "released", boolean.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private final Mutex<T> mutex;
  private volatile boolean released;

  MutexGuard(Mutex<T> mutex) {
    this.mutex = mutex;
  }

  /** The protected value. */
  public T get() {
    check();
    return mutex.value;
  }

  /** Replaces the protected value. */
  public void set(T value) {
    check();
    mutex.value = value;
  }

  /** Unlocks the mutex; the next waiter gets it. Idempotent. */
  @Override
  public void close() {
    // A compare-and-set, not a lock: unlocking stays lock-free, and only one close releases.
    if (!RELEASED.compareAndSet(this, false, true)) {
      return;
    }
    mutex.semaphore.release(1);
  }

  private void check() {
    if (released) {
      throw new IllegalStateException(SyncMessages.usedAfterClose("MutexGuard"));
    }
  }

  @Override
  public String toString() {
    return released ? "MutexGuard(released)" : "MutexGuard(" + mutex.value + ")";
  }
}
