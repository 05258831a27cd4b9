/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.runtime.internal.handle;

/**
 * What the runtime builder configured for the parts every flavour has.
 *
 * @param threadNamePrefix prefix of the runtime's thread names ({@code prefix-worker-0}, {@code
 *     prefix-blocking-0})
 * @param maxBlockingThreads upper bound of the blocking pool's threads
 * @param keepAliveNanos how long an idle blocking-pool thread waits for work before it exits
 */
public record Settings(String threadNamePrefix, int maxBlockingThreads, long keepAliveNanos) {}
