/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.benchmarks;

import dev.asyncfn.runtime.AsyncRuntime;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Suspend/wake round trip between two tasks on one thread: asyncfn tasks over two bounded Mpsc
 * channels on a current-thread runtime, two virtual threads over SynchronousQueues on one carrier,
 * and a CompletableFuture thenCompose chain completed one step at a time.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class PingPongBenchmark {
  static final int ROUNDS = 1000;
  static final int CF_ROUNDS = 100; // the thenCompose chain recurses once per round

  private AsyncRuntime runtime;

  @Setup(Level.Trial)
  public void setUp() {
    runtime = AsyncRuntime.builder().currentThread().build();
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    runtime.close();
  }

  @Benchmark
  @OperationsPerInvocation(ROUNDS)
  public long asyncfnMpsc() {
    return runtime.blockOn(WorkAsync.pingPong(ROUNDS));
  }

  /** Needs JDK 21+; the run script skips it on older JDKs. One carrier, like one worker. */
  @Benchmark
  @OperationsPerInvocation(ROUNDS)
  @Fork(jvmArgsAppend = {"-Djdk.virtualThreadScheduler.parallelism=1"})
  public long virtualThreadsSynchronousQueue() throws InterruptedException {
    SynchronousQueue<Integer> there = new SynchronousQueue<>();
    SynchronousQueue<Integer> back = new SynchronousQueue<>();
    long[] sum = new long[1];
    Thread pong =
        VirtualThreads.start(
            () -> {
              try {
                for (int i = 0; i < ROUNDS; i++) {
                  back.put(there.take() + 1);
                }
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            });
    Thread ping =
        VirtualThreads.start(
            () -> {
              try {
                for (int i = 0; i < ROUNDS; i++) {
                  there.put(i & 63); // the same balls as the asyncfn side: no boxing
                  sum[0] += back.take();
                }
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            });
    ping.join();
    pong.join();
    return sum[0];
  }

  @Benchmark
  @OperationsPerInvocation(CF_ROUNDS)
  public int completableFutureThenCompose() {
    return round(0).join();
  }

  private static CompletableFuture<Integer> round(int i) {
    if (i == CF_ROUNDS) {
      return CompletableFuture.completedFuture(i);
    }
    CompletableFuture<Integer> ball = new CompletableFuture<>();
    CompletableFuture<Integer> rest = ball.thenCompose(v -> round(v + 1));
    ball.complete(i);
    return rest;
  }
}
