/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.runtime.internal.handle;

/**
 * What the runtime builder configured for the parts every flavour has.
 *
 * @param name the runtime's name, in task dumps, slow-poll warnings and its MBean's name
 * @param threadNamePrefix prefix of the runtime's thread names ({@code prefix-worker-0}, {@code
 *     prefix-blocking-0})
 * @param maxBlockingThreads upper bound of the blocking pool's threads
 * @param keepAliveNanos how long an idle blocking-pool thread waits for work before it exits
 * @param slowPollNanos a poll holding a thread longer than this is reported; 0: not reported
 * @param slowPollLogger where slow polls are reported
 */
public record Settings(
    String name,
    String threadNamePrefix,
    int maxBlockingThreads,
    long keepAliveNanos,
    long slowPollNanos,
    System.Logger slowPollLogger) {}
