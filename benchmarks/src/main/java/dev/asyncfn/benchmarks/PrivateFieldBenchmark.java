/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.benchmarks;

import dev.asyncfn.runtime.Context;
import dev.asyncfn.runtime.Future;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * The cost of private access from a state machine (issue 13): a ready-await loop that reads and
 * increments a private field, against the same loop over a package-private field, in one run. The
 * machine of {@link FieldLoops#overPrivate} goes through a {@code static final} VarHandle (from
 * {@code MethodHandles.privateLookupIn}), which the JIT should fold to a plain field access; one
 * operation is one loop iteration (an await of a ready future, a read, an increment).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class PrivateFieldBenchmark {
  static final int ITERATIONS = 1000;

  private final Future<Integer> ready = new AlwaysReady(1);
  private final FieldLoops loops = new FieldLoops();

  @Benchmark
  @OperationsPerInvocation(ITERATIONS)
  public long privateField() {
    return FieldLoopsAsync.overPrivate(loops, ready, ITERATIONS).poll(Context.noop()).get();
  }

  @Benchmark
  @OperationsPerInvocation(ITERATIONS)
  public long packagePrivateField() {
    return FieldLoopsAsync.overPackagePrivate(loops, ready, ITERATIONS).poll(Context.noop()).get();
  }
}
