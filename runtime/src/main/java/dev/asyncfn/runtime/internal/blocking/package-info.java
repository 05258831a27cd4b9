/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

/**
 * The blocking pool behind {@code spawnBlocking}: a bounded-but-growing set of threads for work
 * that would block a runtime worker (file I/O, blocking libraries, long computations). See {@link
 * dev.asyncfn.runtime.internal.blocking.BlockingPool} for its invariants. Internal.
 */
package dev.asyncfn.runtime.internal.blocking;
