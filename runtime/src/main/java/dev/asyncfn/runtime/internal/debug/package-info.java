/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

/**
 * Debugging in the user's terms, the runtime's half: traces mapped to the user's lines and
 * trimmed of the runtime's frames ({@link dev.asyncfn.runtime.internal.debug.Traces}), task
 * boundaries and spawn sites, the chains of machines a task dump shows ({@link
 * dev.asyncfn.runtime.internal.debug.Chains}), and the slow-poll watchdog. Internal. See {@code
 * docs/debugging.md}.
 *
 * <h2>Invariants</h2>
 *
 * <ul>
 *   <li>The poll fast path pays two plain stores per poll ({@link
 *       dev.asyncfn.runtime.internal.debug.PollSlot#enter}) and a volatile load for the task's
 *       last-polled time ({@link dev.asyncfn.runtime.internal.debug.CoarseClock}); no clock call,
 *       no allocation, no lock. Spawning walks the spawning task's chain of machines (a few field
 *       reads) unless {@code -Dasyncfn.trace.spawnSites=exact} asks for a stack walk.
 *   <li>Everything else runs on failures (traces), on the watchdog thread (checks, warnings), or
 *       when asked (dumps).
 *   <li>Traces change only an exception's stack trace, never its identity, type, message, cause
 *       or suppressed exceptions; each change is idempotent.
 *   <li>The watchdog holds runtimes weakly and the source-map registry holds no class, so neither
 *       keeps a runtime or a class loader alive.
 *   <li>This package knows the task package only through {@link
 *       dev.asyncfn.runtime.internal.debug.TaskView}: the dependency points from tasks to here.
 * </ul>
 */
package dev.asyncfn.runtime.internal.debug;
