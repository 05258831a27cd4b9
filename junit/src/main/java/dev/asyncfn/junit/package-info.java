/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

/**
 * JUnit 5 support for asyncfn: {@link dev.asyncfn.junit.AsyncTest} and {@link
 * dev.asyncfn.junit.AsyncParameterizedTest} make a test method an async function that may {@code
 * await}, run on a fresh runtime per test (a paused, virtual clock on request), failing the test if
 * it leaks a task. {@link dev.asyncfn.junit.AsyncTestExtension} is the JUnit extension behind both
 * annotations; {@link dev.asyncfn.junit.TaskDump} is how leaked tasks are listed.
 */
package dev.asyncfn.junit;
