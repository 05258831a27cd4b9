/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.benchmarks;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * The Kotlin peer of {@link PingPongBenchmark}: two coroutines on one thread (runBlocking's event
 * loop, as asyncfn's side runs on a current-thread runtime) pass a number back and forth over two
 * {@code Channel}s of capacity 1. A sibling class so that PingPongBenchmark stays Java-only.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class PingPongKotlinBenchmark {
  @Benchmark
  @OperationsPerInvocation(PingPongBenchmark.ROUNDS)
  public long kotlinChannel() {
    return KotlinCoroutines.pingPong(PingPongBenchmark.ROUNDS);
  }
}
