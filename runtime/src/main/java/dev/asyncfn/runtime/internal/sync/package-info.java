/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

/**
 * Machinery shared by the primitives of {@link dev.asyncfn.runtime.sync}: the intrusive FIFO
 * waiter list, the batch of wakers woken after a lock is released, and the batch semaphore that
 * {@code Mutex}, {@code RwLock}, {@code Semaphore} and the bounded {@code Mpsc} channel build on
 * (Tokio's {@code sync::batch_semaphore}).
 *
 * <p>Internal: public only so that the {@code sync} package can extend it; not an API.
 *
 * <h2>Invariants</h2>
 *
 * <ul>
 *   <li>A {@link dev.asyncfn.runtime.internal.sync.Waiter} is the pending future itself: waiting
 *       allocates no node. Its links are read and written only under the lock of the primitive
 *       that owns the {@link dev.asyncfn.runtime.internal.sync.WaiterList}; a node is in at most
 *       one list at a time.
 *   <li>Wakers are collected under the lock and woken after it is released ({@link
 *       dev.asyncfn.runtime.internal.sync.WakeList}), so a waker never runs under a primitive's
 *       lock and cannot re-enter it.
 *   <li>A waiter is removed from its list by whoever completes it (marking it done under the lock)
 *       or by its own {@code cancel()} (under the same lock). Exactly one of them finds it linked,
 *       so a grant is either taken by the poll or handed back by the cancel, never both and never
 *       neither.
 *   <li>{@link dev.asyncfn.runtime.internal.sync.BatchSemaphore}: while any waiter is queued, the
 *       atomic permit count is drained into the waiters in FIFO order before anyone else may take
 *       from it (a late {@code tryAcquire} sees {@code hasWaiters} and fails), so waiting is fair.
 *       A releaser adds to the atomic count, then reads {@code hasWaiters}; an enqueuer sets
 *       {@code hasWaiters}, then reads the count: one of the two always sees the other, so no
 *       permit is stranded while a waiter waits.
 * </ul>
 */
package dev.asyncfn.runtime.internal.sync;
