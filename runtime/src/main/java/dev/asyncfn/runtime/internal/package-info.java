/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

/**
 * The runtime's internals: not API, may change without notice, and not exported once the runtime
 * has a module descriptor. Code outside {@code dev.asyncfn.runtime} must not use anything under
 * {@code dev.asyncfn.runtime.internal}; the API packages reach it, never the other way round.
 *
 * <h2>Layout</h2>
 *
 * <ul>
 *   <li>{@code handle}: {@link dev.asyncfn.runtime.internal.handle.Handle}, one runtime's shared
 *       parts, and the thread's runtime context.
 *   <li>{@code executor}: the two flavours that run tasks, and what they share (queues, parking,
 *       the cooperative budget).
 *   <li>{@code task}: the task cell and its state word, the registry of live tasks.
 *   <li>{@code time}: the time driver and its timer wheel.
 *   <li>{@code reactor}: the I/O driver (an NIO selector turned by the runtime's threads).
 *   <li>{@code blocking}: the blocking pool.
 *   <li>{@code joinset}, {@code sync}, {@code combinator}, {@code stream}: the machinery behind
 *       {@code JoinSet}, the sync primitives, the {@code Futures} combinators and the {@code
 *       AsyncStream} combinators, generators' life cycle and the {@code Flow} bridge.
 * </ul>
 *
 * <h2>Dependency direction</h2>
 *
 * The API types ({@code AsyncRuntime}, {@code RuntimeHandle}, {@code Tasks}, {@code Futures}, the
 * time, net, io and sync classes) use internal code; internal code uses only the core API types
 * ({@code Future}, {@code Poll}, {@code Context}, {@code Waker}, {@code JoinHandle}, {@code
 * AbortHandle}, {@code CancelledException}, {@code ThrowingFuture}, and the stream type {@code
 * AsyncStream} with {@code ThrowingStream}), never {@code AsyncRuntime}
 * or the other entry points. Inside: executor → handle → task, time, reactor, blocking; the
 * parts know nothing of the handle. The runtime's {@code ArchitectureTest} checks both rules.
 *
 * <p>This package itself holds {@link dev.asyncfn.runtime.internal.Messages}, every misuse
 * message the runtime throws (Tokio's {@code util/error.rs}), so they read the same way and can be
 * reviewed together: each says what went wrong, then what to do instead; and {@link
 * dev.asyncfn.runtime.internal.Sneaky}, rethrowing checked exceptions unchanged.
 */
package dev.asyncfn.runtime.internal;
