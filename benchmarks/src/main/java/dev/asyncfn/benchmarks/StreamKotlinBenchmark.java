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
 * The Kotlin {@code Flow} peers of {@link StreamBenchmark}: the same chain over the same elements
 * (a sibling class so that StreamBenchmark stays Java-only).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class StreamKotlinBenchmark {
  @Benchmark
  @OperationsPerInvocation(StreamBenchmark.ELEMENTS)
  public long kotlinFlowMapFilter() {
    return KotlinFlows.mapFilter(StreamBenchmark.ELEMENTS);
  }

  @Benchmark
  @OperationsPerInvocation(StreamBenchmark.ELEMENTS)
  public long kotlinFlowGenerator() {
    return KotlinFlows.generator(StreamBenchmark.ELEMENTS);
  }
}
