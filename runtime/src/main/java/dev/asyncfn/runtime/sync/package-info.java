/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

/**
 * Channels and synchronisation primitives for async code, Tokio's {@code tokio::sync} in Java:
 * {@link dev.asyncfn.runtime.sync.Oneshot}, {@link dev.asyncfn.runtime.sync.Mpsc} (bounded with
 * backpressure, and unbounded), {@link dev.asyncfn.runtime.sync.Broadcast}, {@link
 * dev.asyncfn.runtime.sync.Watch}, {@link dev.asyncfn.runtime.sync.Mutex}, {@link
 * dev.asyncfn.runtime.sync.RwLock}, {@link dev.asyncfn.runtime.sync.Semaphore}, {@link
 * dev.asyncfn.runtime.sync.Notify} and {@link dev.asyncfn.runtime.sync.Barrier}.
 *
 * <p>What they share:
 *
 * <ul>
 *   <li>Waiting never blocks a thread: every wait is a future that returns pending and is woken.
 *       Wakes may come from any thread and are never lost: a waiter registers its waker and checks
 *       the condition under the same lock the waking side holds when it changes the condition.
 *   <li>Waiting is fair: waiters are served in the order they first polled (FIFO).
 *   <li>The waiter node is the waiting future itself (an intrusive list): waiting allocates
 *       nothing beyond the future. Uncontended fast paths (a free lock, a message already
 *       buffered) take no queue; {@code Mutex}, {@code RwLock} and {@code Semaphore} take no lock
 *       either, just one compare-and-set.
 *   <li>Cancellation is drop: {@code cancel()} on a waiting future removes it from its queue, and
 *       what was granted to it just before (a lock, permits, a {@code notifyOne}) is passed on.
 *       Each class documents which of its operations are cancel-safe in a select; {@code
 *       docs/sync.md} has the table.
 *   <li>Java has no drop: guards and permits are {@link java.lang.AutoCloseable} (use
 *       try-with-resources), and channel halves are closed explicitly.
 * </ul>
 */
package dev.asyncfn.runtime.sync;
