/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.benchmarks;

import dev.asyncfn.runtime.Context;
import dev.asyncfn.runtime.Future;
import dev.asyncfn.runtime.Poll;
import dev.asyncfn.runtime.stream.AsyncStream;
import dev.asyncfn.runtime.stream.Emitter;
import dev.asyncfn.runtime.stream.Streams;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * A stream's cost per element: {@code map(x -> x * 2).filter(x -> x % 3 != 0)} over {@value
 * #ELEMENTS} boxed ints, summed by {@code forEach}, the future polled directly (no runtime: every
 * element is ready, as in the Kotlin peers' {@code runBlocking}). Two sources: a ready counting
 * stream (the peer of Kotlin's {@code asFlow}), and a generator whose producer is the state
 * machine the processor generates for a loop of {@code await(out.emit(i))} (the peer of {@code
 * flow { emit(i) }}): each element is one emit handshake. Values above 127 are boxed on both
 * sides. The Kotlin peers are in {@link StreamKotlinBenchmark}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class StreamBenchmark {
  static final int ELEMENTS = 1000;

  @Benchmark
  @OperationsPerInvocation(ELEMENTS)
  public long asyncfnMapFilter() {
    return sum(new Counting(ELEMENTS));
  }

  @Benchmark
  @OperationsPerInvocation(ELEMENTS)
  public long asyncfnGenerator() {
    return sum(Streams.generate(out -> new CountingProducer(out, ELEMENTS)));
  }

  static long sum(AsyncStream<Integer> source) {
    long[] sum = {0};
    Future<Void> all = source.map(x -> x * 2).filter(x -> x % 3 != 0).forEach(x -> sum[0] += x);
    if (all.poll(Context.noop()).isPending()) {
      throw new IllegalStateException("a ready stream was pending");
    }
    return sum[0];
  }

  /** 0, 1, ..., n - 1, always ready. */
  static final class Counting implements AsyncStream<Integer> {
    private final int n;
    private int i;

    Counting(int n) {
      this.n = n;
    }

    @Override
    public Poll<Integer> pollNext(Context cx) {
      return Poll.ready(i < n ? i++ : null);
    }
  }

  /**
   * The generator body {@code for (int i = 0; i < n; i++) await(out.emit(i));} as the processor
   * lowers it: one state, resumed after each emit.
   */
  static final class CountingProducer implements Future<Void> {
    private final Emitter<Integer> out;
    private final int n;
    private int i;
    private Future<Void> emitting;

    CountingProducer(Emitter<Integer> out, int n) {
      this.out = out;
      this.n = n;
    }

    @Override
    public Poll<Void> poll(Context cx) {
      for (;;) {
        if (emitting != null) {
          if (emitting.poll(cx).isPending()) {
            return Poll.pending();
          }
          emitting = null;
          i++;
        }
        if (i == n) {
          return Poll.ready(null);
        }
        emitting = out.emit(i);
      }
    }
  }
}
