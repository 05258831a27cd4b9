/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.samples;

import static dev.asyncfn.runtime.Futures.await;

import dev.asyncfn.Async;
import dev.asyncfn.runtime.Futures;
import dev.asyncfn.runtime.AsyncRuntime;
import dev.asyncfn.runtime.combinator.Join2;
import dev.asyncfn.runtime.time.Time;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;

/**
 * Two awaits in sequence take the sum of their times; joined, they take the longest. The classic
 * first lesson of every async book ("async fn are lazy; join runs them concurrently").
 */
final class SeqVsConcurrent implements Sample {
  @Override
  public String name() {
    return "seq-vs-concurrent";
  }

  @Override
  public String summary() {
    return "two 300 ms operations awaited in sequence, then joined, timed";
  }

  /** A stand-in for a slow operation, such as a request: waits, then answers. */
  @Async
  static String slowOperation(String name, long millis) {
    await(Time.sleep(Duration.ofMillis(millis)));
    return name + " done after " + millis + " ms";
  }

  @Async
  static String sequential() {
    String first = await(SeqVsConcurrentAsync.slowOperation("first", 300));
    String second = await(SeqVsConcurrentAsync.slowOperation("second", 300));
    return first + ", " + second;
  }

  @Async
  static String concurrent() {
    Join2<String, String> both =
        await(
            Futures.join(
                SeqVsConcurrentAsync.slowOperation("first", 300),
                SeqVsConcurrentAsync.slowOperation("second", 300)));
    return both.first() + ", " + both.second();
  }

  @Override
  public int run(List<String> args, PrintStream out) {
    try (AsyncRuntime runtime = AsyncRuntime.builder().currentThread().build()) {
      long start = System.nanoTime();
      out.println("sequential: " + runtime.blockOn(SeqVsConcurrentAsync.sequential()));
      long sequentialMillis = (System.nanoTime() - start) / 1_000_000;
      out.printf("sequential took %d ms%n", sequentialMillis);

      start = System.nanoTime();
      out.println("concurrent: " + runtime.blockOn(SeqVsConcurrentAsync.concurrent()));
      long concurrentMillis = (System.nanoTime() - start) / 1_000_000;
      out.printf("concurrent took %d ms%n", concurrentMillis);
    }
    return 0;
  }
}
