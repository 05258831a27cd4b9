/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.runtime.sync;

import dev.asyncfn.runtime.Context;
import dev.asyncfn.runtime.Future;
import dev.asyncfn.runtime.Poll;
import dev.asyncfn.runtime.internal.sync.BatchSemaphore;

/**
 * A mutual-exclusion lock around a value, for async code: {@link #lock()} waits without blocking a
 * thread, and the guard may be held across awaits (Tokio's {@code tokio::sync::Mutex}).
 *
 * <p>The value is reached only through the {@link MutexGuard}, which releases the lock when closed
 * (try-with-resources). Waiting is fair: tasks get the lock in the order they first polled {@code
 * lock()}. Use a plain {@code java.util.concurrent} lock instead when the lock is never held across
 * an await: it is cheaper.
 *
 * <h2>Example</h2>
 *
 * <pre>{@code
 * Mutex<List<String>> log = new Mutex<>(new ArrayList<>());
 * try (MutexGuard<List<String>> g = await(log.lock())) {
 *   g.get().add(await(fetchLine()));   // held across the await, no thread blocked
 * }
 * }</pre>
 *
 * <h2>Thread safety</h2>
 *
 * Locking and unlocking may happen on any thread; acquiring the lock happens-after the previous
 * holder's release, so the value needs no further synchronisation. An uncontended {@code lock()}
 * is one atomic compare-and-set, takes no internal lock and touches no queue.
 *
 * <h2>Cancellation</h2>
 *
 * {@code lock()} is cancel-safe: a cancelled lock future (a select loser, an aborted task) leaves
 * the queue and never leaves the lock held; if the lock was handed to it just before the cancel,
 * it is passed on to the next waiter. The future loses its place in the queue.
 *
 * @param <T> the protected value's type
 */
public final class Mutex<T> {
  final BatchSemaphore semaphore = new BatchSemaphore(1);
  T value;

  /** An unlocked mutex holding {@code value}. */
  public Mutex(T value) {
    this.value = value;
  }

  /**
   * A future that waits for the lock and gives its guard; close the guard to unlock.
   *
   * <p>Cancel safety: cancelling it never leaves the lock held (a lock granted just before is
   * passed on); it only loses its place in the queue.
   */
  public Future<MutexGuard<T>> lock() {
    return new LockFuture<>(this);
  }

  /** Takes the lock if it is free and nobody waits for it; otherwise returns {@code null}. */
  public MutexGuard<T> tryLock() {
    return semaphore.tryAcquire(1) == BatchSemaphore.ACQUIRED ? new MutexGuard<>(this) : null;
  }

  /** Whether the lock is held (or handed to a waiter) right now; a hint, it may change at once. */
  public boolean isLocked() {
    return semaphore.availablePermits() == 0;
  }

  @Override
  public String toString() {
    return isLocked() ? "Mutex(locked)" : "Mutex(unlocked)";
  }

  /** The waiting lock: the future is its own queue node. */
  private static final class LockFuture<T> extends BatchSemaphore.Acquire
      implements Future<MutexGuard<T>> {
    private final Mutex<T> mutex;

    LockFuture(Mutex<T> mutex) {
      super(mutex.semaphore, 1);
      this.mutex = mutex;
    }

    @Override
    public Poll<MutexGuard<T>> poll(Context cx) {
      // A mutex is never closed, so the only outcomes are acquired and waiting.
      return pollAcquire(cx) == BatchSemaphore.ACQUIRED
          ? Poll.ready(new MutexGuard<>(mutex))
          : Poll.pending();
    }

    @Override
    public void cancel() {
      cancelAcquire();
    }
  }
}
