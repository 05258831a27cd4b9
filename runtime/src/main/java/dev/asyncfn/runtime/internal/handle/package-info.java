/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

/**
 * A runtime's handle: the one object that holds a runtime's parts, and the thread-local context
 * that finds it (Tokio's {@code runtime::Handle} and {@code runtime::context}). Internal.
 *
 * <h2>Who holds what</h2>
 *
 * <ul>
 *   <li>An executor ({@code CurrentThreadExecutor}, {@code MultiThreadExecutor}) builds its
 *       {@link dev.asyncfn.runtime.internal.handle.Handle} in its constructor and keeps it; the
 *       handle sees the executor only as an {@link dev.asyncfn.runtime.internal.handle.Executor}.
 *       The handle builds the task registry (whose tasks are scheduled on the executor), the
 *       blocking pool (whose threads it enters), and opens the reactor on first use.
 *   <li>{@code AsyncRuntime} holds the handle and is the only caller of {@link
 *       dev.asyncfn.runtime.internal.handle.Handle#shutdown}; {@code RuntimeHandle}, which code
 *       running under the runtime reaches, wraps the handle without offering shutdown.
 *   <li>Tasks, the blocking pool, the reactor and the time driver do not know the handle.
 * </ul>
 *
 * <h2>Invariants</h2>
 *
 * <ul>
 *   <li>{@link dev.asyncfn.runtime.internal.handle.RuntimeContext}: a {@link
 *       dev.asyncfn.runtime.internal.handle.RuntimeThread} (a worker) is in its runtime and
 *       "driving" for its whole life, answered from its fields without a thread-local; the thread
 *       inside a current-thread {@code blockOn} is driving while inside; the thread inside a
 *       multi-thread {@code blockOn}, and blocking-pool threads for their whole life, have the
 *       runtime entered without driving it, so they may block. Entering saves the previous entry
 *       and leaving restores it, so runtimes nest.
 *   <li>A task cancelled from a thread outside its runtime has its future's {@code cancel()} run
 *       with the runtime entered ({@code RuntimeContext.cancelInside}), so its finally blocks can
 *       use timers and sockets.
 *   <li>The reactor is opened at most once per runtime (under {@code ioLock}); once the executor
 *       stopped, {@code reactor()} gives a closed reactor, so no socket registers after shutdown.
 *   <li>Shutdown order: stop the executor (its threads exit), cancel every task, clear the queues,
 *       shut the blocking pool down, drop the timers, close the reactor (which wakes its waiters).
 * </ul>
 */
package dev.asyncfn.runtime.internal.handle;
