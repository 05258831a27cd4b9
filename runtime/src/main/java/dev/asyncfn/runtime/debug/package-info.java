/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

/**
 * What a running program's tasks are doing: {@link dev.asyncfn.runtime.debug.TaskDump} and {@link
 * dev.asyncfn.runtime.debug.TaskInfo} (a dump of live tasks with the {@code @Async} frames each is
 * suspended in), and {@link dev.asyncfn.runtime.debug.AsyncRuntimeMXBean}, the management interface
 * each runtime registers for JMX clients. Stack traces in the user's terms, task boundaries and
 * slow-poll warnings need no API: see {@code docs/debugging.md}.
 */
package dev.asyncfn.runtime.debug;
