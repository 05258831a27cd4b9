/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.benchmarks;

import dev.asyncfn.runtime.Context;
import dev.asyncfn.runtime.Future;
import dev.asyncfn.runtime.Poll;
import dev.asyncfn.runtime.Waker;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * Await cost: an {@code @Async} method awaiting in a loop, polled directly (no runtime). Ready:
 * an always-ready future, against {@code thenApply} on a completed CompletableFuture. Pending: a
 * future that suspends once per await and wakes its waker, so each await is a full suspension,
 * wake and re-poll of the state machine by a minimal driver.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class AwaitBenchmark {
  static final int AWAITS = 1000;

  private final Future<Integer> ready = new AlwaysReady(1);
  private final Future<Integer> pendingOnce = new PendingOnce(1);
  private final WakeFlag wakes = new WakeFlag();
  private final CompletableFuture<Integer> completed = CompletableFuture.completedFuture(1);
  private final Function<Integer, Integer> plusOne = v -> v + 1;

  /** One state machine per 1,000 awaits: its allocation is amortised, as in a real loop. */
  @Benchmark
  @OperationsPerInvocation(AWAITS)
  public long asyncfnAwaitReady() {
    return WorkAsync.awaitReady(ready, AWAITS).poll(Context.noop()).get();
  }

  /** Each await returns pending once, wakes, and is polled again by the loop below. */
  @Benchmark
  @OperationsPerInvocation(AWAITS)
  public long asyncfnAwaitPendingWithWake() {
    Future<Long> machine = WorkAsync.awaitReady(pendingOnce, AWAITS);
    for (; ; ) {
      Poll<Long> p = machine.poll(wakes);
      if (p.isReady()) {
        return p.get() + wakes.takeCount();
      }
      if (!wakes.take()) {
        throw new IllegalStateException("pending without a wake: the driver would hang");
      }
    }
  }

  /** A context that is its own waker and records wakes, allocation-free. */
  static final class WakeFlag implements Context, Waker {
    private boolean woken;
    private long count;

    @Override
    public Waker waker() {
      return this;
    }

    @Override
    public void wake() {
      woken = true;
      count++;
    }

    boolean take() {
      boolean w = woken;
      woken = false;
      return w;
    }

    long takeCount() {
      long c = count;
      count = 0;
      return c;
    }
  }

  @Benchmark
  @OperationsPerInvocation(AWAITS)
  public long completableFutureThenApply() {
    long sum = 0;
    for (int i = 0; i < AWAITS; i++) {
      sum += completed.thenApply(plusOne).join();
    }
    return sum;
  }
}
