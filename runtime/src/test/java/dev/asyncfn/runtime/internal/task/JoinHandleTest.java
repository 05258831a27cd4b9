/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.runtime.internal.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.asyncfn.runtime.AsyncRuntime;
import dev.asyncfn.runtime.Await;
import dev.asyncfn.runtime.CancelledException;
import dev.asyncfn.runtime.Context;
import dev.asyncfn.runtime.Flavor;
import dev.asyncfn.runtime.Future;
import dev.asyncfn.runtime.Futures;
import dev.asyncfn.runtime.Gate;
import dev.asyncfn.runtime.JoinHandle;
import dev.asyncfn.runtime.Poll;
import dev.asyncfn.runtime.Tasks;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class JoinHandleTest {
  private static final Duration LIMIT = Duration.ofSeconds(20);

  @ParameterizedTest
  @EnumSource(Flavor.class)
  void awaitingTheHandleGivesTheOutput(Flavor flavor) {
    try (AsyncRuntime rt = flavor.build()) {
      JoinHandle<Integer> h = rt.spawn(Futures.ready(42));
      assertEquals(42, rt.blockOn(h));
      assertTrue(h.isFinished());
    }
  }

  @ParameterizedTest
  @EnumSource(Flavor.class)
  void aThrowingTaskRethrowsTheSameExceptionObject(Flavor flavor) {
    IOException boom = new IOException("boom");
    try (AsyncRuntime rt = flavor.build()) {
      JoinHandle<Integer> h = rt.spawn(Futures.failed(boom));
      IOException thrown = assertThrows(IOException.class, () -> rt.blockOn(h));
      assertSame(boom, thrown);
      // The runtime survives a failing task.
      assertEquals(7, rt.blockOn(rt.spawn(Futures.ready(7))));
    }
  }

  @ParameterizedTest
  @EnumSource(Flavor.class)
  void blockOnOfAFailingFutureRethrowsTheSameExceptionObject(Flavor flavor) {
    IllegalArgumentException boom = new IllegalArgumentException("bad");
    try (AsyncRuntime rt = flavor.build()) {
      assertSame(boom, assertThrows(IllegalArgumentException.class,
          () -> rt.blockOn(Futures.failed(boom))));
    }
    assertSame(boom, assertThrows(IllegalArgumentException.class,
        () -> Futures.blockOn(Futures.failed(boom))));
  }

  @ParameterizedTest
  @EnumSource(Flavor.class)
  void anErrorInATaskIsCapturedLikeAnyThrowable(Flavor flavor) {
    StackOverflowError soe = new StackOverflowError("deep");
    try (AsyncRuntime rt = flavor.build()) {
      JoinHandle<Object> h = rt.spawn(cx -> {
        throw soe;
      });
      assertSame(soe, assertThrows(StackOverflowError.class, () -> rt.blockOn(h)));
    }
  }

  @org.junit.jupiter.api.Test
  void abortBeforeTheFirstPollNeverPollsTheFuture() {
    try (AsyncRuntime rt = Flavor.CURRENT_THREAD.build()) {
      Gate<String> gate = new Gate<>();
      JoinHandle<String> h = rt.spawn(gate); // a current-thread runtime runs nothing yet
      h.abort();
      h.abort(); // idempotent
      assertTrue(h.isFinished());
      assertEquals(0, gate.polls.get());
      assertEquals(1, gate.cancels.get());
      CancelledException e = assertThrows(CancelledException.class, () -> rt.blockOn(h));
      assertTrue(e.getMessage().startsWith("task was aborted"), e.getMessage());
      assertEquals(0, gate.polls.get());
      assertEquals(0, rt.liveTaskCount());
    }
  }

  @org.junit.jupiter.api.Test
  void anAbortFromOutsideTheRuntimeCancelsWithTheTasksRuntimeEntered() {
    AtomicReference<Object> seen = new AtomicReference<>();
    Future<String> probe = new Future<>() {
      @Override
      public Poll<String> poll(Context cx) {
        return Poll.pending();
      }

      @Override
      public void cancel() {
        // a finally block run here may poll a timer, which looks its runtime up like this
        seen.set(dev.asyncfn.runtime.internal.handle.RuntimeContext.current());
      }
    };
    try (AsyncRuntime rt = Flavor.CURRENT_THREAD.build()) {
      JoinHandle<String> h = rt.spawn(probe);
      assertEquals(null, dev.asyncfn.runtime.internal.handle.RuntimeContext.current());
      h.abort(); // on the test thread, which has entered no runtime
      assertTrue(seen.get() != null, "cancel() ran outside any runtime");
      assertEquals(null, dev.asyncfn.runtime.internal.handle.RuntimeContext.current(), "restored");
      assertThrows(CancelledException.class, () -> rt.blockOn(h));
    }
  }

  @org.junit.jupiter.api.Test
  void aThrowingCancelIsReportedAndKeptAsSuppressedButTheOutcomeStaysCancelled() {
    IllegalStateException boom = new IllegalStateException("finally block failed");
    Future<String> failingCancel = new Future<>() {
      @Override
      public Poll<String> poll(Context cx) {
        return Poll.pending();
      }

      @Override
      public void cancel() {
        throw boom;
      }
    };
    Thread self = Thread.currentThread();
    Thread.UncaughtExceptionHandler before = self.getUncaughtExceptionHandler();
    List<Throwable> reported = new ArrayList<>();
    self.setUncaughtExceptionHandler((t, e) -> reported.add(e));
    try (AsyncRuntime rt = Flavor.CURRENT_THREAD.build()) {
      JoinHandle<String> h = rt.spawn(failingCancel);
      h.abort(); // on this thread: nothing polls the task yet
      CancelledException e = assertThrows(CancelledException.class, () -> rt.blockOn(h));
      assertEquals(List.of(boom), List.of(e.getSuppressed()));
      assertEquals(List.of(boom), reported);
    } finally {
      self.setUncaughtExceptionHandler(before);
    }
  }

  @ParameterizedTest
  @EnumSource(Flavor.class)
  void abortWhileRunningTakesEffectWhenThePollReturns(Flavor flavor) throws Exception {
    assertTimeoutPreemptively(LIMIT, () -> {
      CountDownLatch entered = new CountDownLatch(1);
      CountDownLatch release = new CountDownLatch(1);
      Gate<String> inner = new Gate<>();
      Future<String> blocking = new Future<>() {
        @Override
        public Poll<String> poll(Context cx) {
          entered.countDown();
          try {
            release.await();
          } catch (InterruptedException e) {
            throw new AssertionError(e);
          }
          return inner.poll(cx);
        }

        @Override
        public void cancel() {
          inner.cancel();
        }
      };
      try (AsyncRuntime rt = flavor.build()) {
        JoinHandle<String> h = rt.spawn(blocking);
        AtomicReference<Throwable> outcome = new AtomicReference<>();
        Thread driver = new Thread(() -> {
          try {
            rt.blockOn(h);
          } catch (Throwable t) {
            outcome.set(t);
          }
        });
        driver.start();
        assertTrue(entered.await(10, TimeUnit.SECONDS));
        h.abort(); // from the test thread while the task is being polled
        assertEquals(0, inner.cancels.get(), "cancel() must wait for the poll to return");
        assertFalse(h.isFinished());
        release.countDown();
        driver.join(10_000);
        assertTrue(outcome.get() instanceof CancelledException, String.valueOf(outcome.get()));
        assertEquals(1, inner.cancels.get());
        assertEquals(1, inner.polls.get());
        assertFalse(inner.cancelledDuringPoll);
        assertTrue(h.isFinished());
      }
    });
  }

  @ParameterizedTest
  @EnumSource(Flavor.class)
  void abortAfterCompletionKeepsTheOutput(Flavor flavor) {
    try (AsyncRuntime rt = flavor.build()) {
      JoinHandle<String> h = rt.spawn(Futures.ready("done"));
      JoinHandle<String> waiter = rt.spawn(Await.inside(() -> h));
      assertEquals("done", rt.blockOn(waiter));
      h.abort();
      assertTrue(h.isFinished());
    }
  }

  @ParameterizedTest
  @EnumSource(Flavor.class)
  void awaitingAHandleTwiceIsAClearError(Flavor flavor) {
    try (AsyncRuntime rt = flavor.build()) {
      JoinHandle<Integer> h = rt.spawn(Futures.ready(1));
      assertEquals(1, rt.blockOn(h));
      IllegalStateException e = assertThrows(IllegalStateException.class, () -> rt.blockOn(h));
      assertTrue(e.getMessage().contains("can be awaited once"), e.getMessage());
      assertThrows(IllegalStateException.class, h::toCompletableFuture);
    }
  }

  @ParameterizedTest
  @EnumSource(Flavor.class)
  void droppingTheHandleDetachesWithoutAborting(Flavor flavor) throws Exception {
    try (AsyncRuntime rt = flavor.build()) {
      Gate<String> gate = new Gate<>();
      CompletableFuture<String> seen = new CompletableFuture<>();
      JoinHandle<String> h = rt.spawn(cx -> {
        Poll<String> p = gate.poll(cx);
        p.map(seen::complete);
        return p;
      });
      h.cancel(); // detach
      gate.complete("still ran");
      if (flavor == Flavor.CURRENT_THREAD) {
        rt.blockOn(Tasks.yieldNow()); // give the driver a turn
        rt.blockOn(Tasks.yieldNow());
      }
      assertEquals("still ran", seen.get(10, TimeUnit.SECONDS));
      assertEquals(0, gate.cancels.get());
      assertEquals("still ran", rt.blockOn(h), "a detached handle still holds the output");
    }
  }

  @ParameterizedTest
  @EnumSource(Flavor.class)
  void toCompletableFutureCompletesWithTheOutputOrTheFailure(Flavor flavor) throws Exception {
    try (AsyncRuntime rt = flavor.build()) {
      Gate<String> ok = new Gate<>();
      Gate<String> bad = new Gate<>();
      JoinHandle<String> h1 = rt.spawn(ok);
      JoinHandle<String> h2 = rt.spawn(bad);
      CompletableFuture<String> c1 = h1.toCompletableFuture();
      CompletableFuture<String> c2 = h2.toCompletableFuture();
      IOException boom = new IOException("x");
      rt.blockOn(Tasks.yieldNow());
      ok.complete("fine");
      bad.fail(boom);
      rt.blockOn(Await.spawnAll(() -> List.of(rt.spawn(Tasks.yieldNow()))));
      assertEquals("fine", c1.get(10, TimeUnit.SECONDS));
      ExecutionException e = assertThrows(ExecutionException.class,
          () -> c2.get(10, TimeUnit.SECONDS));
      assertSame(boom, e.getCause());
    }
  }

  @ParameterizedTest
  @EnumSource(Flavor.class)
  void aThrowingJoinWakerDoesNotBreakTheWorker(Flavor flavor) {
    try (AsyncRuntime rt = flavor.build()) {
      Gate<String> gate = new Gate<>();
      JoinHandle<String> h = rt.spawn(gate);
      rt.blockOn(Tasks.yieldNow());
      // Poll the handle by hand with a waker that throws when the task completes.
      Thread.UncaughtExceptionHandler old = Thread.getDefaultUncaughtExceptionHandler();
      AtomicReference<Throwable> reported = new AtomicReference<>();
      Thread.setDefaultUncaughtExceptionHandler((t, e) -> reported.set(e));
      try {
        RuntimeException wakerFailure = new RuntimeException("waker broke");
        assertTrue(h.poll(() -> () -> {
          throw wakerFailure;
        }).isPending());
        JoinHandle<String> completer = rt.spawn(cx -> {
          gate.complete("v");
          return Poll.ready("completed");
        });
        assertEquals("completed", rt.blockOn(completer));
        assertEquals("v", rt.blockOn(h));
        assertEquals(5, rt.blockOn(rt.spawn(Futures.ready(5))));
        if (flavor == Flavor.CURRENT_THREAD) {
          assertSame(wakerFailure, reported.get());
        }
      } finally {
        Thread.setDefaultUncaughtExceptionHandler(old);
      }
    }
  }

  @ParameterizedTest
  @EnumSource(Flavor.class)
  void shutdownCancelsEveryPendingTask(Flavor flavor) throws Exception {
    AsyncRuntime rt = flavor.build();
    List<Gate<String>> gates = new ArrayList<>();
    List<JoinHandle<String>> handles = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      Gate<String> g = new Gate<>();
      gates.add(g);
      handles.add(rt.spawn(g));
    }
    // Let every task be polled once, so they are idle (waiting for a wake) at shutdown.
    rt.blockOn(Await.inside(() -> cx -> {
      for (Gate<String> g : gates) {
        if (g.polls.get() == 0) {
          cx.waker().wake();
          return Poll.pending();
        }
      }
      return Poll.ready(null);
    }));
    assertEquals(10, rt.liveTaskCount());
    rt.shutdown();
    for (int i = 0; i < 10; i++) {
      assertEquals(1, gates.get(i).cancels.get());
      assertTrue(handles.get(i).isFinished());
      JoinHandle<String> h = handles.get(i);
      CancelledException e = assertThrows(CancelledException.class, () -> Futures.blockOn(h));
      assertTrue(e.getMessage().contains("shut down"), e.getMessage());
    }
    Gate<String> late = new Gate<>();
    JoinHandle<String> lateHandle = rt.spawn(late);
    assertTrue(lateHandle.isFinished());
    assertEquals(0, late.polls.get());
    assertThrows(CancelledException.class, () -> Futures.blockOn(lateHandle));
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> rt.blockOn(Futures.ready(1)));
    assertTrue(e.getMessage().startsWith("the runtime was shut down"), e.getMessage());
    rt.shutdown(); // idempotent
  }

  @ParameterizedTest
  @EnumSource(Flavor.class)
  void aWakeDuringThePollRepollsTheTask(Flavor flavor) {
    try (AsyncRuntime rt = flavor.build()) {
      int[] polls = {0};
      JoinHandle<Integer> h = rt.spawn(cx -> {
        if (++polls[0] < 3) {
          cx.waker().wake(); // woken while running: must be polled again, not lost
          return Poll.pending();
        }
        return Poll.ready(polls[0]);
      });
      assertEquals(3, rt.blockOn(h));
    }
  }

  @ParameterizedTest
  @EnumSource(Flavor.class)
  void theHandleIsNotTheSameObjectForTwoTasks(Flavor flavor) {
    try (AsyncRuntime rt = flavor.build()) {
      JoinHandle<Integer> a = rt.spawn(Futures.ready(1));
      JoinHandle<Integer> b = rt.spawn(Futures.ready(2));
      assertNotSame(a, b);
      assertEquals(List.of(1, 2), rt.blockOn(Await.spawnAll(() -> List.of(a, b))));
    }
  }
}
