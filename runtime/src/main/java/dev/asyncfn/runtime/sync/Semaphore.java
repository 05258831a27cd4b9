/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.runtime.sync;

import dev.asyncfn.runtime.Context;
import dev.asyncfn.runtime.Future;
import dev.asyncfn.runtime.Poll;
import dev.asyncfn.runtime.internal.sync.BatchSemaphore;
import dev.asyncfn.runtime.internal.sync.SyncMessages;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * A counting semaphore for async code: {@link #acquire(int)} waits without blocking a thread until
 * the permits are free (Tokio's {@code tokio::sync::Semaphore}).
 *
 * <p>Waiting is fair: acquirers get their permits in the order they first polled, and a request
 * for many permits holds back smaller ones queued after it. A permit is an {@link AutoCloseable}
 * that gives its permits back when closed.
 *
 * <h2>Example</h2>
 *
 * <pre>{@code
 * Semaphore connections = new Semaphore(100);
 * try (Semaphore.Permit p = await(connections.acquire())) {
 *   await(handle(stream));
 * } // the permit goes back here, also on an exception or a cancellation
 * }</pre>
 *
 * <h2>Thread safety</h2>
 *
 * Every method may be called from any thread. An uncontended acquire or release is one atomic
 * compare-and-set and takes no lock; waiters are woken from whichever thread releases.
 *
 * <h2>Cancellation</h2>
 *
 * {@code acquire} is cancel-safe as far as permits go: a cancelled acquire (the loser of a select,
 * an aborted task) leaves the queue and hands back any permit already assigned to it, including
 * when all of them were granted just before the cancel; they go to the next waiter. It does lose
 * its place in the queue.
 */
public final class Semaphore {
  /** The most permits a semaphore can hold. */
  public static final int MAX_PERMITS = BatchSemaphore.MAX_PERMITS;

  private final BatchSemaphore semaphore;

  /** A semaphore with {@code permits} free permits. */
  public Semaphore(int permits) {
    this.semaphore = new BatchSemaphore(permits);
  }

  /** Waits for one permit. See {@link #acquire(int)}. */
  public Future<Permit> acquire() {
    return acquire(1);
  }

  /**
   * A future that waits until {@code n} permits are free and takes them.
   *
   * <p>Cancel safety: a cancelled acquire hands back every permit assigned to it, also when all
   * of them were granted just before the cancel; it only loses its place in the queue.
   *
   * @throws IllegalArgumentException if {@code n} is not between 1 and {@link #MAX_PERMITS}
   * @throws SemaphoreClosedException (from the future) if the semaphore is closed before the
   *     permits are acquired
   */
  public Future<Permit> acquire(int n) {
    return new AcquireFuture(this, n);
  }

  /** Takes one permit if one is free. See {@link #tryAcquire(int)}. */
  public Permit tryAcquire() {
    return tryAcquire(1);
  }

  /**
   * Takes {@code n} permits if they are free now and nobody is queued for them.
   *
   * @return the permit, or {@code null} if not enough permits are free
   * @throws SemaphoreClosedException if the semaphore is closed
   */
  public Permit tryAcquire(int n) {
    int r = semaphore.tryAcquire(n);
    if (r == BatchSemaphore.ACQUIRED) {
      return new Permit(this, n);
    }
    if (r == BatchSemaphore.CLOSED) {
      throw new SemaphoreClosedException(SyncMessages.SEMAPHORE_CLOSED);
    }
    return null;
  }

  /**
   * Adds {@code n} permits (also to undo a {@link Permit#forget()}); queued acquirers get them
   * first.
   *
   * @throws IllegalStateException if the total would exceed {@link #MAX_PERMITS}
   */
  public void addPermits(int n) {
    semaphore.release(n);
  }

  /**
   * The permits free right now: a snapshot. While a release is handing permits to the first
   * waiter they may count as free for a moment, although no {@code tryAcquire} can take them.
   */
  public int availablePermits() {
    return semaphore.availablePermits();
  }

  /**
   * Closes the semaphore: queued and later acquires fail with {@link SemaphoreClosedException}.
   * Permits already held stay valid. Idempotent.
   */
  public void close() {
    semaphore.close();
  }

  /** Whether {@link #close()} was called. */
  public boolean isClosed() {
    return semaphore.isClosed();
  }

  /**
   * Permits acquired from a {@link Semaphore}; {@link #close()} gives them back (Tokio's {@code
   * SemaphorePermit}, released on drop).
   *
   * <p>Thread safety: a permit may be closed from any thread, once; further closes do nothing.
   */
  public static final class Permit implements AutoCloseable {
    private static final VarHandle COUNT;

    static {
      try {
        COUNT = MethodHandles.lookup().findVarHandle(Permit.class, "count", int.class);
      } catch (ReflectiveOperationException e) {
        throw new ExceptionInInitializerError(e);
      }
    }

    private final Semaphore owner;
    private volatile int count;

    Permit(Semaphore owner, int count) {
      this.owner = owner;
      this.count = count;
    }

    /** How many permits this holds (0 once closed or forgotten). */
    public int count() {
      return count;
    }

    /**
     * Keeps the permits out of the semaphore for good: closing this permit then gives nothing
     * back (Tokio's {@code forget}).
     */
    public void forget() {
      count = 0;
    }

    /** Gives the permits back to the semaphore. Idempotent: only the first close gives back. */
    @Override
    public void close() {
      int n = (int) COUNT.getAndSet(this, 0);
      if (n > 0) {
        owner.semaphore.release(n);
      }
    }

    @Override
    public String toString() {
      return "Semaphore.Permit(" + count() + ")";
    }
  }

  /** The waiting acquisition: the future is its own queue node. */
  private static final class AcquireFuture extends BatchSemaphore.Acquire
      implements Future<Permit> {
    private final Semaphore owner;

    AcquireFuture(Semaphore owner, int n) {
      super(owner.semaphore, n);
      this.owner = owner;
    }

    @Override
    public Poll<Permit> poll(Context cx) {
      int r = pollAcquire(cx);
      if (r == BatchSemaphore.ACQUIRED) {
        return Poll.ready(new Permit(owner, permits()));
      }
      if (r == BatchSemaphore.CLOSED) {
        throw new SemaphoreClosedException(SyncMessages.SEMAPHORE_CLOSED);
      }
      return Poll.pending();
    }

    @Override
    public void cancel() {
      cancelAcquire();
    }
  }
}
