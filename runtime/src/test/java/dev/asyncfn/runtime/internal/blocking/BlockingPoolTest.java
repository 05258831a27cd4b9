/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.runtime.internal.blocking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.asyncfn.runtime.AsyncRuntime;
import dev.asyncfn.runtime.Await;
import dev.asyncfn.runtime.CancelledException;
import dev.asyncfn.runtime.Flavor;
import dev.asyncfn.runtime.Futures;
import dev.asyncfn.runtime.JoinHandle;
import dev.asyncfn.runtime.Poll;
import dev.asyncfn.runtime.Tasks;
import dev.asyncfn.runtime.internal.handle.RuntimeContext;
import dev.asyncfn.runtime.time.Time;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class BlockingPoolTest {

  @ParameterizedTest
  @EnumSource(Flavor.class)
  void theHandleGivesTheResultAndWakesTheAwaitingTask(Flavor flavor) {
    try (AsyncRuntime rt = flavor.build()) {
      String caller = Thread.currentThread().getName();
      JoinHandle<String> h = rt.spawn(Await.inside(() -> Tasks.spawnBlocking(
          () -> Thread.currentThread().getName())));
      String ran = rt.blockOn(h);
      assertNotEquals(caller, ran);
      assertTrue(ran.contains("-blocking-"), ran);
    }
  }

  @ParameterizedTest
  @EnumSource(Flavor.class)
  void aFailingJobRethrowsTheSameException(Flavor flavor) {
    IOException boom = new IOException("disk");
    try (AsyncRuntime rt = flavor.build()) {
      JoinHandle<Object> h = rt.spawnBlocking(() -> {
        throw boom;
      });
      assertSame(boom, assertThrows(IOException.class, () -> rt.blockOn(h)));
    }
  }

  @Test
  void threadsGrowOnDemandUpToTheMaximum() throws Exception {
    try (AsyncRuntime rt = AsyncRuntime.builder().currentThread().maxBlockingThreads(2).build()) {
      CountDownLatch release = new CountDownLatch(1);
      AtomicInteger running = new AtomicInteger();
      AtomicInteger peak = new AtomicInteger();
      List<JoinHandle<Integer>> hs = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        int v = i;
        hs.add(rt.spawnBlocking(() -> {
          peak.accumulateAndGet(running.incrementAndGet(), Math::max);
          release.await(10, TimeUnit.SECONDS);
          running.decrementAndGet();
          return v;
        }));
      }
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (running.get() < 2 && System.nanoTime() < deadline) {
        Thread.onSpinWait();
      }
      assertEquals(2, running.get());
      release.countDown();
      assertEquals(List.of(0, 1, 2, 3, 4, 5), rt.blockOn(Await.spawnAll(() -> hs)));
      assertEquals(2, peak.get());
    }
  }

  @Test
  void idleThreadsRetireAfterTheKeepAlive() {
    try (AsyncRuntime rt = AsyncRuntime.builder().currentThread().maxBlockingThreads(4)
        .threadKeepAlive(Duration.ofMillis(20)).build()) {
      BlockingPool pool = rt.blockOn(cx -> Poll.ready(RuntimeContext.current().blocking()));
      assertEquals(7, rt.blockOn(rt.spawnBlocking(() -> 7)));
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (pool.threadCount() > 0 && System.nanoTime() < deadline) {
        Thread.onSpinWait();
      }
      assertEquals(0, pool.threadCount(), "the idle thread retired");
      assertEquals(8, rt.blockOn(rt.spawnBlocking(() -> 8)), "a new thread starts on demand");
    }
  }

  @Test
  void abortingAQueuedJobMeansItNeverRuns() throws Exception {
    try (AsyncRuntime rt = AsyncRuntime.builder().currentThread().maxBlockingThreads(1).build()) {
      CountDownLatch started = new CountDownLatch(1);
      CountDownLatch release = new CountDownLatch(1);
      JoinHandle<String> first = rt.spawnBlocking(() -> {
        started.countDown();
        release.await(10, TimeUnit.SECONDS);
        return "first";
      });
      AtomicBoolean ran = new AtomicBoolean();
      JoinHandle<String> queued = rt.spawnBlocking(() -> {
        ran.set(true);
        return "queued";
      });
      assertTrue(started.await(10, TimeUnit.SECONDS));
      queued.abort();
      release.countDown();
      assertEquals("first", rt.blockOn(first));
      assertThrows(CancelledException.class, () -> rt.blockOn(queued));
      assertFalse(ran.get());
    }
  }

  @Test
  void aJobCanSpawnTasksOnItsRuntime() {
    try (AsyncRuntime rt = Flavor.MULTI_THREAD.build()) {
      JoinHandle<Integer> h = rt.spawnBlocking(() -> Futures.await(Tasks.spawn(Futures.ready(4))));
      assertEquals(4, rt.blockOn(h));
    }
  }

  @Test
  void thePausedClockWaitsForJobsInFlightBeforeAdvancing() {
    try (AsyncRuntime rt = AsyncRuntime.builder().currentThread().startPaused(true).build()) {
      CountDownLatch jobMayFinish = new CountDownLatch(1);
      AtomicBoolean jobDoneFirst = new AtomicBoolean();
      // A sleeper that checks, when it wakes, whether the job finished before virtual time moved.
      JoinHandle<Boolean> sleeper = rt.spawn(Await.inside(() -> {
        var s = Time.sleep(Duration.ofHours(1));
        return cx -> s.poll(cx).map(v -> jobDoneFirst.get());
      }));
      JoinHandle<String> job = rt.spawnBlocking(() -> {
        jobMayFinish.await(10, TimeUnit.SECONDS);
        jobDoneFirst.set(true);
        return "job";
      });
      new Thread(() -> {
        try {
          Thread.sleep(50); // real time passes while the runtime is idle with a job in flight
        } catch (InterruptedException e) {
          return;
        }
        jobMayFinish.countDown();
      }).start();
      assertTrue(rt.blockOn(sleeper));
      assertEquals("job", rt.blockOn(job));
    }
  }

  @Test
  void shutdownCancelsQueuedJobs() throws Exception {
    AsyncRuntime rt = AsyncRuntime.builder().currentThread().maxBlockingThreads(1).build();
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    rt.spawnBlocking(() -> {
      started.countDown();
      release.await(10, TimeUnit.SECONDS);
      return null;
    });
    AtomicBoolean ran = new AtomicBoolean();
    JoinHandle<Object> queued = rt.spawnBlocking(() -> {
      ran.set(true);
      return null;
    });
    assertTrue(started.await(10, TimeUnit.SECONDS));
    rt.shutdown(Duration.ofMillis(50)); // the running job outlives the bounded wait
    release.countDown();
    assertTrue(queued.isFinished());
    assertFalse(ran.get());
    assertThrows(CancelledException.class, () -> Futures.blockOn(queued));
    JoinHandle<Object> late = rt.spawnBlocking(() -> "never");
    assertTrue(late.isFinished());
  }
}
