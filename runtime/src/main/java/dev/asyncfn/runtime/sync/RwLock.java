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
 * A readers-writer lock around a value, for async code: many readers or one writer, waited for
 * without blocking a thread (Tokio's {@code tokio::sync::RwLock}).
 *
 * <p>Fair and write-preferring: lockers are served in the order they first polled, so a writer
 * queued behind readers holds back the readers that come after it and is never starved. Built like
 * Tokio's on a semaphore of {@link #MAX_READS} permits: a read takes one, a write takes all.
 *
 * <h2>Example</h2>
 *
 * <pre>{@code
 * RwLock<Config> config = new RwLock<>(Config.load());
 * try (RwLockReadGuard<Config> r = await(config.read())) {
 *   use(r.get());
 * }
 * try (RwLockWriteGuard<Config> w = await(config.write())) {
 *   w.set(await(reload()));
 * }
 * }</pre>
 *
 * <h2>Thread safety</h2>
 *
 * Any thread may lock and unlock; acquiring happens-after the release that made it possible. The
 * guarded value itself is shared between concurrent readers: readers must not mutate it.
 *
 * <h2>Cancellation</h2>
 *
 * {@code read()} and {@code write()} are cancel-safe: a cancelled lock future leaves the queue and
 * never leaves the lock held, also when the lock was granted just before the cancel (it is passed
 * to the next waiter). A cancelled write that had already collected some read permits gives them
 * back.
 *
 * @param <T> the protected value's type
 */
public final class RwLock<T> {
  /** The most readers at once. */
  public static final int MAX_READS = BatchSemaphore.MAX_PERMITS;

  final BatchSemaphore semaphore = new BatchSemaphore(MAX_READS);
  volatile T value;

  /** An unlocked lock holding {@code value}. */
  public RwLock(T value) {
    this.value = value;
  }

  /**
   * A future that waits for shared read access. Cancel safety: as {@link Mutex#lock()}, a
   * cancelled read never leaves the lock held.
   */
  public Future<RwLockReadGuard<T>> read() {
    return new ReadFuture<>(this);
  }

  /**
   * A future that waits for exclusive write access. Cancel safety: a cancelled write never leaves
   * the lock held and gives back the read permits it had collected.
   */
  public Future<RwLockWriteGuard<T>> write() {
    return new WriteFuture<>(this);
  }

  /** Read access if available now without waiting and nobody is queued, else {@code null}. */
  public RwLockReadGuard<T> tryRead() {
    return semaphore.tryAcquire(1) == BatchSemaphore.ACQUIRED ? new RwLockReadGuard<>(this) : null;
  }

  /** Write access if the lock is free now and nobody is queued, else {@code null}. */
  public RwLockWriteGuard<T> tryWrite() {
    return semaphore.tryAcquire(MAX_READS) == BatchSemaphore.ACQUIRED
        ? new RwLockWriteGuard<>(this)
        : null;
  }

  @Override
  public String toString() {
    int free = semaphore.availablePermits();
    return free == MAX_READS ? "RwLock(unlocked)" : "RwLock(locked)";
  }

  private static final class ReadFuture<T> extends BatchSemaphore.Acquire
      implements Future<RwLockReadGuard<T>> {
    private final RwLock<T> lock;

    ReadFuture(RwLock<T> lock) {
      super(lock.semaphore, 1);
      this.lock = lock;
    }

    @Override
    public Poll<RwLockReadGuard<T>> poll(Context cx) {
      return pollAcquire(cx) == BatchSemaphore.ACQUIRED
          ? Poll.ready(new RwLockReadGuard<>(lock))
          : Poll.pending();
    }

    @Override
    public void cancel() {
      cancelAcquire();
    }
  }

  private static final class WriteFuture<T> extends BatchSemaphore.Acquire
      implements Future<RwLockWriteGuard<T>> {
    private final RwLock<T> lock;

    WriteFuture(RwLock<T> lock) {
      super(lock.semaphore, MAX_READS);
      this.lock = lock;
    }

    @Override
    public Poll<RwLockWriteGuard<T>> poll(Context cx) {
      return pollAcquire(cx) == BatchSemaphore.ACQUIRED
          ? Poll.ready(new RwLockWriteGuard<>(lock))
          : Poll.pending();
    }

    @Override
    public void cancel() {
      cancelAcquire();
    }
  }
}
