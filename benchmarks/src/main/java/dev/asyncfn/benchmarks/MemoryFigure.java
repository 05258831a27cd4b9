/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.benchmarks;

import dev.asyncfn.runtime.JoinHandle;
import dev.asyncfn.runtime.AsyncRuntime;
import dev.asyncfn.runtime.sync.Oneshot;
import java.lang.ref.Reference;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;

/**
 * Figure: retained heap per suspended task. {@code n} tasks are started and parked; the heap in use
 * after GC, minus the heap before (the array that keeps the handles is allocated before the
 * baseline), divided by {@code n}. Also the rate of starting tasks until they are parked.
 */
final class MemoryFigure {
  private MemoryFigure() {}

  static void run(String subject, int n, int reps) throws Exception {
    double[] perTask = new double[reps];
    double[] startRate = new double[reps];
    for (int r = 0; r < reps; r++) {
      double[] m =
          switch (subject) {
            case "asyncfn-timer" -> asyncfn(n, false);
            case "asyncfn-oneshot" -> asyncfn(n, true);
            case "virtual-threads" -> virtualThreads(n);
            case "completable-future" -> completableFutures(n);
            case "kotlin-channel" -> kotlin(n, true);
            case "kotlin-delay" -> kotlin(n, false);
            default -> throw new IllegalArgumentException("unknown memory subject " + subject);
          };
      perTask[r] = m[0];
      startRate[r] = m[1];
    }
    String name =
        switch (subject) {
          case "asyncfn-timer" -> "asyncfn (timer)";
          case "asyncfn-oneshot" -> "asyncfn (oneshot recv)";
          case "virtual-threads" -> "virtual threads (park)";
          case "kotlin-channel" -> "Kotlin coroutine (Channel.receive)";
          case "kotlin-delay" -> "Kotlin coroutine (delay)";
          default -> "CompletableFuture + callback";
        };
    Results.emit(
        "memory", name, "retained per suspended task", Results.median(perTask), "B", false);
    Results.emit(
        "memory", name, "start until suspended", Results.median(startRate), "tasks/s", true);
  }

  private static double[] asyncfn(int n, boolean oneshot) throws Exception {
    JoinHandle<?>[] handles = new JoinHandle<?>[n];
    @SuppressWarnings("unchecked")
    Oneshot.Sender<Integer>[] senders =
        oneshot ? (Oneshot.Sender<Integer>[]) new Oneshot.Sender<?>[n] : null;
    AtomicInteger started = new AtomicInteger();
    try (AsyncRuntime rt = AsyncRuntime.builder().multiThread().workerThreads(2).build()) {
      rt.blockOn(dev.asyncfn.runtime.Futures.ready(0)); // workers up before the baseline
      long before = Results.usedHeapAfterGc();
      long t0 = System.nanoTime();
      Spawner.spawnAll(
          rt,
          handles,
          i -> {
            if (!oneshot) {
              return WorkAsync.parkOnTimer(started);
            }
            Oneshot.Channel<Integer> ch = Oneshot.channel();
            senders[i] = ch.sender();
            return WorkAsync.parkOnOneshot(ch.receiver(), started);
          });
      Load.awaitCondition(() -> started.get() == n, "tasks to start");
      long t = System.nanoTime() - t0;
      Thread.sleep(100); // the last tasks reach their await right after counting themselves
      long after = Results.usedHeapAfterGc();
      Reference.reachabilityFence(handles);
      Reference.reachabilityFence(senders);
      return new double[] {(double) (after - before) / n, n / (t / 1e9)};
    }
  }

  /** Coroutines launched on 2 threads, parked in one shared channel's receive or in a delay. */
  private static double[] kotlin(int n, boolean onChannel) throws Exception {
    KotlinCoroutines.warmUp(); // dispatcher threads up before the baseline
    KotlinCoroutines.Parked parked = new KotlinCoroutines.Parked(n);
    AtomicInteger started = new AtomicInteger();
    long before = Results.usedHeapAfterGc();
    long t0 = System.nanoTime();
    parked.start(onChannel, started);
    Load.awaitCondition(() -> started.get() == n, "coroutines to start");
    long t = System.nanoTime() - t0;
    Thread.sleep(100); // the last coroutines reach their suspension right after counting themselves
    long after = Results.usedHeapAfterGc();
    parked.cancel();
    return new double[] {(double) (after - before) / n, n / (t / 1e9)};
  }

  private static double[] virtualThreads(int n) throws Exception {
    if (!VirtualThreads.available()) {
      throw new IllegalStateException("virtual threads need JDK 21 or later");
    }
    Thread[] threads = new Thread[n];
    AtomicInteger started = new AtomicInteger();
    boolean[] stop = new boolean[1];
    Runnable parker =
        () -> {
          started.incrementAndGet();
          while (!stop[0]) {
            LockSupport.park();
          }
        };
    long before = Results.usedHeapAfterGc();
    long t0 = System.nanoTime();
    for (int i = 0; i < n; i++) {
      threads[i] = VirtualThreads.start(parker);
    }
    Load.awaitCondition(() -> started.get() == n, "virtual threads to start");
    long t = System.nanoTime() - t0;
    Thread.sleep(100);
    long after = Results.usedHeapAfterGc();
    stop[0] = true;
    for (Thread th : threads) {
      LockSupport.unpark(th);
    }
    for (Thread th : threads) {
      th.join();
    }
    return new double[] {(double) (after - before) / n, n / (t / 1e9)};
  }

  private static double[] completableFutures(int n) {
    @SuppressWarnings("unchecked")
    CompletableFuture<Integer>[] futures =
        (CompletableFuture<Integer>[]) new CompletableFuture<?>[n];
    Function<Integer, Integer> callback = v -> v + 1;
    long before = Results.usedHeapAfterGc();
    long t0 = System.nanoTime();
    for (int i = 0; i < n; i++) {
      futures[i] = new CompletableFuture<>();
      futures[i].thenApply(callback);
    }
    long t = System.nanoTime() - t0;
    long after = Results.usedHeapAfterGc();
    Reference.reachabilityFence(futures);
    return new double[] {(double) (after - before) / n, n / (t / 1e9)};
  }
}
