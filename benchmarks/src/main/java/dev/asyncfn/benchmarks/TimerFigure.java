/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.benchmarks;

import dev.asyncfn.runtime.JoinHandle;
import dev.asyncfn.runtime.AsyncRuntime;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Figure: {@code n} timers scheduled and fired, deadlines spread over 250..750 ms. Cost per timer
 * is the process CPU time spent from the first schedule to the last firing divided by {@code n};
 * accuracy is each timer's lateness past its deadline (p50, p99). Subjects: asyncfn tasks in {@code
 * Time.sleep}, Kotlin coroutines in {@code delay} (2 threads), a 1-thread
 * ScheduledThreadPoolExecutor, and virtual threads in {@code Thread.sleep}.
 */
final class TimerFigure {
  private static final long BASE_NANOS = 250_000_000L;
  private static final long SPREAD_NANOS = 500_000L; // 1,000 distinct deadlines 0.5 ms apart

  private TimerFigure() {}

  private interface Scheduler {
    void schedule(long nanos, long[] lateness, int index, CountDownLatch done);
  }

  static void run(int n, int reps) throws Exception {
    try (AsyncRuntime rt = AsyncRuntime.builder().multiThread().workerThreads(2).build()) {
      measureAll(
          "asyncfn (Time.sleep)",
          n,
          reps,
          (late, done) ->
              Spawner.spawnAll(
                  rt, new JoinHandle<?>[n], i -> WorkAsync.timer(deadline(i), late, i, done)));
    }
    KotlinCoroutines.warmUp();
    measureAll(
        "Kotlin coroutines (delay)",
        n,
        reps,
        (late, done) -> KotlinCoroutines.timers(n, TimerFigure::deadline, late, done));
    ScheduledThreadPoolExecutor stpe = new ScheduledThreadPoolExecutor(1);
    measure(
        "ScheduledThreadPoolExecutor",
        n,
        reps,
        (nanos, late, i, done) -> {
          long start = System.nanoTime();
          stpe.schedule(
              () -> {
                late[i] = System.nanoTime() - start - nanos;
                done.countDown();
              },
              nanos,
              TimeUnit.NANOSECONDS);
        });
    stpe.shutdown();
    if (VirtualThreads.available()) {
      measure(
          "virtual threads (Thread.sleep)",
          n,
          reps,
          (nanos, late, i, done) ->
              VirtualThreads.start(
                  () -> {
                    long start = System.nanoTime();
                    try {
                      Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
                    } catch (InterruptedException e) {
                      Thread.currentThread().interrupt();
                    }
                    late[i] = System.nanoTime() - start - nanos;
                    done.countDown();
                  }));
    }
  }

  private interface BulkScheduler {
    void scheduleAll(long[] lateness, CountDownLatch done);
  }

  private static long deadline(int i) {
    return BASE_NANOS + (i % 1000) * SPREAD_NANOS;
  }

  private static void measure(String subject, int n, int reps, Scheduler scheduler)
      throws Exception {
    measureAll(
        subject,
        n,
        reps,
        (late, done) -> {
          for (int i = 0; i < n; i++) {
            scheduler.schedule(deadline(i), late, i, done);
          }
        });
  }

  private static void measureAll(String subject, int n, int reps, BulkScheduler scheduler)
      throws Exception {
    double[] cpu = new double[reps];
    double[] p50 = new double[reps];
    double[] p99 = new double[reps];
    var os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    for (int r = -1; r < reps; r++) {
      long[] late = new long[n];
      CountDownLatch done = new CountDownLatch(n);
      long c0 = os.getProcessCpuTime();
      scheduler.scheduleAll(late, done);
      if (!done.await(120, TimeUnit.SECONDS)) {
        throw new IllegalStateException(subject + ": timers did not all fire within 120 s");
      }
      long c = os.getProcessCpuTime() - c0;
      Arrays.sort(late);
      if (r >= 0) {
        cpu[r] = c / (double) n;
        p50[r] = Results.quantile(late, 0.50) / 1e6;
        p99[r] = Results.quantile(late, 0.99) / 1e6;
      }
    }
    Results.emit("timers", subject, "CPU per timer", Results.median(cpu), "ns", false);
    Results.emit("timers", subject, "lateness p50", Results.median(p50), "ms", false);
    Results.emit("timers", subject, "lateness p99", Results.median(p99), "ms", false);
  }
}
