/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.benchmarks;

import java.util.Arrays;
import java.util.List;

/**
 * Entry point of the whole-process figures: {@code java -cp benchmarks.jar
 * dev.asyncfn.benchmarks.Load FIGURE [SUBJECT] [--n N] [--reps R]}. Prints result lines (see {@link
 * Results}) on standard output.
 */
public final class Load {
  private Load() {}

  public static void main(String[] args) throws Exception {
    List<String> list = Arrays.asList(args);
    if (list.isEmpty()) {
      System.err.println(
          "usage: Load spawn|memory SUBJECT|wake|timers|compile [--n N] [--reps R]"
              + " [--processor-path JARS]\n"
              + "  memory subjects: asyncfn-timer, asyncfn-oneshot, virtual-threads,"
              + " completable-future, kotlin-channel, kotlin-delay");
      System.exit(2);
    }
    int n = intOption(list, "--n", 1_000_000);
    int reps = intOption(list, "--reps", 3);
    switch (list.get(0)) {
      case "spawn" -> SpawnFigure.run(n, reps);
      case "memory" -> MemoryFigure.run(list.get(1), n, reps);
      case "wake" -> WakeFigure.run(n, reps);
      case "timers" -> TimerFigure.run(n, reps);
      case "compile" -> CompileFigure.run(n, reps, stringOption(list, "--processor-path", ""));
      default -> {
        System.err.println("unknown figure " + list.get(0));
        System.exit(2);
      }
    }
    // Runtimes and pools left behind are daemon threads or shut down; exit promptly regardless.
    System.exit(0);
  }

  static String stringOption(List<String> args, String name, String fallback) {
    int i = args.indexOf(name);
    return i >= 0 && i + 1 < args.size() ? args.get(i + 1) : fallback;
  }

  static int intOption(List<String> args, String name, int fallback) {
    int i = args.indexOf(name);
    return i >= 0 && i + 1 < args.size() ? Integer.parseInt(args.get(i + 1)) : fallback;
  }

  /** Waits (bounded) until {@code condition} holds; benchmark set-up only, never measured. */
  static void awaitCondition(java.util.function.BooleanSupplier condition, String what)
      throws InterruptedException {
    long deadline = System.nanoTime() + 120_000_000_000L;
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("timed out waiting for " + what);
      }
      Thread.sleep(1);
    }
  }
}
