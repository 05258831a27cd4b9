/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.runtime.joinset;

import static dev.asyncfn.runtime.joinset.Support.afterYields;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.asyncfn.runtime.AbortHandle;
import dev.asyncfn.runtime.AsyncRuntime;
import dev.asyncfn.runtime.CancelledException;
import dev.asyncfn.runtime.Context;
import dev.asyncfn.runtime.Flavor;
import dev.asyncfn.runtime.Future;
import dev.asyncfn.runtime.JoinSet;
import dev.asyncfn.runtime.Poll;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** 10,000 tasks through one set, with aborts racing completions: every outcome seen once. */
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class JoinSetStressTest {
  private static final int TASKS = 10_000;

  @ParameterizedTest
  @EnumSource(Flavor.class)
  void tenThousandTasksThroughOneSetEachOutputSeenOnce(Flavor flavor) {
    BitSet seen = new BitSet(TASKS);
    int[] counts = new int[3]; // outputs, cancelled, duplicates
    Random random = new Random(42);
    Future<Void> main = Support.script(new Support.Step<>() {
      private JoinSet<Integer> set;
      private final List<AbortHandle> handles = new ArrayList<>();
      private Future<Integer> next;
      private int spawned;

      @Override
      public Poll<Void> poll(Context cx) {
        if (set == null) {
          set = new JoinSet<>();
        }
        // Spawn in batches while joining, so completions race the owner's spawns and joins.
        for (int k = 0; k < 500 && spawned < TASKS; k++, spawned++) {
          handles.add(set.spawn(afterYields(random.nextInt(4), spawned)));
          if (spawned % 10 == 9) {
            handles.get(random.nextInt(handles.size())).abort(); // races that task's completion
          }
        }
        while (!set.isEmpty() || spawned < TASKS) {
          if (next == null) {
            next = set.joinNext();
          }
          Poll<Integer> p;
          try {
            p = next.poll(cx);
          } catch (CancelledException e) {
            next = null;
            counts[1]++;
            continue;
          }
          if (p.isPending()) {
            if (spawned < TASKS) {
              cx.waker().wake(); // come back to spawn the next batch
            }
            return Poll.pending();
          }
          next = null;
          Integer i = p.get();
          if (i == null) {
            break; // empty for now: spawn more
          }
          if (seen.get(i)) {
            counts[2]++;
          }
          seen.set(i);
          counts[0]++;
          if (spawned < TASKS && counts[0] % 250 == 0) {
            cx.waker().wake();
            return Poll.pending();
          }
        }
        if (spawned < TASKS) {
          cx.waker().wake();
          return Poll.pending();
        }
        set.close();
        return Poll.ready(null);
      }
    });
    long start = System.nanoTime();
    try (AsyncRuntime rt = flavor.build()) {
      rt.blockOn(rt.spawn(main));
      assertEquals(0, rt.liveTaskCount());
    }
    long millis = (System.nanoTime() - start) / 1_000_000;
    assertEquals(0, counts[2], "no output seen twice");
    assertEquals(TASKS, counts[0] + counts[1], "every task's outcome seen exactly once");
    assertEquals(counts[0], seen.cardinality());
    assertTrue(counts[1] > 0 || flavor == Flavor.MULTI_THREAD, "some aborts won");
    assertTrue(millis < 10_000, "took " + millis + " ms");
  }

  @ParameterizedTest
  @EnumSource(Flavor.class)
  void tenThousandTasksJoinedAllAtOnceFromOutside(Flavor flavor) {
    try (AsyncRuntime rt = flavor.build(); JoinSet<Integer> set = JoinSet.on(rt)) {
      for (int i = 0; i < TASKS; i++) {
        set.spawn(afterYields(i % 3, i));
      }
      List<Integer> all = rt.blockOn(set.joinAll());
      assertEquals(TASKS, all.size());
      BitSet seen = new BitSet(TASKS);
      all.forEach(seen::set);
      assertEquals(TASKS, seen.cardinality(), "each output once");
      assertTrue(set.isEmpty());
    }
  }
}
