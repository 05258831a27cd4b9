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
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Await cost, with nothing the JIT can fold: the awaited values are drawn at set-up from a seeded
 * random source, every awaited value and every result is consumed by a {@link Blackhole}, and the
 * futures come in three classes in rotation ({@link AwaitFutures}), so the await's poll is a real
 * interface call (the {@code OneClass} rows use one class, for the difference). No runtime: each side is driven directly on the benchmark thread.
 *
 * <ul>
 *   <li>Ready: an {@code @Async} loop awaiting 1,000 futures that are ready at once; a Kotlin
 *       suspend loop calling 1,000 suspend functions that return without suspending; a
 *       CompletableFuture loop of {@code thenCompose} on completed futures (100 steps: it recurses
 *       once per step), and {@code thenApply} + {@code join} on a completed future.
 *   <li>Pending: the same loops where every await suspends: the future returns pending after
 *       waking its waker and the driver polls the machine again; the Kotlin function suspends and
 *       the driver resumes its continuation; the CompletableFuture step is completed by the
 *       driver.
 *   <li>Chain: ten nested calls ({@code @Async} method awaiting itself, suspend function calling
 *       itself, {@code thenApply} on the inner call's future) over a ready or a pending leaf; per
 *       chain, so the ten calls' allocations are counted.
 * </ul>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class AwaitBenchmark {
  static final int AWAITS = 1000;
  static final int CF_AWAITS = 100;
  static final int CHAINS = 100;
  /** Calls per chain: the outermost call and nine nested in it. */
  static final int CHAIN = 10;

  private int[] values;
  private Future<Integer>[] ready;
  private Future<Integer>[] readyOneClass;
  private AwaitFutures.Flip[] pending;
  private final WakeFlag wakes = new WakeFlag();
  private CompletableFuture<Integer>[] completed;
  private final Function<Integer, Integer> plusOne = v -> v + 1;
  private KotlinAwait.Source[] kotlinReady;
  private KotlinAwait.Source[] kotlinReadyOneClass;
  private KotlinAwait.Source[] kotlinPending;
  private KotlinAwait.Trampoline kotlinDriver;
  private CompletableFuture<Integer> parkedStep;
  private int parkedValue;

  @Setup(Level.Trial)
  @SuppressWarnings("unchecked")
  public void setUp() {
    values = AwaitFutures.values(AWAITS, 0x5eed);
    ready = AwaitFutures.ready(values, 3);
    readyOneClass = AwaitFutures.ready(values, 1);
    pending = AwaitFutures.pendingOnce(values);
    completed = (CompletableFuture<Integer>[]) new CompletableFuture<?>[AWAITS];
    for (int i = 0; i < AWAITS; i++) {
      completed[i] = CompletableFuture.completedFuture(values[i]);
    }
    kotlinDriver = new KotlinAwait.Trampoline();
    kotlinReady = KotlinAwait.ready(values, 3);
    kotlinReadyOneClass = KotlinAwait.ready(values, 1);
    kotlinPending = KotlinAwait.pending(values, kotlinDriver);
  }

  // ------------------------------------------------------------------ ready

  /** One state machine per 1,000 awaits: its allocation is amortised, as in a real loop. */
  @Benchmark
  @OperationsPerInvocation(AWAITS)
  public long asyncfnReady(Blackhole bh) {
    Poll<Long> p = WorkAsync.awaitEach(ready, AWAITS, bh).poll(Context.noop());
    return p.get();
  }

  /**
   * The same with futures of one class: the JIT sees one receiver type and inlines the poll, as at
   * an await site that only ever sees one kind of future. The difference from the row above is
   * the interface call.
   */
  @Benchmark
  @OperationsPerInvocation(AWAITS)
  public long asyncfnReadyOneClass(Blackhole bh) {
    Poll<Long> p = WorkAsync.awaitEach(readyOneClass, AWAITS, bh).poll(Context.noop());
    return p.get();
  }

  @Benchmark
  @OperationsPerInvocation(AWAITS)
  public long kotlinReady(Blackhole bh) {
    return kotlinDriver.awaitEach(kotlinReady, AWAITS, bh);
  }

  @Benchmark
  @OperationsPerInvocation(AWAITS)
  public long kotlinReadyOneClass(Blackhole bh) {
    return kotlinDriver.awaitEach(kotlinReadyOneClass, AWAITS, bh);
  }

  @Benchmark
  @OperationsPerInvocation(CF_AWAITS)
  public long completableFutureReady(Blackhole bh) {
    return loop(false, 0, 0, bh).join();
  }

  /** A completed future's {@code thenApply} then {@code join}: no async function around it. */
  @Benchmark
  @OperationsPerInvocation(AWAITS)
  public void completableFutureThenApply(Blackhole bh) {
    for (int i = 0; i < AWAITS; i++) {
      bh.consume(completed[i].thenApply(plusOne).join());
    }
  }

  // ------------------------------------------------------------------ pending

  /** Each await returns pending once, wakes, and the machine is polled again by this driver. */
  @Benchmark
  @OperationsPerInvocation(AWAITS)
  public long asyncfnPending(Blackhole bh) {
    return drive(WorkAsync.awaitEach(pending, AWAITS, bh));
  }

  /** Each suspend call suspends, and the trampoline resumes it with the value. */
  @Benchmark
  @OperationsPerInvocation(AWAITS)
  public long kotlinPending(Blackhole bh) {
    return kotlinDriver.awaitEach(kotlinPending, AWAITS, bh);
  }

  /** Each step is a new incomplete future, completed by this driver. */
  @Benchmark
  @OperationsPerInvocation(CF_AWAITS)
  public long completableFuturePending(Blackhole bh) {
    CompletableFuture<Long> result = loop(true, 0, 0, bh);
    while (!result.isDone()) {
      CompletableFuture<Integer> step = parkedStep;
      parkedStep = null;
      step.complete(parkedValue);
    }
    return result.join();
  }

  /**
   * A CompletableFuture async loop: awaits step {@code i} with {@code thenCompose}, then the rest.
   * A pending step is left for the driver to complete.
   */
  private CompletableFuture<Long> loop(boolean pendingSteps, int i, long sum, Blackhole bh) {
    if (i == CF_AWAITS) {
      return CompletableFuture.completedFuture(sum);
    }
    CompletableFuture<Integer> step;
    if (pendingSteps) {
      step = new CompletableFuture<>();
      parkedStep = step;
      parkedValue = values[i];
    } else {
      step = completed[i];
    }
    return step.thenCompose(
        v -> {
          bh.consume(v);
          return loop(pendingSteps, i + 1, sum + v, bh);
        });
  }

  // ------------------------------------------------------------------ chains

  @Benchmark
  @OperationsPerInvocation(CHAINS)
  public void asyncfnChainReady(Blackhole bh) {
    for (int c = 0; c < CHAINS; c++) {
      bh.consume(WorkAsync.nested(ready[c], CHAIN - 1).poll(Context.noop()).get());
    }
  }

  /** The leaf suspends once; the wake re-polls the chain from its outermost machine down. */
  @Benchmark
  @OperationsPerInvocation(CHAINS)
  public void asyncfnChainPending(Blackhole bh) {
    for (int c = 0; c < CHAINS; c++) {
      bh.consume(drive(WorkAsync.nested(pending[c], CHAIN - 1)));
    }
  }

  @Benchmark
  @OperationsPerInvocation(CHAINS)
  public long kotlinChainReady(Blackhole bh) {
    return kotlinDriver.nestedChains(kotlinReady, CHAINS, CHAIN - 1, bh);
  }

  /** The leaf suspends once; the resume returns through the ten continuations. */
  @Benchmark
  @OperationsPerInvocation(CHAINS)
  public long kotlinChainPending(Blackhole bh) {
    return kotlinDriver.nestedChains(kotlinPending, CHAINS, CHAIN - 1, bh);
  }

  @Benchmark
  @OperationsPerInvocation(CHAINS)
  public void completableFutureChainReady(Blackhole bh) {
    for (int c = 0; c < CHAINS; c++) {
      bh.consume(nested(completed[c], CHAIN - 1).join());
    }
  }

  /** The leaf is a new incomplete future, completed once the chain is built. */
  @Benchmark
  @OperationsPerInvocation(CHAINS)
  public void completableFutureChainPending(Blackhole bh) {
    for (int c = 0; c < CHAINS; c++) {
      CompletableFuture<Integer> leaf = new CompletableFuture<>();
      CompletableFuture<Integer> chain = nested(leaf, CHAIN - 1);
      leaf.complete(values[c]);
      bh.consume(chain.join());
    }
  }

  /** The CompletableFuture peer of {@code Work.nested}. */
  private static CompletableFuture<Integer> nested(CompletableFuture<Integer> leaf, int depth) {
    if (depth == 0) {
      return leaf.thenApply(v -> v);
    }
    return nested(leaf, depth - 1).thenApply(v -> v + 1);
  }

  // ------------------------------------------------------------------ driver

  /** Polls {@code machine} until ready, again after each wake; fails rather than hang. */
  private <T> T drive(Future<T> machine) {
    for (; ; ) {
      Poll<T> p = machine.poll(wakes);
      if (p.isReady()) {
        return p.get();
      }
      if (!wakes.take()) {
        throw new IllegalStateException("pending without a wake: the driver would hang");
      }
    }
  }

  /** A context that is its own waker and records a wake, allocation-free. */
  static final class WakeFlag implements Context, Waker {
    private boolean woken;

    @Override
    public Waker waker() {
      return this;
    }

    @Override
    public void wake() {
      woken = true;
    }

    boolean take() {
      boolean w = woken;
      woken = false;
      return w;
    }
  }
}
