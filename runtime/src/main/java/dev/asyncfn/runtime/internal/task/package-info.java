/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

/**
 * Tasks: the cell that owns a spawned future, and the registry of live tasks. Internal.
 *
 * <h2>One allocation per task</h2>
 *
 * A {@link dev.asyncfn.runtime.internal.task.Task} is the task cell, its {@code Waker}, the {@code
 * Context} its future is polled with, and its {@code JoinHandle} (Tokio's design). Spawning
 * allocates that one object (40 bytes with compressed oops); waking, polling and re-polling
 * allocate nothing.
 *
 * <h2>The state word</h2>
 *
 * One {@code volatile int}, changed only by compare-and-exchange through a {@code VarHandle}:
 *
 * <ul>
 *   <li>{@code RUNNING}: one thread owns the future, polling it ({@code run}) or cancelling it. Set
 *       by {@code run} (from NOTIFIED) or by a cancel that finds the task not running. Only the
 *       owner of RUNNING touches {@code future}. So a task is never polled on two threads at once,
 *       and {@code cancel()} of the future never runs during its poll.
 *   <li>{@code NOTIFIED}: the task is in a run queue, or was woken while RUNNING. A wake sets it;
 *       only the transition not-NOTIFIED to NOTIFIED of a non-running task enqueues it, so a task is
 *       in at most one queue entry at a time. {@code run} clears it when it claims RUNNING; if a
 *       wake set it again during the poll, {@code run} re-enqueues the task after the poll (at the
 *       back of the queue), so no wake-up is lost.
 *   <li>{@code COMPLETE}: terminal. {@code result} was written before the CAS that set it; readers
 *       read {@code result} only after seeing it.
 *   <li>{@code CANCELLED} (+ {@code SHUTDOWN} for the message): set by abort or shutdown. On a task
 *       nobody polls, the canceller takes RUNNING and cancels on its own thread at once; on a running
 *       task, the poller cancels when its poll returns pending (a poll that returns ready wins).
 *   <li>{@code JOIN_INTEREST}: cleared when the handle is dropped ({@code cancel()}), which detaches
 *       without aborting.
 *   <li>{@code JOINED}: the handle gave the output away; a second await throws.
 *   <li>{@code FAILED}: {@code result} is a Throwable to rethrow unchanged.
 * </ul>
 *
 * <h2>Fields and who touches them</h2>
 *
 * <ul>
 *   <li>{@code future}: the RUNNING owner only; nulled on completion.
 *   <li>{@code result}: the completer writes it once; handles read it after seeing COMPLETE.
 *   <li>{@code joinWaker}: written by the handle's poller, then the state re-read; read and cleared
 *       by the completer after setting COMPLETE. Both are volatile, so either the poller sees
 *       COMPLETE or the completer sees the waker (a spurious wake at worst).
 *   <li>{@code prev}/{@code next}: guarded by the lock of the task's {@link
 *       dev.asyncfn.runtime.internal.task.TaskList} shard; a task is linked from spawn to
 *       completion, so shutdown can find and cancel tasks that nobody will ever wake.
 * </ul>
 *
 * <h2>What a task knows of its runtime</h2>
 *
 * Only its {@link dev.asyncfn.runtime.internal.task.Scheduler} (an executor, or the blocking pool),
 * reached through its registry shard: {@code schedule} when it becomes runnable, {@code
 * cancelFuture} to run its future's {@code cancel()} (an executor enters its runtime around it). A
 * task never sees the runtime's handle, so this package depends on nothing else of the runtime.
 */
package dev.asyncfn.runtime.internal.task;
