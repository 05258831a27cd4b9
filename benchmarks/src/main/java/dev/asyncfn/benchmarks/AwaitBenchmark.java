package dev.asyncfn.benchmarks;

import dev.asyncfn.runtime.Context;
import dev.asyncfn.runtime.Future;
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
 * Await of a ready future: an {@code @Async} method awaiting an always-ready future in a loop,
 * polled directly (no runtime), against {@code thenApply} on a completed CompletableFuture.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class AwaitBenchmark {
  static final int AWAITS = 1000;

  private final Future<Integer> ready = new AlwaysReady(1);
  private final CompletableFuture<Integer> completed = CompletableFuture.completedFuture(1);
  private final Function<Integer, Integer> plusOne = v -> v + 1;

  /** One state machine per 1,000 awaits: its allocation is amortised, as in a real loop. */
  @Benchmark
  @OperationsPerInvocation(AWAITS)
  public long asyncfnAwaitReady() {
    return WorkAsync.awaitReady(ready, AWAITS).poll(Context.noop()).get();
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
