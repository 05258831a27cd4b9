/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.benchmarks;

import dev.asyncfn.runtime.AsyncRuntime;
import dev.asyncfn.runtime.Context;
import dev.asyncfn.runtime.Future;
import dev.asyncfn.runtime.Poll;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * What debugging in the user's terms costs (docs/debugging.md). Not named {@code *Benchmark}, so
 * {@code benchmarks/run} leaves it out of its ten-minute budget; run it with
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar DebuggingCost -f 1 -wi 2 -w 1s -i 3 -r 1s -prof gc
 * </pre>
 *
 * <ul>
 *   <li>{@code failureMapped}: an exception thrown three {@code @Async} methods deep and caught
 *       by the caller of {@code poll}; each generated machine maps its frames to the user's and
 *       trims the runtime's ({@code Machines.trace}).
 *   <li>{@code failureUnmapped}: the same exception through three hand-written futures of the
 *       same shape that rethrow it as it is: the cost of creating, throwing and catching it alone;
 *       {@code failureUnmappedThenRead} also reads its stack trace once, as logging it does.
 *   <li>{@code shortPolls}: 1,000 yields of one task on a current-thread runtime, with the
 *       slow-poll watchdog on ({@code true}, the default) and off.
 * </ul>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class DebuggingCost {
  static final int YIELDS = 1000;

  /** A failure three futures deep, mapped or not. */
  @State(Scope.Thread)
  public static class Failures {
    final Future<Integer> ready = new AlwaysReady(1);
  }

  /** A runtime with the slow-poll watchdog on or off. */
  @State(Scope.Benchmark)
  public static class Runtime {
    @Param({"true", "false"})
    public boolean slowPollWarnings;

    AsyncRuntime runtime;

    @Setup(Level.Trial)
    public void start() {
      runtime =
          AsyncRuntime.builder()
              .name("debugging-cost")
              .slowPollWarnings(slowPollWarnings)
              .currentThread()
              .build();
    }

    @TearDown(Level.Trial)
    public void stop() {
      runtime.shutdown();
    }
  }

  @Benchmark
  public Throwable failureMapped(Failures s) {
    try {
      WorkAsync.failOuter(s.ready).poll(Context.noop());
    } catch (IllegalStateException e) {
      return e;
    }
    throw new AssertionError("did not fail");
  }

  @Benchmark
  public Throwable failureUnmapped(Failures s) {
    try {
      new Forward(new Forward(new FailAfter(s.ready))).poll(Context.noop());
    } catch (IllegalStateException e) {
      return e;
    }
    throw new AssertionError("did not fail");
  }

  /**
   * {@link #failureUnmapped} and reading its stack trace once, as logging or printing it does: the
   * JVM builds the trace's {@code StackTraceElement}s only when asked, and mapping must ask.
   */
  @Benchmark
  public StackTraceElement[] failureUnmappedThenRead(Failures s) {
    try {
      new Forward(new Forward(new FailAfter(s.ready))).poll(Context.noop());
    } catch (IllegalStateException e) {
      return e.getStackTrace();
    }
    throw new AssertionError("did not fail");
  }

  @Benchmark
  @OperationsPerInvocation(YIELDS)
  public long shortPolls(Runtime r) {
    return r.runtime.blockOn(r.runtime.spawn(WorkAsync.yieldLoop(YIELDS)));
  }

  /** Fails after its inner future is ready, like {@code Work.failInner}, without a trace call. */
  static final class FailAfter implements Future<Integer> {
    private final Future<Integer> inner;

    FailAfter(Future<Integer> inner) {
      this.inner = inner;
    }

    @Override
    public Poll<Integer> poll(Context cx) {
      Poll<Integer> p = inner.poll(cx);
      if (p.isPending()) {
        return Poll.pending();
      }
      if (p.get() > 0) {
        throw new IllegalStateException("no stock");
      }
      return p;
    }
  }

  /** Polls its inner future and adds one, like {@code Work.failMiddle}, rethrowing as it is. */
  static final class Forward implements Future<Integer> {
    private final Future<Integer> inner;

    Forward(Future<Integer> inner) {
      this.inner = inner;
    }

    @Override
    public Poll<Integer> poll(Context cx) {
      Poll<Integer> p = inner.poll(cx);
      return p.isPending() ? Poll.pending() : Poll.ready(p.get() + 1);
    }
  }
}
