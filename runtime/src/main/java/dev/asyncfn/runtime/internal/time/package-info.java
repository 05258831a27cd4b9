/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

/**
 * The time driver behind {@link dev.asyncfn.runtime.time.Time}: each runtime's timers and clock.
 * Internal.
 *
 * <h2>Invariants</h2>
 *
 * <ul>
 *   <li>Each runtime owns one {@link dev.asyncfn.runtime.internal.time.TimeDriver}. Its
 *       hierarchical timer wheel (6 levels of 64 slots, 1 ms ticks) is guarded by the driver's
 *       lock; {@code next} (the next expiration) is written under it and read without it, so
 *       executors check "anything due?" with one volatile read.
 *   <li>A sleep is its own {@link dev.asyncfn.runtime.internal.time.TimerEntry} and registers at
 *       most once, on its first pending poll; {@code cancel()} unlinks it from its slot in O(1).
 *       Fired entries are already out of the wheel.
 *   <li>A timer fires at the first tick at or after its deadline: late by less than a tick, never
 *       early.
 *   <li>Firing sets {@code fired} before reading the entry's waker; a poll stores its waker before
 *       re-reading {@code fired}: a fire racing a poll is never lost.
 *   <li>Wakers are called outside the lock, so a waker may register timers.
 *   <li>The paused clock moves only by {@code advance} and {@code advanceToNextTimer}; the
 *       current-thread executor calls the latter only when nothing is runnable and no blocking
 *       task is in flight.
 * </ul>
 */
package dev.asyncfn.runtime.internal.time;
