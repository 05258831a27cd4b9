/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.runtime.internal.executor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.asyncfn.runtime.AsyncRuntime;
import dev.asyncfn.runtime.Futures;
import dev.asyncfn.runtime.JoinHandle;
import dev.asyncfn.runtime.Poll;
import dev.asyncfn.runtime.Waker;
import dev.asyncfn.runtime.internal.sync.WakeList;
import dev.asyncfn.runtime.sync.Notify;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Wakes made in a batch from outside the runtime: every task is scheduled, none twice. */
class RemoteWakesTest {
  private static final int TASKS = 10_000; // many chunks of RemoteWakes.CHUNK

  @Test
  void notifyWaitersFromAForeignThreadRunsEveryTaskOfTwoRuntimes() {
    assertTimeoutPreemptively(
        Duration.ofSeconds(60),
        () -> {
          try (AsyncRuntime a = AsyncRuntime.builder().multiThread().workerThreads(2).build();
              AsyncRuntime b = AsyncRuntime.builder().multiThread().workerThreads(2).build()) {
            Notify event = new Notify();
            AtomicInteger ran = new AtomicInteger();
            CountDownLatch waiting = new CountDownLatch(TASKS);
            List<JoinHandle<Integer>> handles = new ArrayList<>();
            for (int i = 0; i < TASKS; i++) {
              // Alternating runtimes: the batch flushes at every change of executor.
              AsyncRuntime rt = i % 2 == 0 ? a : b;
              int id = i;
              handles.add(
                  rt.spawn(
                      Futures.map(
                          countedWait(event, waiting),
                          v -> {
                            ran.incrementAndGet();
                            return id;
                          })));
            }
            waiting.await();
            event.notifyWaiters();
            for (int i = 0; i < TASKS; i++) {
              assertEquals(i, (i % 2 == 0 ? a : b).blockOn(handles.get(i)));
            }
            assertEquals(TASKS, ran.get());
          }
        });
  }

  @Test
  void aThrowingWakerInTheBatchStillLetsTheOthersBeScheduled() throws Exception {
    try (AsyncRuntime rt = AsyncRuntime.builder().multiThread().workerThreads(2).build()) {
      int tasks = 300;
      ConcurrentLinkedQueue<Waker> parked = new ConcurrentLinkedQueue<>();
      CountDownLatch allParked = new CountDownLatch(tasks);
      AtomicBoolean released = new AtomicBoolean();
      List<JoinHandle<Void>> handles = new ArrayList<>();
      for (int i = 0; i < tasks; i++) {
        boolean[] registered = new boolean[1];
        handles.add(
            rt.spawn(
                cx -> {
                  if (released.get()) {
                    return Poll.ready(null);
                  }
                  if (!registered[0]) {
                    registered[0] = true;
                    parked.add(cx.waker());
                    allParked.countDown();
                  }
                  return Poll.pending();
                }));
      }
      assertTrue(allParked.await(30, TimeUnit.SECONDS));
      released.set(true);
      RuntimeException boom = new IllegalStateException("boom");
      WakeList wakes = new WakeList();
      wakes.add(failing(boom));
      parked.forEach(wakes::add);
      wakes.add(failing(new IllegalArgumentException("second")));
      IllegalStateException thrown = assertThrows(IllegalStateException.class, wakes::wakeAll);
      assertSame(boom, thrown);
      assertEquals(1, thrown.getSuppressed().length);
      for (JoinHandle<Void> h : handles) {
        rt.blockOn(h);
      }
      // The batch was closed despite the throw: this thread may open a new one.
      assertTrue(RemoteWakes.begin());
      RemoteWakes.end();
    }
  }

  private static Waker failing(RuntimeException e) {
    return new Waker() {
      @Override
      public void wake() {
        throw e;
      }
    };
  }

  /** Registers on {@code event} at its first poll, counts down {@code waiting}, then waits. */
  private static dev.asyncfn.runtime.Future<Void> countedWait(
      Notify event, CountDownLatch waiting) {
    dev.asyncfn.runtime.Future<Void> notified = event.notified();
    boolean[] counted = new boolean[1];
    return cx -> {
      var p = notified.poll(cx);
      if (!counted[0]) {
        counted[0] = true;
        waiting.countDown();
      }
      return p;
    };
  }
}
