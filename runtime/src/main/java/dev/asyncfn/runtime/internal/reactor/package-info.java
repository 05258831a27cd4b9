/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

/**
 * The I/O reactor: one {@link java.nio.channels.Selector} per runtime, turned by the runtime's own
 * threads (the parked timer owner blocks in it; busy threads poll it), that turns socket readiness
 * into {@link dev.asyncfn.runtime.Waker#wake()} calls. Outside any runtime, one process-wide
 * reactor has its own thread.
 *
 * <h2>Invariants</h2>
 *
 * <ul>
 *   <li>Only the thread holding the reactor's {@code turning} lock touches the {@code Selector}
 *       and the {@code SelectionKey}s (register, interest changes, cancel, select). Other threads
 *       change a {@link dev.asyncfn.runtime.internal.reactor.Registration}'s atomic interest word
 *       and waker slots, then queue the registration (at most once until drained) and wake the
 *       selector if a thread blocks in it. So a registration from a worker never blocks on a
 *       select in progress.
 *   <li>The selector is level-triggered: a channel that became ready before its interest was
 *       registered is reported by the next select. That is why a future may try its operation,
 *       see "would block", and only then register interest, without losing the wake-up; and why
 *       a reader may skip a read it believes would block (short read, {@code readDrained}) and
 *       just wait: the data is reported at the next select.
 *   <li>A read side that wakes its waiter stays armed; one that fires with no waiter (after one
 *       grace fire following a wake) is disarmed, re-reading the waiter slot after clearing the
 *       bits so a concurrent waiter re-arms. The write side is disarmed on every fire. So a ready
 *       channel never spins the selector.
 *   <li>Wakers are called on the turning thread and must not block (the {@code Waker} contract).
 *   <li>A closed registration has its key cancelled at the next drain and both waiters woken, so a
 *       task blocked on a socket another task closed polls again and sees the channel closed.
 * </ul>
 */
package dev.asyncfn.runtime.internal.reactor;
