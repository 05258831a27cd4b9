/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.benchmarks;

import static dev.asyncfn.runtime.Futures.async;
import static dev.asyncfn.runtime.Futures.await;
import static dev.asyncfn.runtime.Futures.awaitEach;

import dev.asyncfn.Async;
import dev.asyncfn.runtime.Context;
import dev.asyncfn.runtime.Future;
import dev.asyncfn.runtime.Poll;
import dev.asyncfn.runtime.stream.AsyncStream;
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
 * stream (the peer of Kotlin's {@code asFlow}), and a generator, an async block of {@code
 * await(out.emit(i))} in a loop lowered by the processor (the peer of {@code flow { emit(i) }}):
 * each element is one emit handshake. {@code asyncfnGeneratorLoop} consumes the generator with a
 * generated {@code for (x : awaitEach(...))} loop instead of {@code forEach}. Values above 127
 * are boxed on both sides. The Kotlin peers are in {@link StreamKotlinBenchmark}.
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
    return sum(readyStream(ELEMENTS));
  }

  @Benchmark
  @OperationsPerInvocation(ELEMENTS)
  public long asyncfnGeneratorLoop() {
    return ready(StreamBenchmarkAsync.sumLoop(ELEMENTS));
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
   * The generator {@code for (int i = 0; i < n; i++) await(out.emit(i));}, an async block whose
   * state machine the processor generates; the stream is made inside an {@code @Async} method (the
   * only place blocks are lowered), whose future is ready at its first poll.
   */
  @Async
  static AsyncStream<Integer> counting(int n) {
    return Streams.generate(
        out ->
            async(
                () -> {
                  for (int i = 0; i < n; i++) {
                    await(out.emit(i));
                  }
                }));
  }

  /** The whole consumer generated as well: a loop over the stream, the peer of {@code collect}. */
  @Async
  static long sumLoop(int n) {
    long sum = 0;
    AsyncStream<Integer> chain = readyStream(n).map(x -> x * 2).filter(x -> x % 3 != 0);
    for (int x : awaitEach(chain)) {
      sum += x;
    }
    return sum;
  }

  static AsyncStream<Integer> readyStream(int n) {
    return ready(StreamBenchmarkAsync.counting(n));
  }

  static <T> T ready(Future<T> f) {
    Poll<T> p = f.poll(Context.noop());
    if (p.isPending()) {
      throw new IllegalStateException("a ready future was pending");
    }
    return p.get();
  }
}
