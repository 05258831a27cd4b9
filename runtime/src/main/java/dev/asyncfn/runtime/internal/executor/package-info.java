/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

/**
 * Executors: the current-thread and the multi-thread work-stealing flavours that run a runtime's
 * tasks, and the {@link dev.asyncfn.runtime.internal.executor.ParkingLoop} behind a multi-thread
 * {@code blockOn} and {@code Futures.blockOn}/{@code await}. Internal.
 *
 * <p>Each executor builds its runtime's {@link dev.asyncfn.runtime.internal.handle.Handle} and
 * implements the {@link dev.asyncfn.runtime.internal.handle.Executor} interface through which the
 * handle sees it, and the {@code Scheduler} interface through which its tasks do. It turns the
 * handle's drivers (timers, I/O) from its own threads; it does not shut itself down: the handle's
 * {@code shutdown} calls {@code stop} and {@code clearQueues} in order.
 *
 * <h2>Invariants</h2>
 *
 * <ul>
 *   <li>A task reaches a queue only through {@code Scheduler.schedule}, called once per
 *       transition into NOTIFIED (see {@code dev.asyncfn.runtime.internal.task}), so it is in at
 *       most one queue entry; entries of tasks completed meanwhile (aborted) are skipped by {@code
 *       Task.run}.
 *   <li>{@code LocalQueue}: the owner worker alone pushes and writes slots; the owner and
 *       thieves take from the head by CAS. {@code Injector}: a lock, with a volatile size for
 *       lock-free emptiness checks.
 *   <li>Parking (multi-thread): see {@code Idle} for the order of volatile accesses that makes a
 *       lost wake-up impossible; at most one parked worker owns the drivers, timers and I/O
 *       ({@code driverOwner}), and parks with a deadline, in the I/O driver's selector once the
 *       runtime has one; the others park until unparked. {@code Parker}: the permit is published
 *       before the unparker reads where the thread parks, and read by the parker after it
 *       published it, so an unpark is never lost; a selector wake-up is sticky.
 *   <li>Current-thread: the deque {@code local} belongs to the thread inside {@code blockOn};
 *       other threads push to the injector and unpark that thread.
 *   <li>{@link dev.asyncfn.runtime.internal.executor.Coop}: one per runtime thread (a worker, or
 *       the executor of a current-thread runtime for its driving thread), touched by that thread
 *       only, reset before every task poll and every poll of {@code blockOn}'s future; a socket
 *       operation that finds it spent wakes its task and reports pending without doing the
 *       operation.
 *   <li>Worker threads are {@code RuntimeThread}s, "driving" for their life; the thread inside a
 *       current-thread {@code blockOn} enters the runtime as driving while inside; the thread
 *       inside a multi-thread {@code blockOn} enters it without driving, so it may block (see
 *       {@link dev.asyncfn.runtime.internal.handle.RuntimeContext}).
 *   <li>A task cancelled from a thread outside the runtime ({@code Scheduler.cancelFuture}) has
 *       its future cancelled with the runtime entered.
 *   <li>Stopping: {@code stop} refuses to run on the executor's own threads (it would wait for
 *       itself), sets {@code closed} before it unparks, and a multi-thread executor waits for its
 *       workers to exit, so no task is polled after it returns.
 * </ul>
 */
package dev.asyncfn.runtime.internal.executor;
