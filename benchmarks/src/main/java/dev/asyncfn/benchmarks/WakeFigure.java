/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.benchmarks;

import dev.asyncfn.runtime.JoinHandle;
import dev.asyncfn.runtime.AsyncRuntime;
import dev.asyncfn.runtime.sync.Notify;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Figure: wake {@code n} tasks suspended on one event, timed from the signal until every task has
 * run. asyncfn tasks on {@code Notify.notifyWaiters} (2 workers), one CompletableFuture completed
 * with {@code n} callbacks, Kotlin coroutines awaiting one {@code CompletableDeferred} (2 threads),
 * and virtual threads waiting on one latch.
 */
final class WakeFigure {
  private WakeFigure() {}

  static void run(int n, int reps) throws Exception {
    double[] ms = new double[reps];
    try (AsyncRuntime rt = AsyncRuntime.builder().multiThread().workerThreads(2).build()) {
      for (int r = -1; r < reps; r++) {
        Notify event = new Notify();
        AtomicInteger started = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(n);
        Spawner.spawnAll(
            rt, new JoinHandle<?>[n], i -> WorkAsync.waitForEvent(event, started, done));
        Load.awaitCondition(() -> started.get() == n, "tasks to wait");
        Thread.sleep(100);
        long t0 = System.nanoTime();
        event.notifyWaiters();
        done.await();
        if (r >= 0) {
          ms[r] = (System.nanoTime() - t0) / 1e6;
        }
      }
    }
    Results.emit("wake", "asyncfn (Notify)", "wake all", Results.median(ms), "ms", false);

    for (int r = -1; r < reps; r++) {
      CompletableFuture<Integer> event = new CompletableFuture<>();
      AtomicInteger ran = new AtomicInteger();
      Runnable callback = ran::incrementAndGet;
      for (int i = 0; i < n; i++) {
        event.thenRun(callback);
      }
      long t0 = System.nanoTime();
      event.complete(1);
      if (r >= 0) {
        ms[r] = (System.nanoTime() - t0) / 1e6;
      }
      SpawnFigure.check(ran.get() == n, "callbacks ran " + ran.get());
    }
    Results.emit(
        "wake", "CompletableFuture callbacks", "wake all", Results.median(ms), "ms", false);

    KotlinCoroutines.warmUp();
    for (int r = -1; r < reps; r++) {
      KotlinCoroutines.Waiters waiters = new KotlinCoroutines.Waiters(n);
      AtomicInteger started = new AtomicInteger();
      CountDownLatch done = new CountDownLatch(n);
      waiters.start(started, done);
      Load.awaitCondition(() -> started.get() == n, "coroutines to wait");
      Thread.sleep(100);
      long t0 = System.nanoTime();
      waiters.fire();
      done.await();
      if (r >= 0) {
        ms[r] = (System.nanoTime() - t0) / 1e6;
      }
    }
    String kotlin = "Kotlin coroutines (CompletableDeferred)";
    Results.emit("wake", kotlin, "wake all", Results.median(ms), "ms", false);

    if (VirtualThreads.available()) {
      for (int r = -1; r < reps; r++) {
        CountDownLatch event = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(n);
        AtomicInteger started = new AtomicInteger();
        Runnable waiter =
            () -> {
              started.incrementAndGet();
              try {
                event.await();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              done.countDown();
            };
        for (int i = 0; i < n; i++) {
          VirtualThreads.start(waiter);
        }
        Load.awaitCondition(() -> started.get() == n, "virtual threads to wait");
        Thread.sleep(100);
        long t0 = System.nanoTime();
        event.countDown();
        done.await();
        if (r >= 0) {
          ms[r] = (System.nanoTime() - t0) / 1e6;
        }
      }
      Results.emit("wake", "virtual threads (latch)", "wake all", Results.median(ms), "ms", false);
    }
  }
}
