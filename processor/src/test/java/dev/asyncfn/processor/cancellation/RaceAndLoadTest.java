/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.processor.cancellation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.asyncfn.runtime.CancelledException;
import dev.asyncfn.runtime.Future;
import dev.asyncfn.runtime.Futures;
import dev.asyncfn.runtime.JoinHandle;
import dev.asyncfn.runtime.AsyncRuntime;
import dev.asyncfn.runtime.Tasks;
import dev.asyncfn.runtime.sync.MutexGuard;
import dev.asyncfn.testing.AsyncCompiler;
import dev.asyncfn.testing.Compiled;
import dev.asyncfn.testing.JavaSource;
import dev.asyncfn.testing.TestRuntime;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Cancellation racing completion on the multi-thread runtime, awaits inside finally blocks run by
 * an abort, and issue 5's acceptance: many aborted tasks, every finally and close exactly once.
 */
class RaceAndLoadTest {
  static final String SOURCE =
      """
      package cy;

      import static dev.asyncfn.runtime.Futures.await;

      import dev.asyncfn.Async;
      import dev.asyncfn.processor.cancellation.Probe;
      import dev.asyncfn.runtime.CancelledException;
      import dev.asyncfn.runtime.Futures;
      import dev.asyncfn.runtime.time.Time;
      import java.time.Duration;
      import java.util.concurrent.CompletableFuture;
      import java.util.concurrent.CountDownLatch;
      import java.util.concurrent.atomic.AtomicInteger;

      public class Racy {
        /** Counts its finally and its close; {@code entered} opens just before the await. */
        @Async
        static int raceable(
            CompletableFuture<Integer> value, CountDownLatch entered,
            AtomicInteger finallies, AtomicInteger closes, AtomicInteger catches) {
          try (AutoCloseable r = closes::incrementAndGet) {
            entered.countDown();
            return await(value) + 1;
          } catch (Exception e) {
            catches.incrementAndGet();
            return -1;
          } finally {
            finallies.incrementAndGet();
          }
        }

        /** Two levels of finally blocks and two resources around an await in {@code kind}. */
        @Async
        static int nested(String kind, CountDownLatch entered) {
          try (Probe.Res a = Probe.res("a")) {
            try {
              try (Probe.Res b = Probe.res("b")) {
                entered.countDown();
                return await(Probe.blockIn(kind));
              } finally {
                Probe.hit("inner finally");
              }
            } catch (RuntimeException e) {
              Probe.hit("catch");
              return -1;
            }
          } finally {
            Probe.hit("outer finally");
          }
        }

        /** Finally blocks that await during cancellation: a ready one goes on, a pending one fails. */
        @Async
        static int cleansUpAsync(CountDownLatch entered) {
          try {
            try {
              entered.countDown();
              return await(Futures.<Integer>pending());
            } finally {
              await(Futures.ready(0));
              Probe.hit("ready await in finally went on");
              try {
                await(Time.sleep(Duration.ofHours(1)));
                Probe.hit("must not run: the sleep was not ready");
              } catch (CancelledException e) {
                Probe.hit("finally caught: " + e.getMessage());
              }
              await(Probe.blockIn("never"));
              Probe.hit("must not run: the rest of the finally is skipped");
            }
          } finally {
            Probe.hit("outer finally");
          }
        }
      }
      """;

  static Class<?> companion;

  @BeforeAll
  static void compile() {
    Compiled c = AsyncCompiler.create().compile(JavaSource.of(SOURCE)).assertSuccess();
    companion = c.loadClass("cy.RacyAsync");
  }

  @BeforeEach
  void reset() {
    Probe.reset();
  }

  static <T> Future<T> call(String method, Object... args) {
    for (Method m : companion.getDeclaredMethods()) {
      if (m.getName().equals(method) && m.getParameterCount() == args.length) {
        try {
          m.setAccessible(true);
          @SuppressWarnings("unchecked")
          Future<T> f = (Future<T>) m.invoke(null, args);
          return f;
        } catch (ReflectiveOperationException e) {
          throw new AssertionError(e);
        }
      }
    }
    throw new AssertionError("no factory " + method);
  }

  @Test
  void abortRacingCompletionNeverRunsAFinallyTwiceNorLosesAResult() {
    assertTimeoutPreemptively(
        Duration.ofSeconds(120),
        () -> {
          ExecutorService completer = Executors.newSingleThreadExecutor();
          int completed = 0;
          int cancelled = 0;
          try (AsyncRuntime rt = AsyncRuntime.builder().multiThread().workerThreads(2).build()) {
            for (int round = 0; round < 2_000; round++) {
              CompletableFuture<Integer> value = new CompletableFuture<>();
              CountDownLatch entered = new CountDownLatch(1);
              AtomicInteger finallies = new AtomicInteger();
              AtomicInteger closes = new AtomicInteger();
              AtomicInteger catches = new AtomicInteger();
              JoinHandle<Integer> h =
                  rt.spawn(call("raceable", value, entered, finallies, closes, catches));
              assertTrue(entered.await(10, TimeUnit.SECONDS), "the task reached its await");
              CountDownLatch go = new CountDownLatch(1);
              java.util.concurrent.Future<?> completing =
                  completer.submit(
                      () -> {
                        go.await();
                        return value.complete(42);
                      });
              go.countDown();
              h.abort(); // from this thread, while the completer completes the awaited future
              completing.get(10, TimeUnit.SECONDS);
              try {
                assertEquals(43, Futures.blockOn(h), "a completed result is never lost");
                completed++;
              } catch (CancelledException e) {
                cancelled++;
              }
              assertEquals(1, finallies.get(), "round " + round + ": the finally ran once");
              assertEquals(1, closes.get(), "round " + round + ": the resource closed once");
              assertEquals(0, catches.get(), "round " + round + ": no catch ran");
            }
          } finally {
            completer.shutdownNow();
          }
          assertEquals(2_000, completed + cancelled);
          System.out.println(
              "[asyncfn] abort racing completion: " + completed + " completed, " + cancelled
                  + " cancelled");
        });
  }

  @Test
  void awaitsInAFinallyBlockRunByAbortPollOnceAndNeverLeaveTheTaskSuspended() {
    try (TestRuntime rt = TestRuntime.paused()) {
      CountDownLatch entered = new CountDownLatch(1);
      JoinHandle<Integer> h = rt.runtime().spawn(call("cleansUpAsync", entered));
      rt.blockOn(Tasks.yieldNow()); // lets the task run to its await
      assertEquals(0, entered.getCount());
      h.abort();
      assertThrows(CancelledException.class, () -> rt.blockOn(h));
      List<String> log = Probe.log();
      assertEquals(4, log.size(), String.valueOf(log));
      assertEquals("ready await in finally went on", log.get(0));
      assertTrue(
          log.get(1).startsWith(
              "finally caught: await() in a finally block of a cancelled @Async method: the future"
                  + " was not ready"),
          log.get(1));
      assertEquals(List.of("cancel never", "outer finally"), log.subList(2, 4));
      assertEquals(0, rt.runtime().liveTaskCount(), "the task is done, not suspended");
    }
  }

  /** Issue 5's acceptance: 1,000 tasks blocked in nested finally blocks and resources, aborted. */
  @Test
  void aThousandAbortedTasksRunEveryFinallyAndCloseOnce() {
    assertTimeoutPreemptively(
        Duration.ofSeconds(60),
        () -> {
          int n = 1_000;
          String[] kinds = {"never", "sleep", "lock"};
          MutexGuard<Integer> contended = Probe.holdContended();
          CountDownLatch entered = new CountDownLatch(n);
          List<JoinHandle<Integer>> handles = new ArrayList<>();
          try (AsyncRuntime rt = AsyncRuntime.builder().multiThread().workerThreads(2).build()) {
            for (int i = 0; i < n; i++) {
              handles.add(rt.spawn(call("nested", kinds[i % kinds.length], entered)));
            }
            assertTrue(entered.await(30, TimeUnit.SECONDS), "every task reached its await");
            for (JoinHandle<Integer> h : handles) {
              h.abort();
            }
            for (JoinHandle<Integer> h : handles) {
              assertThrows(CancelledException.class, () -> Futures.blockOn(h));
            }
            assertEquals(0, rt.liveTaskCount());
          } finally {
            contended.close();
          }
          assertEquals(n, Probe.count("inner finally"));
          assertEquals(n, Probe.count("outer finally"));
          assertEquals(n, Probe.count("close a"));
          assertEquals(n, Probe.count("close b"));
          assertEquals(0, Probe.count("catch"));
          int cancels = 0;
          for (String kind : kinds) {
            cancels += Probe.count("cancel " + kind);
          }
          assertEquals(n, cancels, "every awaited future was cancelled once");
          List<String> log = Probe.log();
          // per task: b closes before the inner finally's log, a after it, then the outer finally
          assertEquals(5 * n, log.size());
          MutexGuard<Integer> again = Probe.CONTENDED.tryLock();
          assertNotNull(again, "1,000 cancelled lock() calls left the mutex free");
          again.close();
          if (log.contains("catch")) {
            fail("a catch ran: " + log);
          }
        });
  }
}
