/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

/**
 * The machinery behind {@link dev.asyncfn.runtime.JoinSet}: a group of task handles owned by one
 * task, and a queue of the members whose task finished. Internal.
 *
 * <h2>Members</h2>
 *
 * Each spawned task gets one {@link dev.asyncfn.runtime.internal.joinset.Member}: at once the
 * {@code Context} its {@code JoinHandle} is polled with (so it is the task's join waker), the
 * {@code Waker} the task's completion calls, and the {@code AbortHandle} given to the user. The member
 * polls the handle once when it joins the group, so the task's completion wakes it from the start
 * and the outputs come out in the order the tasks completed, not the order they were spawned (as
 * Tokio's {@code JoinSet} sets the join waker at spawn). A task that completed already at that poll
 * has its outcome kept in the member, which is queued at once.
 *
 * <h2>Invariants</h2>
 *
 * <ul>
 *   <li>The member list ({@code head}, {@code prev}/{@code next}, {@code size}, a member's {@code
 *       removed} and early outcome) belongs to the owning task: only the thread that currently
 *       polls or drives the {@code JoinSet} touches it, and the task's hand-off publishes it.
 *   <li>The ready queue is a lock-free queue any thread may add to. A member is in it at most once
 *       while {@code queued} is set: only the wake that flips {@code queued} from false to true
 *       adds it. The owner clears {@code queued} when it takes the member out, before it polls the
 *       handle, so a completion after that poll queues the member again.
 *   <li>No lost wake-up: a poll of the group stores its waker (volatile) before it reads the queue;
 *       a wake adds to the queue before it reads the waker. So either the poll sees the member or the
 *       wake wakes that poll's task again.
 *   <li>A member leaves the list only in the poll that returns its task's outcome (output or
 *       exception). So dropping a {@code joinNext()} future loses nothing: it is cancel-safe.
 *   <li>A member can be queued after it left the list (its task completed between the owner's
 *       dequeue and its poll of the handle, and the completion's wake came late); the owner skips
 *       members marked {@code removed}.
 * </ul>
 */
package dev.asyncfn.runtime.internal.joinset;
