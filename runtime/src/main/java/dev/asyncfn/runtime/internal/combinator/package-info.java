/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

/**
 * The futures behind {@link dev.asyncfn.runtime.Futures}' constructors and combinators ({@code
 * ready}, {@code lazy}, {@code map}, {@code join}, {@code tryJoin}, {@code select}, {@code race},
 * ...). Internal: users create them through {@code Futures}, which returns them as plain {@code
 * Future}s of the result types in {@link dev.asyncfn.runtime.combinator}.
 *
 * <h2>Invariants shared by every combinator here and {@code Completions}</h2>
 *
 * <ul>
 *   <li>Join, select and map pass the polling task's {@link dev.asyncfn.runtime.Context} to their
 *       children unchanged. A child that wakes, from any thread, wakes the task itself, which
 *       polls the combinator again; there is no intermediate waker whose wake-up could be lost.
 *   <li>{@link dev.asyncfn.runtime.combinator.Completions} is the exception, because it may hold
 *       many futures: each child has its own waker, which queues the child (under the queue's
 *       lock) and then wakes the waker of the latest poll. A poll publishes its waker before it
 *       reads the queue, so a wake-up either is seen by that poll or wakes the task again.
 *   <li>A child slot is cleared (set to {@code null}) before the child's output is used or the
 *       child is cancelled. A cleared child is never polled or cancelled again, so every child is
 *       either polled to completion or cancelled, exactly once.
 *   <li>The only state is plain fields: the owning task polls a combinator from one thread at a
 *       time and its hand-off publishes them. {@link dev.asyncfn.runtime.Future#cancel()} is called
 *       by the owner too, never concurrently with {@code poll}.
 *   <li>Polling allocates only when the combinator completes (its result object and {@code Poll});
 *       a pending poll, and a poll that skips finished children, allocates nothing.
 * </ul>
 */
package dev.asyncfn.runtime.internal.combinator;
