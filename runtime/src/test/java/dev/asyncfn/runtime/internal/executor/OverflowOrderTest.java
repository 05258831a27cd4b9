/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.runtime.internal.executor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.asyncfn.runtime.AsyncRuntime;
import dev.asyncfn.runtime.Future;
import dev.asyncfn.runtime.JoinHandle;
import dev.asyncfn.runtime.Poll;
import dev.asyncfn.runtime.Tasks;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A burst of tasks larger than a worker's queue (256) runs in about the order it was scheduled,
 * as a selector loop serves its ready keys: the tasks that did not fit wait behind the ones that
 * did. Moving the queue's older half to the injector on overflow (Tokio's way) ran the newest few
 * hundred of every burst first, which at 10,000 echo connections was the p99.
 */
class OverflowOrderTest {
  private static final int BURST = 1_000;

  @Test
  void aBurstLargerThanTheQueueRunsInTheOrderItCame() {
    assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
      int[] ranAt = new int[BURST];
      AtomicInteger position = new AtomicInteger();
      try (AsyncRuntime rt = AsyncRuntime.builder().multiThread().workerThreads(1).build()) {
        // Spawned from the worker, so every task goes to its local queue, then overflows.
        List<JoinHandle<Void>> handles =
            rt.blockOn(
                rt.spawn(
                    cx -> {
                      List<JoinHandle<Void>> spawned = new ArrayList<>();
                      for (int i = 0; i < BURST; i++) {
                        int index = i;
                        Future<Void> record =
                            cx2 -> {
                              ranAt[index] = position.getAndIncrement();
                              return Poll.ready(null);
                            };
                        spawned.add(Tasks.spawn(record));
                      }
                      return Poll.ready(spawned);
                    }));
        for (JoinHandle<Void> h : handles) {
          rt.blockOn(h);
        }
      }
      assertEquals(BURST, position.get());
      // Lateness: how many places after its turn a task ran. Only the injector's share (one
      // task in 61, taken ahead for fairness) may pass the queued ones; the old overflow made
      // the first tasks wait behind the last 128 to 256.
      int latest = 0;
      int latestTask = -1;
      for (int i = 0; i < BURST; i++) {
        if (ranAt[i] - i > latest) {
          latest = ranAt[i] - i;
          latestTask = i;
        }
      }
      assertTrue(
          latest <= BURST / 61 + 4,
          "task " + latestTask + " ran " + latest + " places after its turn");
    });
  }
}
