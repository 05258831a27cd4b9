/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.runtime.joinset;

import static dev.asyncfn.runtime.joinset.Support.afterYields;
import static dev.asyncfn.runtime.joinset.Support.until;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.asyncfn.runtime.AbortHandle;
import dev.asyncfn.runtime.AsyncRuntime;
import dev.asyncfn.runtime.Context;
import dev.asyncfn.runtime.Flavor;
import dev.asyncfn.runtime.Future;
import dev.asyncfn.runtime.Futures;
import dev.asyncfn.runtime.Gate;
import dev.asyncfn.runtime.JoinSet;
import dev.asyncfn.runtime.Poll;
import dev.asyncfn.runtime.Tasks;
import dev.asyncfn.runtime.combinator.Selected2;
import java.util.BitSet;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** joinNext() is cancel-safe: dropping it, or losing a select with it, loses no output. */
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class JoinSetCancelSafetyTest {

  @ParameterizedTest
  @EnumSource(Flavor.class)
  void aJoinNextThatLosesASelectLosesNoOutput(Flavor flavor) {
    try (AsyncRuntime rt = flavor.build(); JoinSet<String> set = JoinSet.on(rt)) {
      AbortHandle h = set.spawn(Futures.ready("kept"));
      until(rt, h::isFinished);
      // The select is biased: the ready future wins and joinNext() is cancelled unpolled.
      Selected2<String, String> s = rt.blockOn(Futures.select(Futures.ready("tick"), set.joinNext()));
      assertTrue(s.isFirst());
      assertEquals(1, set.size());
      assertEquals("kept", rt.blockOn(set.joinNext()));
    }
  }

  @ParameterizedTest
  @EnumSource(Flavor.class)
  void aPendingJoinNextDroppedAfterTheTaskFinishedLosesNothing(Flavor flavor) {
    try (AsyncRuntime rt = flavor.build(); JoinSet<String> set = JoinSet.on(rt)) {
      Gate<String> gate = new Gate<>();
      AbortHandle h = set.spawn(gate);
      AtomicInteger wakes = new AtomicInteger();
      Context counting = Context.of(wakes::incrementAndGet);
      Future<String> next = set.joinNext();
      assertTrue(next.poll(counting).isPending());
      until(rt, () -> gate.polls.get() > 0);
      gate.complete("finished while nobody polled");
      until(rt, h::isFinished);
      until(() -> wakes.get() > 0); // the completion woke the joinNext() poller
      next.cancel(); // dropped before it was polled again
      assertEquals(1, set.size());
      assertEquals("finished while nobody polled", rt.blockOn(set.joinNext()));
      assertTrue(set.isEmpty());
    }
  }

  @ParameterizedTest
  @EnumSource(Flavor.class)
  void joinNextInASelectLoopSeesEveryOutputOnce(Flavor flavor) {
    int n = 300;
    try (AsyncRuntime rt = flavor.build()) {
      BitSet seen = new BitSet(n);
      AtomicInteger lost = new AtomicInteger();
      AtomicInteger duplicates = new AtomicInteger();
      // One task owns the set; each turn races joinNext() against a yield, as a loop that also
      // serves a ticker would, so joinNext() keeps losing selects while tasks finish.
      Future<Void> main = Support.script(new Support.Step<>() {
        private JoinSet<Integer> set;
        private Future<Selected2<Void, Integer>> turn;

        @Override
        public Poll<Void> poll(Context cx) {
          if (set == null) {
            set = new JoinSet<>();
            for (int i = 0; i < n; i++) {
              set.spawn(afterYields(i % 7, i));
            }
          }
          while (!set.isEmpty()) {
            if (turn == null) {
              turn = Futures.select(Tasks.yieldNow(), set.joinNext());
            }
            Poll<Selected2<Void, Integer>> p = turn.poll(cx);
            if (p.isPending()) {
              return Poll.pending();
            }
            turn = null;
            Selected2<Void, Integer> s = p.get();
            if (s.isFirst()) {
              lost.incrementAndGet();
            } else {
              int i = s.second();
              if (seen.get(i)) {
                duplicates.incrementAndGet();
              }
              seen.set(i);
            }
          }
          set.close();
          return Poll.ready(null);
        }
      });
      rt.blockOn(rt.spawn(main));
      assertEquals(0, duplicates.get());
      assertEquals(n, seen.cardinality(), "every output seen once");
      if (flavor == Flavor.CURRENT_THREAD) {
        // Deterministic there: the set's tasks run only between the owner's polls, so some turns
        // find no finished task and the yield wins. On two workers every turn may find one ready.
        assertTrue(lost.get() > 0, "joinNext() lost selects along the way");
      }
      assertFalse(seen.isEmpty());
    }
  }
}
