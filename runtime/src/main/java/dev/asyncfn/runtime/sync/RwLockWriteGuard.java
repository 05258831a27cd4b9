/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.runtime.sync;

import dev.asyncfn.runtime.internal.sync.SyncMessages;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * Holds exclusive write access to an {@link RwLock}'s value; {@link #close()} releases it
 * (Tokio's {@code RwLockWriteGuard}).
 *
 * <h2>Thread safety</h2>
 *
 * May be closed from any thread, once; further closes do nothing. Using the guard after closing it
 * throws {@link IllegalStateException}.
 *
 * @param <T> the protected value's type
 */
public final class RwLockWriteGuard<T> implements AutoCloseable {
  private static final VarHandle RELEASED;

  static {
    try {
      RELEASED =
          MethodHandles.lookup().findVarHandle(RwLockWriteGuard.class, "released", boolean.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private final RwLock<T> lock;
  private volatile boolean released;

  RwLockWriteGuard(RwLock<T> lock) {
    this.lock = lock;
  }

  /** The protected value. */
  public T get() {
    check();
    return lock.value;
  }

  /** Replaces the protected value. */
  public void set(T value) {
    check();
    lock.value = value;
  }

  /** Releases this write access. Idempotent. */
  @Override
  public void close() {
    // A compare-and-set, not a lock: unlocking stays lock-free, and only one close releases.
    if (!RELEASED.compareAndSet(this, false, true)) {
      return;
    }
    lock.semaphore.release(RwLock.MAX_READS);
  }

  private void check() {
    if (released) {
      throw new IllegalStateException(SyncMessages.usedAfterClose("RwLockWriteGuard"));
    }
  }
}
