/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.runtime.joinset;

import static dev.asyncfn.runtime.joinset.Support.until;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.asyncfn.runtime.AbortHandle;
import dev.asyncfn.runtime.AsyncRuntime;
import dev.asyncfn.runtime.CancelledException;
import dev.asyncfn.runtime.Context;
import dev.asyncfn.runtime.Flavor;
import dev.asyncfn.runtime.Future;
import dev.asyncfn.runtime.Futures;
import dev.asyncfn.runtime.Gate;
import dev.asyncfn.runtime.JoinSet;
import dev.asyncfn.runtime.Poll;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The end of a JoinSet's scope: abortAll, shutdown and close, on every kind of thread. */
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class JoinSetScopeTest {

  private static List<Gate<String>> spawnGates(AsyncRuntime rt, JoinSet<String> set, int n) {
    List<Gate<String>> gates = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Gate<String> g = new Gate<>();
      gates.add(g);
      set.spawn(g);
    }
    until(rt, () -> gates.stream().allMatch(g -> g.polls.get() > 0));
    return gates;
  }

  /**
   * Waits until the aborts of {@code gates} were carried out. On a current-thread runtime nothing
   * polls between two calls of the test thread, so abort() already cancelled every task itself and
   * this waits for nothing; on a multi-thread one, a task seen polled may still be returning from
   * that poll, and its worker cancels it when the poll returns.
   */
  private static void awaitCancels(Flavor flavor, List<Gate<String>> gates) {
    if (flavor == Flavor.MULTI_THREAD) {
      until(() -> gates.stream().allMatch(g -> g.cancels.get() > 0));
    }
  }

  private static void assertCancelledOnce(List<Gate<String>> gates) {
    for (Gate<String> g : gates) {
      assertEquals(1, g.cancels.get(), "each task's future is cancelled exactly once");
      assertFalse(g.cancelledDuringPoll, "cancel() never runs during a poll");
      assertFalse(g.concurrentPoll);
    }
  }

  @ParameterizedTest
  @EnumSource(Flavor.class)
  void abortAllCancelsEveryTaskOnceAndTheirJoinsSaySo(Flavor flavor) {
    try (AsyncRuntime rt = flavor.build(); JoinSet<String> set = JoinSet.on(rt)) {
      List<Gate<String>> gates = spawnGates(rt, set, 8);
      set.abortAll();
      set.abortAll(); // idempotent
      awaitCancels(flavor, gates);
      assertCancelledOnce(gates);
      assertEquals(8, set.size(), "aborted tasks stay in the set until joined");
      for (int i = 0; i < 8; i++) {
        assertThrows(CancelledException.class, () -> rt.blockOn(set.joinNext()));
      }
      assertTrue(set.isEmpty());
      assertCancelledOnce(gates);
    }
  }

  @ParameterizedTest
  @EnumSource(Flavor.class)
  void abortAllKeepsTheOutputOfATaskThatCompletedFirst(Flavor flavor) {
    try (AsyncRuntime rt = flavor.build(); JoinSet<String> set = JoinSet.on(rt)) {
      AbortHandle done = set.spawn(Futures.ready("kept"));
      until(rt, done::isFinished);
      set.abortAll();
      assertEquals("kept", rt.blockOn(set.joinNext()));
    }
  }

  @ParameterizedTest
  @EnumSource(Flavor.class)
  void shutdownAbortsEveryTaskAndCompletesWhenAllFinished(Flavor flavor) {
    try (AsyncRuntime rt = flavor.build(); JoinSet<String> set = JoinSet.on(rt)) {
      List<Gate<String>> gates = spawnGates(rt, set, 6);
      set.spawn(Futures.failed(new IllegalStateException("dropped by shutdown")));
      Future<Void> shutdown = set.shutdown();
      assertEquals(0, gates.get(0).cancels.get(), "shutdown() is lazy: nothing before its poll");
      assertNull(rt.blockOn(shutdown));
      assertTrue(set.isEmpty());
      assertCancelledOnce(gates);
      // The set can be used again after an await of shutdown(), as in Tokio.
      set.spawn(Futures.ready("again"));
      assertEquals(List.of("again"), rt.blockOn(set.joinAll()));
    }
  }

  @ParameterizedTest
  @EnumSource(Flavor.class)
  void closeInsideATaskCancelsItsRunningTasksBeforeTheBlockEnds(Flavor flavor) {
    int n = 5;
    List<Gate<String>> gates = new ArrayList<>();
    List<AbortHandle> handles = new ArrayList<>();
    AtomicReference<Thread> scopeThread = new AtomicReference<>();
    AtomicReference<String> afterBlock = new AtomicReference<>();
    Future<Void> main = Support.script(new Support.Step<>() {
      private JoinSet<String> set;

      @Override
      public Poll<Void> poll(Context cx) {
        if (set == null) {
          set = new JoinSet<>();
          for (int i = 0; i < n; i++) {
            Gate<String> g = new Gate<>();
            gates.add(g);
            handles.add(set.spawn(g));
          }
        }
        if (!gates.stream().allMatch(g -> g.polls.get() > 0)) {
          cx.waker().wake(); // yield until every task ran and suspended
          return Poll.pending();
        }
        scopeThread.set(Thread.currentThread());
        try (JoinSet<String> scope = set) {
          assertEquals(n, scope.size());
        }
        // Right after the block, on the task's own thread: nothing of the scope is running.
        afterBlock.set(
            handles.stream().allMatch(AbortHandle::isFinished)
                + " " + gates.stream().mapToInt(g -> g.cancels.get()).sum());
        return Poll.ready(null);
      }
    });
    // One worker on the multi-thread runtime: with two, a gate could still be inside the poll that
    // counted when close() runs, and would then rightly be cancelled by its worker, not the scope.
    AsyncRuntime.Builder builder = AsyncRuntime.builder();
    try (AsyncRuntime rt = flavor == Flavor.CURRENT_THREAD
        ? builder.currentThread().build()
        : builder.multiThread().workerThreads(1).build()) {
      rt.blockOn(rt.spawn(main));
    }
    assertEquals("true " + n, afterBlock.get());
    assertCancelledOnce(gates);
    for (Gate<String> g : gates) {
      assertSame(scopeThread.get(), g.cancelThread, "an idle task is cancelled by close() itself");
      assertEquals(1, g.polls.get(), "never polled after close()");
    }
  }

  /** A future whose first poll blocks its worker until released, then stays pending. */
  private static final class Stuck implements Future<String> {
    final CountDownLatch entered = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);
    final Gate<String> inner = new Gate<>();

    @Override
    public Poll<String> poll(Context cx) {
      entered.countDown();
      try {
        assertTrue(release.await(20, TimeUnit.SECONDS));
      } catch (InterruptedException e) {
        throw new AssertionError(e);
      }
      return inner.poll(cx);
    }

    @Override
    public void cancel() {
      inner.cancel();
    }
  }

  @Test
  void closeOnAWorkerDoesNotBlockAndARunningTaskIsCancelledWhenItsPollReturns() throws Exception {
    Stuck stuck = new Stuck();
    AtomicReference<AbortHandle> handle = new AtomicReference<>();
    AtomicBoolean closedWhileStuck = new AtomicBoolean();
    Future<Void> main = Support.script(cx -> {
      try (JoinSet<String> set = new JoinSet<>()) {
        handle.set(set.spawn(stuck));
        assertTrue(stuck.entered.await(10, TimeUnit.SECONDS)); // polled by the other worker
      }
      closedWhileStuck.set(stuck.release.getCount() == 1 && !handle.get().isFinished());
      return Poll.ready(null);
    });
    try (AsyncRuntime rt = Flavor.MULTI_THREAD.build()) {
      rt.blockOn(rt.spawn(main));
      assertTrue(closedWhileStuck.get(), "close() on a worker returned without waiting");
      assertEquals(0, stuck.inner.cancels.get(), "not cancelled in the middle of its poll");
      stuck.release.countDown();
      until(handle.get()::isFinished);
      assertEquals(1, stuck.inner.cancels.get(), "cancelled as soon as its poll returned");
      assertEquals(1, stuck.inner.polls.get(), "never polled again");
      assertFalse(stuck.inner.cancelledDuringPoll);
    }
  }

  @Test
  void closeOutsideARuntimeWaitsUntilARunningTaskFinishedItsCancellation() throws Exception {
    Stuck stuck = new Stuck();
    try (AsyncRuntime rt = Flavor.MULTI_THREAD.build()) {
      JoinSet<String> set = JoinSet.on(rt);
      List<Gate<String>> idle = spawnGates(rt, set, 3);
      AbortHandle h = set.spawn(stuck);
      assertTrue(stuck.entered.await(10, TimeUnit.SECONDS));
      CountDownLatch closed = new CountDownLatch(1);
      Thread closer = new Thread(() -> {
        set.close();
        closed.countDown();
      });
      closer.start();
      // close() must not return while the stuck task is still inside its poll.
      assertFalse(closed.await(200, TimeUnit.MILLISECONDS), "close() returned too early");
      assertCancelledOnce(idle);
      stuck.release.countDown();
      assertTrue(closed.await(10, TimeUnit.SECONDS));
      assertTrue(h.isFinished());
      assertEquals(1, stuck.inner.cancels.get());
      assertFalse(stuck.inner.cancelledDuringPoll);
      assertTrue(set.isEmpty());
      closer.join(10_000);
    }
  }

  @Test
  void closeOutsideACurrentThreadRuntimeCancelsTasksThatNeverRan() {
    try (AsyncRuntime rt = Flavor.CURRENT_THREAD.build()) {
      List<Gate<String>> gates = new ArrayList<>();
      try (JoinSet<String> set = JoinSet.on(rt)) {
        for (int i = 0; i < 4; i++) {
          Gate<String> g = new Gate<>();
          gates.add(g);
          set.spawn(g); // nobody drives the runtime: never polled
        }
      }
      assertCancelledOnce(gates);
      for (Gate<String> g : gates) {
        assertEquals(0, g.polls.get());
      }
      assertEquals(0, rt.liveTaskCount());
    }
  }

  @Test
  void closeOutsideARuntimeWaitsForABlockingJobThatStarted() throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger returned = new AtomicInteger();
    try (AsyncRuntime rt = Flavor.MULTI_THREAD.build()) {
      JoinSet<String> set = JoinSet.on(rt);
      set.spawnBlocking(() -> {
        started.countDown();
        assertTrue(release.await(20, TimeUnit.SECONDS));
        returned.incrementAndGet();
        return "done";
      });
      assertTrue(started.await(10, TimeUnit.SECONDS));
      CountDownLatch closed = new CountDownLatch(1);
      Thread closer = new Thread(() -> {
        set.close();
        closed.countDown();
      });
      closer.start();
      assertFalse(closed.await(200, TimeUnit.MILLISECONDS), "close() did not wait for the job");
      release.countDown();
      assertTrue(closed.await(10, TimeUnit.SECONDS));
      assertEquals(1, returned.get());
      closer.join(10_000);
    }
  }

  @ParameterizedTest
  @EnumSource(Flavor.class)
  void runtimeShutdownCancelsTheTasksOfASet(Flavor flavor) {
    AsyncRuntime rt = flavor.build();
    JoinSet<String> set = JoinSet.on(rt);
    List<Gate<String>> gates = spawnGates(rt, set, 3);
    rt.shutdown();
    assertCancelledOnce(gates);
    // The outcomes are there without a runtime: joinNext only polls the finished handles.
    for (int i = 0; i < 3; i++) {
      CancelledException e = assertThrows(CancelledException.class,
          () -> Futures.blockOn(set.joinNext()));
      assertTrue(e.getMessage().contains("runtime shut down"), e.getMessage());
    }
    set.close();
  }
}
