/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.Arrays;
import java.util.Locale;

/**
 * Measurement helpers and the result line format that {@link Report} reads: {@code
 * RESULT|figure|subject|metric|value|unit|better} where better is {@code higher} or {@code lower}.
 */
final class Results {
  private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

  private Results() {}

  static void emit(
      String figure, String subject, String metric, double value, String unit, boolean higher) {
    System.out.printf(
        Locale.ROOT,
        "RESULT|%s|%s|%s|%.4g|%s|%s%n",
        figure,
        subject,
        metric,
        value,
        unit,
        higher ? "higher" : "lower");
    System.out.flush();
  }

  static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  /** The value at quantile {@code q} (0..1) of already sorted values. */
  static double quantile(long[] sorted, double q) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    int i = (int) Math.min(sorted.length - 1, Math.round(q * (sorted.length - 1)));
    return sorted[i];
  }

  /**
   * Heap in use after repeated full collections. Several rounds because one System.gc() may leave
   * floating garbage (reference processing, finalizable objects) behind.
   */
  static long usedHeapAfterGc() {
    long used = Long.MAX_VALUE;
    for (int i = 0; i < 4; i++) {
      System.gc();
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      used = Math.min(used, MEMORY.getHeapMemoryUsage().getUsed());
    }
    return used;
  }

  /** Bytes allocated by every live platform thread so far (HotSpot's per-thread counters). */
  static long allocatedBytesAllThreads() {
    java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
    if (bean instanceof com.sun.management.ThreadMXBean sun) {
      long[] ids = bean.getAllThreadIds();
      long total = 0;
      for (long b : sun.getThreadAllocatedBytes(ids)) {
        if (b > 0) {
          total += b;
        }
      }
      return total;
    }
    return -1;
  }

  static String jvm() {
    return System.getProperty("java.vm.name") + " " + System.getProperty("java.version");
  }
}
