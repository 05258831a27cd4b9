/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.benchmarks;

import dev.asyncfn.runtime.AsyncRuntime;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ForkJoinPool;

/**
 * Figure: spawn and join {@code n} trivial tasks. asyncfn on a 2-worker runtime (the spawning task
 * runs on a worker, as a server's accept loop would), virtual threads started and joined, Kotlin
 * coroutines launched and joined from a coroutine on 2 threads, and a bare {@code
 * ForkJoinPool.execute} counted down on a latch. Also bytes allocated per task, all
 * threads.
 */
final class SpawnFigure {
  private static final int WARMUP = 2;

  private SpawnFigure() {}

  static void run(int n, int reps) throws Exception {
    AlwaysReady trivial = new AlwaysReady(1);
    double[] rate = new double[reps];
    double[] bytes = new double[reps];
    try (AsyncRuntime rt = AsyncRuntime.builder().multiThread().workerThreads(2).build()) {
      for (int r = -WARMUP; r < reps; r++) {
        long a0 = Results.allocatedBytesAllThreads();
        long t0 = System.nanoTime();
        long sum = rt.blockOn(rt.spawn(WorkAsync.spawnJoin(trivial, n)));
        long t = System.nanoTime() - t0;
        long a = Results.allocatedBytesAllThreads() - a0;
        check(sum == n, "asyncfn joined " + sum + " of " + n);
        if (r >= 0) {
          rate[r] = n / (t / 1e9);
          bytes[r] = (double) a / n;
        }
      }
    }
    Results.emit("spawn", "asyncfn", "spawn+join rate", Results.median(rate), "tasks/s", true);
    Results.emit("spawn", "asyncfn", "allocated per task", Results.median(bytes), "B", false);

    if (VirtualThreads.available()) {
      Runnable empty = () -> {};
      for (int r = -WARMUP; r < reps; r++) {
        Thread[] threads = new Thread[n];
        long a0 = Results.allocatedBytesAllThreads();
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
          threads[i] = VirtualThreads.start(empty);
        }
        for (int i = 0; i < n; i++) {
          threads[i].join();
        }
        long t = System.nanoTime() - t0;
        long a = Results.allocatedBytesAllThreads() - a0;
        if (r >= 0) {
          rate[r] = n / (t / 1e9);
          bytes[r] = (double) a / n;
        }
      }
      Results.emit(
          "spawn", "virtual threads", "spawn+join rate", Results.median(rate), "tasks/s", true);
      Results.emit(
          "spawn", "virtual threads", "allocated per task", Results.median(bytes), "B", false);
    }

    KotlinCoroutines.warmUp();
    for (int r = -WARMUP; r < reps; r++) {
      long a0 = Results.allocatedBytesAllThreads();
      long t0 = System.nanoTime();
      long joined = KotlinCoroutines.spawnJoin(n);
      long t = System.nanoTime() - t0;
      long a = Results.allocatedBytesAllThreads() - a0;
      check(joined == n, "Kotlin joined " + joined + " of " + n);
      if (r >= 0) {
        rate[r] = n / (t / 1e9);
        bytes[r] = (double) a / n;
      }
    }
    String kotlin = "Kotlin coroutines (launch)";
    Results.emit("spawn", kotlin, "spawn+join rate", Results.median(rate), "tasks/s", true);
    Results.emit("spawn", kotlin, "allocated per task", Results.median(bytes), "B", false);

    ForkJoinPool pool = new ForkJoinPool(2);
    for (int r = -WARMUP; r < reps; r++) {
      CountDownLatch latch = new CountDownLatch(n);
      Runnable task = latch::countDown;
      long a0 = Results.allocatedBytesAllThreads();
      long t0 = System.nanoTime();
      for (int i = 0; i < n; i++) {
        pool.execute(task);
      }
      latch.await();
      long t = System.nanoTime() - t0;
      long a = Results.allocatedBytesAllThreads() - a0;
      if (r >= 0) {
        rate[r] = n / (t / 1e9);
        bytes[r] = (double) a / n;
      }
    }
    pool.shutdown();
    Results.emit(
        "spawn", "ForkJoinPool.execute", "spawn+join rate", Results.median(rate), "tasks/s", true);
    Results.emit(
        "spawn", "ForkJoinPool.execute", "allocated per task", Results.median(bytes), "B", false);
  }

  static void check(boolean ok, String what) {
    if (!ok) {
      throw new IllegalStateException(what);
    }
  }
}
