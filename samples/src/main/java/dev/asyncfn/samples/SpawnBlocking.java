/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.samples;

import static dev.asyncfn.runtime.Futures.await;

import dev.asyncfn.Async;
import dev.asyncfn.runtime.JoinHandle;
import dev.asyncfn.runtime.AsyncRuntime;
import dev.asyncfn.runtime.Tasks;
import dev.asyncfn.runtime.time.Interval;
import dev.asyncfn.runtime.time.Time;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;

/**
 * Long computations next to a ticker on a single-threaded runtime: one computation yields to the
 * scheduler every few thousand steps, the other is moved to the blocking pool. Either way the ticker
 * keeps ticking on time, which it would not if the computation simply hogged the only worker.
 */
final class SpawnBlocking implements Sample {
  @Override
  public String name() {
    return "spawn-blocking";
  }

  @Override
  public String summary() {
    return "a computation that yields, one on spawnBlocking, and a ticker that stays on time";
  }

  /** Prints a tick every 50 ms, with how late each tick was, until aborted or {@code limit}. */
  @Async
  static int ticker(PrintStream out, int limit) {
    Interval interval = Time.interval(Duration.ofMillis(50));
    int ticks = 0;
    while (ticks < limit) {
      var scheduled = await(interval.tick());
      long lateMicros = scheduled.elapsed().toNanos() / 1_000;
      ticks++;
      out.printf("  tick %d (%d us late)%n", ticks, lateMicros);
    }
    return ticks;
  }

  /** Sums a long series, yielding to other tasks every 100,000 steps. */
  @Async
  static long cooperativeSum(long steps) {
    long sum = 0;
    for (long i = 0; i < steps; i++) {
      sum += i % 7;
      if (i % 100_000 == 0) {
        await(Tasks.yieldNow());
      }
    }
    return sum;
  }

  /** The same work as plain blocking code, run on the blocking pool. */
  static long blockingSum(long steps) {
    long sum = 0;
    for (long i = 0; i < steps; i++) {
      sum += i % 7;
    }
    return sum;
  }

  @Async
  static String demo(PrintStream out, long steps) {
    JoinHandle<Integer> ticks = Tasks.spawn(SpawnBlockingAsync.ticker(out, 1_000));
    long cooperative = await(SpawnBlockingAsync.cooperativeSum(steps));
    out.println("  cooperative sum: " + cooperative);
    long blocking = await(Tasks.spawnBlocking(() -> blockingSum(steps)));
    out.println("  spawnBlocking sum: " + blocking);
    ticks.abort();
    return cooperative == blocking ? "sums agree" : "sums differ!";
  }

  @Override
  public int run(List<String> args, PrintStream out) {
    long steps = args.isEmpty() ? 100_000_000L : Long.parseLong(args.get(0));
    try (AsyncRuntime runtime = AsyncRuntime.builder().currentThread().build()) {
      String verdict = runtime.blockOn(SpawnBlockingAsync.demo(out, steps));
      out.println(verdict);
      return verdict.equals("sums agree") ? 0 : 1;
    }
  }
}
