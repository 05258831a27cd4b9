/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

/**
 * Benchmarks of asyncfn against what a Java user would pick instead (virtual threads,
 * CompletableFuture, Netty, a hand-written selector loop, Kotlin coroutines). The Kotlin peers live
 * in {@code src/main/kotlin} ({@code KotlinCoroutines}), compiled before the Java sources, which
 * call them and do all the measuring.
 *
 * <p>{@link dev.asyncfn.benchmarks.Load} runs the whole-process figures (one figure per JVM, so
 * heap measurements are not polluted), the JMH classes measure per-operation costs, and {@link
 * dev.asyncfn.benchmarks.Report} turns the result lines into {@code docs/BENCHMARKS.md}. The script
 * {@code benchmarks/run} drives all three.
 */
package dev.asyncfn.benchmarks;
