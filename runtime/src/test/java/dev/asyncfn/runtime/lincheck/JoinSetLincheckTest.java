/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.runtime.lincheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.asyncfn.runtime.AbortHandle;
import dev.asyncfn.runtime.AsyncRuntime;
import dev.asyncfn.runtime.JoinSet;
import dev.asyncfn.runtime.Tasks;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link JoinSet} under Lincheck's model checker: the set's owner takes outcomes with {@code
 * joinNext()} (and drops a pending {@code joinNext()}, which is cancel-safe) while the tasks are
 * run by the thread driving a current-thread runtime, completed from a third thread and aborted
 * from a fourth. Once every thread finished and the remaining tasks ran, each task's outcome must
 * have come out of the set exactly once (the output, or {@code CancelledException} when the abort
 * came before the future was ready), each aborted future cancelled exactly once, no joinNext() left
 * waiting without a wake.
 *
 * <p>Scenarios with their outcomes asserted, not operations against a sequential specification: an
 * abort that finds its task being polled takes effect when the poll returns, which no
 * one-operation-at-a-time specification can hold.
 */
class JoinSetLincheckTest {
  /**
   * Interleavings per scenario. Each builds a runtime, which makes these the costliest Lincheck
   * scenarios of the build: the lost wake-up of {@code pollNext} (MUTATIONS.md M15) needs 40; the
   * abort scenarios run 20, at which a running task cancelled at once (M13, caught by
   * TaskRacesLincheckTest and TaskCombinationsTest) is no longer found here (it was at 40).
   */
  private static final int INVOCATIONS = 40;

  private static final int ABORT_INVOCATIONS = 20;

  /** One scenario's world: a current-thread runtime, a set of two tasks, their futures. */
  private static final class World {
    final AsyncRuntime rt = AsyncRuntime.builder().currentThread().build();
    final JoinSet<Integer> set = JoinSet.on(rt);
    final Controlled[] futures = {new Controlled(), new Controlled()};
    final AbortHandle[] aborts = {set.spawn(futures[0]), set.spawn(futures[1])};
    final List<String> outcomes = new ArrayList<>();
    final TestTask owner = new TestTask();

    /** Runs every task that is queued now, on the calling thread. */
    void runQueued() {
      rt.blockOn(Tasks.yieldNow());
    }

    /** The owner: one poll of joinNext() per call, keeping what it gives. */
    Object joinNextOnce(Slot slot) {
      Object r = slot.poll(set::joinNext);
      if (!Slot.PENDING.equals(r) && !"ready:null".equals(r)) {
        outcomes.add((String) r);
      }
      return r;
    }

    /** After the threads: run what is left and take every outcome still in the set. */
    void finish() {
      Slot slot = new Slot(owner);
      for (int i = 0; i < 4 && !set.isEmpty(); i++) {
        runQueued();
        while (!set.isEmpty() && !Slot.PENDING.equals(joinNextOnce(slot))) {
          // take everything that is ready
        }
      }
      assertTrue(set.isEmpty(), "a task's outcome never reached the set");
      // No shutdown: a current-thread runtime that never spawned a blocking job holds no thread,
      // and its shutdown's bounded waits read the clock, which the model checker takes for a loop
      // that never ends.
    }

    void assertEachOutcomeOnce() {
      // Messages built only on failure: string building is costly under the model checker.
      assertEquals(2, outcomes.size(), () -> "one outcome per task: " + outcomes);
      for (int i = 0; i < 2; i++) {
        futures[i].verify();
      }
      long cancelled = outcomes.stream().filter("threw:CancelledException"::equals).count();
      assertEquals(
          cancelled,
          futures[0].cancels() + futures[1].cancels(),
          () -> "every cancelled task's future cancelled once, no other: " + outcomes);
    }
  }

  private static Thread start(Runnable r) {
    Thread t = new Thread(r);
    t.start();
    return t;
  }

  private static void joinAll(Thread... threads) {
    for (Thread t : threads) {
      try {
        t.join();
      } catch (InterruptedException e) {
        throw new AssertionError(e);
      }
    }
  }

  @Test
  void outcomesComeOutOnceWhileTasksCompleteAndAbortOnOtherThreads() {
    Bounds.runConcurrentTest(
        ABORT_INVOCATIONS,
        () -> {
          World w = new World();
          w.runQueued(); // both polled once: pending
          Slot slot = new Slot(w.owner);
          Thread owner =
              start(
                  () -> {
                    w.joinNextOnce(slot);
                    w.joinNextOnce(slot);
                  });
          Thread driver = start(w::runQueued);
          Thread completer =
              start(
                  () -> {
                    w.futures[0].complete(1);
                    w.futures[1].complete(2);
                  });
          Thread aborter = start(w.aborts[1]::abort);
          joinAll(owner, driver, completer, aborter);
          slot.verify();
          w.owner.verify();
          w.finish();
          w.assertEachOutcomeOnce();
          assertTrue(w.outcomes.contains("ready:1"), () -> w.outcomes.toString());
        });
  }

  @Test
  void aPendingJoinNextIsWokenByTheTaskThatFinishes() {
    Bounds.runConcurrentTest(
        INVOCATIONS,
        () -> {
          World w = new World();
          w.runQueued();
          Slot slot = new Slot(w.owner);
          Thread owner = start(() -> w.joinNextOnce(slot));
          Thread driver =
              start(
                  () -> {
                    w.futures[0].complete(1);
                    w.runQueued();
                  });
          joinAll(owner, driver);
          // Only now may anything else wake the owner: a pending joinNext() was woken by the one
          // completion, or it did not miss it.
          slot.verify();
          w.owner.verify();
          w.aborts[1].abort();
          w.finish();
          w.assertEachOutcomeOnce();
        });
  }

  @Test
  void aDroppedJoinNextLosesNoOutcome() {
    Bounds.runConcurrentTest(
        ABORT_INVOCATIONS,
        () -> {
          World w = new World();
          w.runQueued();
          Thread owner =
              start(
                  () -> {
                    Slot dropped = new Slot(w.owner);
                    w.joinNextOnce(dropped);
                    dropped.cancel(); // lost a select
                  });
          Thread driver = start(w::runQueued);
          Thread completer =
              start(
                  () -> {
                    w.futures[1].complete(2);
                    w.futures[0].complete(1);
                  });
          joinAll(owner, driver, completer);
          w.finish();
          w.assertEachOutcomeOnce();
          assertTrue(
              w.outcomes.containsAll(List.of("ready:1", "ready:2")), () -> w.outcomes.toString());
        });
  }

  @Test
  void abortAllWhileTheDriverPollsCancelsEachUnfinishedTaskOnce() {
    Bounds.runConcurrentTest(
        ABORT_INVOCATIONS,
        () -> {
          World w = new World();
          w.runQueued();
          Thread owner = start(w.set::abortAll);
          Thread driver = start(w::runQueued);
          Thread completer = start(() -> w.futures[0].complete(1));
          joinAll(owner, driver, completer);
          w.finish();
          w.assertEachOutcomeOnce();
          assertTrue(w.outcomes.contains("threw:CancelledException"), () -> w.outcomes.toString());
        });
  }
}
