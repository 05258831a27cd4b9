/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.runtime.joinset;

import static dev.asyncfn.runtime.joinset.Support.afterYields;
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
import dev.asyncfn.runtime.Flavor;
import dev.asyncfn.runtime.Future;
import dev.asyncfn.runtime.Futures;
import dev.asyncfn.runtime.Gate;
import dev.asyncfn.runtime.JoinSet;
import dev.asyncfn.runtime.Poll;
import dev.asyncfn.runtime.RuntimeHandle;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The joins of a JoinSet: order, failures, empty sets, misuse. */
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class JoinSetTest {

  /** Spawns gates, completes them in {@code order}, one finished before the next is completed. */
  private static List<Gate<Integer>> completeInOrder(
      AsyncRuntime rt, JoinSet<Integer> set, int[] order) {
    List<Gate<Integer>> gates = new ArrayList<>();
    List<AbortHandle> handles = new ArrayList<>();
    for (int i = 0; i < order.length; i++) {
      Gate<Integer> g = new Gate<>();
      gates.add(g);
      handles.add(set.spawn(g));
    }
    until(rt, () -> gates.stream().allMatch(g -> g.polls.get() > 0));
    for (int i : order) {
      gates.get(i).complete(i);
      until(rt, handles.get(i)::isFinished);
    }
    return gates;
  }

  @ParameterizedTest
  @EnumSource(Flavor.class)
  void joinNextGivesTheOutputsInCompletionOrder(Flavor flavor) {
    int[] order = {3, 1, 4, 0, 2};
    try (AsyncRuntime rt = flavor.build(); JoinSet<Integer> set = JoinSet.on(rt)) {
      completeInOrder(rt, set, order);
      assertEquals(5, set.size());
      List<Integer> seen = new ArrayList<>();
      while (!set.isEmpty()) {
        seen.add(rt.blockOn(set.joinNext()));
      }
      assertEquals(List.of(3, 1, 4, 0, 2), seen);
      assertNull(rt.blockOn(set.joinNext()), "an empty set joins null");
    }
  }

  @ParameterizedTest
  @EnumSource(Flavor.class)
  void aSetOnAHandleSpawnsOnThatRuntime(Flavor flavor) {
    try (AsyncRuntime rt = flavor.build();
        JoinSet<RuntimeHandle> set = JoinSet.on(rt.handle())) {
      set.spawn(cx -> Poll.ready(RuntimeHandle.current()));
      set.spawnBlocking(RuntimeHandle::current);
      assertEquals(List.of(rt.handle(), rt.handle()), rt.blockOn(set.joinAll()));
    }
  }

  @ParameterizedTest
  @EnumSource(Flavor.class)
  void joinAllGivesEveryOutputInCompletionOrder(Flavor flavor) {
    try (AsyncRuntime rt = flavor.build(); JoinSet<Integer> set = JoinSet.on(rt)) {
      completeInOrder(rt, set, new int[] {2, 0, 1});
      assertEquals(List.of(2, 0, 1), rt.blockOn(set.joinAll()));
      assertTrue(set.isEmpty());
      assertEquals(List.of(), rt.blockOn(set.joinAll()), "an empty set joins an empty list");
    }
  }

  @ParameterizedTest
  @EnumSource(Flavor.class)
  void joinNextWaitsForATaskThatIsStillRunning(Flavor flavor) {
    try (AsyncRuntime rt = flavor.build(); JoinSet<String> set = JoinSet.on(rt)) {
      set.spawn(afterYields(50, "late"));
      assertEquals("late", rt.blockOn(set.joinNext()));
      assertTrue(set.isEmpty());
    }
  }

  @ParameterizedTest
  @EnumSource(Flavor.class)
  void aFailedTaskRethrowsItsExceptionUnchangedAndTheSetGoesOn(Flavor flavor) {
    IOException boom = new IOException("boom");
    try (AsyncRuntime rt = flavor.build(); JoinSet<String> set = JoinSet.on(rt)) {
      Gate<String> slow = new Gate<>();
      set.spawn(slow);
      AbortHandle failing = set.spawn(Futures.failed(boom));
      until(rt, failing::isFinished);
      IOException thrown = assertThrows(IOException.class, () -> rt.blockOn(set.joinNext()));
      assertSame(boom, thrown);
      assertEquals(1, set.size(), "the failed task left the set, the other stays");
      slow.complete("ok");
      assertEquals("ok", rt.blockOn(set.joinNext()));
      assertTrue(set.isEmpty());
    }
  }

  @ParameterizedTest
  @EnumSource(Flavor.class)
  void aTaskThatFailedBeforeTheSetSawItStillRethrowsUnchanged(Flavor flavor) {
    // On a multi-thread runtime a task may finish before spawn() registered with it.
    IllegalArgumentException boom = new IllegalArgumentException("early");
    try (AsyncRuntime rt = flavor.build(); JoinSet<Object> set = JoinSet.on(rt)) {
      for (int i = 0; i < 20; i++) {
        set.spawn(Futures.failed(boom));
      }
      for (int i = 0; i < 20; i++) {
        assertSame(boom, assertThrows(IllegalArgumentException.class,
            () -> rt.blockOn(set.joinNext())));
      }
      assertTrue(set.isEmpty());
    }
  }

  @ParameterizedTest
  @EnumSource(Flavor.class)
  void joiningAnAbortedTaskFailsWithCancelledException(Flavor flavor) {
    try (AsyncRuntime rt = flavor.build(); JoinSet<String> set = JoinSet.on(rt)) {
      Gate<String> gate = new Gate<>();
      AbortHandle h = set.spawn(gate);
      until(rt, () -> gate.polls.get() > 0);
      assertFalse(h.isFinished());
      h.abort();
      if (flavor == Flavor.CURRENT_THREAD) {
        // Nothing polls between until() and abort(): the task is idle, abort() cancels it itself.
        assertTrue(h.isFinished(), "an idle task is cancelled by abort() itself");
      } else {
        // A worker may still be returning from the poll that until() saw counted; the abort then
        // takes effect when that poll returns, so wait for it rather than race it.
        until(rt, h::isFinished);
      }
      assertEquals(1, gate.cancels.get());
      assertFalse(gate.cancelledDuringPoll);
      CancelledException e =
          assertThrows(CancelledException.class, () -> rt.blockOn(set.joinNext()));
      assertTrue(e.getMessage().startsWith("task was aborted"), e.getMessage());
      assertTrue(set.isEmpty());
    }
  }

  @ParameterizedTest
  @EnumSource(Flavor.class)
  void joinAllFailsWithTheFirstFailureAndAbortsTheRest(Flavor flavor) {
    IOException boom = new IOException("first");
    try (AsyncRuntime rt = flavor.build(); JoinSet<String> set = JoinSet.on(rt)) {
      Gate<String> pending = new Gate<>();
      set.spawn(pending);
      set.spawn(Futures.ready("fine"));
      Gate<String> failing = new Gate<>();
      set.spawn(failing);
      until(rt, () -> pending.polls.get() > 0 && failing.polls.get() > 0);
      failing.fail(boom);
      assertSame(boom, assertThrows(IOException.class, () -> rt.blockOn(set.joinAll())));
      if (flavor == Flavor.MULTI_THREAD) {
        until(() -> pending.cancels.get() > 0); // if its worker was still returning from the poll
      }
      assertEquals(1, pending.cancels.get(), "the task still running was aborted");
      assertFalse(pending.cancelledDuringPoll);
      assertEquals(1, set.size(), "the aborted task stays until the scope waits for it");
      assertThrows(CancelledException.class, () -> rt.blockOn(set.joinNext()));
      assertTrue(set.isEmpty());
    }
  }

  @ParameterizedTest
  @EnumSource(Flavor.class)
  void spawnBlockingJobsAreJoinedLikeTasks(Flavor flavor) {
    IOException boom = new IOException("io");
    try (AsyncRuntime rt = flavor.build(); JoinSet<Integer> set = JoinSet.on(rt)) {
      for (int i = 0; i < 5; i++) {
        int n = i;
        set.spawnBlocking(() -> n * n);
      }
      set.spawnBlocking(() -> {
        throw boom;
      });
      List<Integer> outputs = new ArrayList<>();
      AtomicReference<Throwable> failure = new AtomicReference<>();
      while (!set.isEmpty()) {
        try {
          outputs.add(rt.blockOn(set.joinNext()));
        } catch (Throwable e) { // the job's checked exception, rethrown as it is
          failure.set(e);
        }
      }
      outputs.sort(null);
      assertEquals(List.of(0, 1, 4, 9, 16), outputs);
      assertSame(boom, failure.get());
    }
  }

  @ParameterizedTest
  @EnumSource(Flavor.class)
  void aSetMadeInsideATaskSpawnsOnTheCurrentRuntime(Flavor flavor) {
    try (AsyncRuntime rt = flavor.build()) {
      // The set lives inside one task: spawned, joined and closed by it.
      Future<List<String>> main = Support.script(new Support.Step<>() {
        private JoinSet<String> set;
        private Future<List<String>> all;

        @Override
        public Poll<List<String>> poll(dev.asyncfn.runtime.Context cx) {
          if (set == null) {
            set = new JoinSet<>();
            set.spawn(afterYields(3, "a"));
            set.spawn(afterYields(1, "b"));
            all = set.joinAll();
          }
          Poll<List<String>> p = all.poll(cx);
          if (p.isReady()) {
            set.close();
          }
          return p;
        }
      });
      List<String> out = new ArrayList<>(rt.blockOn(rt.spawn(main)));
      out.sort(null);
      assertEquals(List.of("a", "b"), out);
      assertEquals(0, rt.liveTaskCount());
    }
  }

  @Test
  void spawnOutsideARuntimeIsAClearError() {
    JoinSet<String> set = new JoinSet<>();
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> set.spawn(Futures.ready("x")));
    assertTrue(e.getMessage().contains("called outside a runtime"), e.getMessage());
    assertTrue(set.isEmpty());
  }

  @ParameterizedTest
  @EnumSource(Flavor.class)
  void spawnAfterCloseIsAClearError(Flavor flavor) {
    try (AsyncRuntime rt = flavor.build()) {
      JoinSet<String> set = JoinSet.on(rt);
      set.close();
      set.close(); // idempotent
      IllegalStateException e =
          assertThrows(IllegalStateException.class, () -> set.spawn(Futures.ready("x")));
      assertTrue(e.getMessage().startsWith("JoinSet.spawn() called after the set was closed"),
          e.getMessage());
      assertThrows(IllegalStateException.class, () -> set.spawnBlocking(() -> "x"));
    }
  }

  @ParameterizedTest
  @EnumSource(Flavor.class)
  void aJoinFutureIsAwaitedOnce(Flavor flavor) {
    try (AsyncRuntime rt = flavor.build(); JoinSet<String> set = JoinSet.on(rt)) {
      set.spawn(Futures.ready("x"));
      Future<String> next = set.joinNext();
      assertEquals("x", rt.blockOn(next));
      IllegalStateException e = assertThrows(IllegalStateException.class, () -> rt.blockOn(next));
      assertTrue(e.getMessage().startsWith("JoinSet future polled after it completed"),
          e.getMessage());
    }
  }
}
