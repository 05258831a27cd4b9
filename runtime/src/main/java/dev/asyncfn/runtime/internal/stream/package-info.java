/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

/**
 * The streams behind {@link dev.asyncfn.runtime.stream.AsyncStream}'s combinators and {@link
 * dev.asyncfn.runtime.stream.Streams}, and the {@link java.util.concurrent.Flow} bridge.
 * Internal: users get them as plain {@code AsyncStream}s.
 *
 * <h2>Invariants</h2>
 *
 * <ul>
 *   <li>Every combinator extends {@link dev.asyncfn.runtime.internal.stream.StreamBase}, which
 *       owns the life cycle: open, then ended (fused: polling again gives the end), failed or
 *       closed (polling again throws {@code IllegalStateException}). {@code release()} runs exactly
 *       once, at the first of end, failure and close, and closes every upstream stream and
 *       cancels every future still in flight; a failure there is suppressed into the stream's
 *       failure, or thrown by {@code close()}.
 *   <li>Upstream streams and child futures are polled with the task's own {@code Context}, like
 *       the future combinators: a wake-up from any of them re-polls the task, none can be lost.
 *   <li>Only plain fields, except in the Flow bridge: a stream is polled and closed by its owning
 *       task, one thread at a time, and the task's hand-off publishes its fields. {@code
 *       PublishTask} and {@code PublisherSubscriber} are reached from the publisher's or
 *       subscriber's threads too; each documents its own synchronisation.
 *   <li>Nothing buffers without bound: {@code buffered} holds at most {@code n} futures and
 *       outputs, {@code fromPublisher} at most its buffer size, {@code toPublisher} polls only on
 *       demand.
 * </ul>
 */
package dev.asyncfn.runtime.internal.stream;
