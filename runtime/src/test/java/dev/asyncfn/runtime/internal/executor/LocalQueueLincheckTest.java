/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.runtime.internal.executor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.asyncfn.runtime.Future;
import dev.asyncfn.runtime.Poll;
import dev.asyncfn.runtime.internal.task.Scheduler;
import dev.asyncfn.runtime.internal.task.Task;
import dev.asyncfn.runtime.internal.task.TaskList;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jetbrains.lincheck.Lincheck;
import org.junit.jupiter.api.Test;

/**
 * The steal path of a worker's {@link LocalQueue} under Lincheck's model checker (the role loom
 * plays for Tokio's {@code queue.rs}): the owner pushes and pops at its end while thieves take half
 * of the queue into their own, on a queue small enough (4 slots) that its indexes wrap and slots
 * are reused during the scenario.
 *
 * <p>Forbidden outcomes, checked once every thread finished by counting where each task ended up
 * (popped by the owner, returned to a thief, moved to a thief's queue or the injector, or still in
 * the owner's queue):
 *
 * <ul>
 *   <li>a task taken twice (by the owner and a thief, or by two thieves): two executors would poll
 *       it at once;
 *   <li>a task lost (in no place at all): it would never run again;
 *   <li>a task that was never pushed, or a stale one from an earlier lap of the ring (a slot read
 *       after the owner reused it): the count of some task would be off.
 * </ul>
 *
 * <p>Self-contained (internal types of {@code executor} and {@code task} only), so that it moves
 * with those packages. The model checker assumes sequential consistency: a missing fence is outside
 * what it can find; the orderings it checks are the interleavings.
 */
class LocalQueueLincheckTest {
  private static final int INVOCATIONS = 50;

  /** The tasks' scheduler: nothing wakes or cancels them, the queue only moves them around. */
  private static final Scheduler NEVER_SCHEDULED =
      new Scheduler() {
        @Override
        public void schedule(Task<?> task) {}

        @Override
        public void cancelFuture(Future<?> future) {}
      };

  /**
   * {@code n} tasks that are never run: the queue only moves them around, so they are made once,
   * outside the scenarios (and the model checker explores the queue, not the task registry).
   */
  private static List<Task<?>> tasks(int n) {
    TaskList list = new TaskList(NEVER_SCHEDULED, "test");
    List<Task<?>> all = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      all.add((Task<?>) list.spawn(cx -> Poll.pending(), null, null));
    }
    return all;
  }

  /** Where each task ended up: each must be in exactly one place. */
  private static void assertEachTaskOnce(List<Task<?>> pushed, List<Task<?>> found) {
    Map<Task<?>, Integer> count = new HashMap<>();
    for (Task<?> t : found) {
      count.merge(t, 1, Integer::sum);
    }
    for (Task<?> t : pushed) {
      // Messages built only on failure: string building is costly under the model checker.
      assertEquals(1, count.getOrDefault(t, 0), () -> "a task taken twice or lost: " + count);
    }
    assertEquals(
        pushed.size(), found.size(), () -> "a task that was never pushed came out: " + found);
  }

  private static void drainInto(LocalQueue q, List<Task<?>> into) {
    for (Task<?> t = q.pop(); t != null; t = q.pop()) {
      into.add(t);
    }
  }

  private static void drainInto(Injector q, List<Task<?>> into) {
    for (Task<?> t = q.pop(); t != null; t = q.pop()) {
      into.add(t);
    }
  }

  private static Thread start(Runnable r) {
    Thread t = new Thread(r);
    t.start();
    return t;
  }

  private static void join(Thread... threads) {
    for (Thread t : threads) {
      try {
        t.join();
      } catch (InterruptedException e) {
        throw new AssertionError(e);
      }
    }
  }

  @Test
  void theOwnerPushingAndPoppingWhileAThiefStealsTakesEachTaskOnce() {
    List<Task<?>> all = tasks(5);
    Lincheck.runConcurrentTest(
        INVOCATIONS,
        () -> {
          LocalQueue victim = new LocalQueue(4);
          LocalQueue thiefQueue = new LocalQueue(4);
          Injector injector = new Injector();
          victim.push(all.get(0));
          victim.push(all.get(1));
          victim.push(all.get(2));
          List<Task<?>> ownerTook = new ArrayList<>();
          List<Task<?>> thiefTook = new ArrayList<>();
          Thread owner =
              start(
                  () -> {
                    ownerTook.add(victim.pop());
                    // the slot of the popped task is reused at once: the ring wraps
                    if (!victim.push(all.get(3))) {
                      injector.push(all.get(3));
                    }
                    if (!victim.push(all.get(4))) {
                      injector.push(all.get(4));
                    }
                  });
          Thread thief =
              start(
                  () -> {
                    Task<?> t = victim.stealHalfInto(thiefQueue, injector);
                    if (t != null) {
                      thiefTook.add(t);
                    }
                  });
          join(owner, thief);
          List<Task<?>> found = new ArrayList<>();
          for (Task<?> t : ownerTook) {
            if (t != null) {
              found.add(t);
            }
          }
          found.addAll(thiefTook);
          drainInto(thiefQueue, found);
          drainInto(injector, found);
          drainInto(victim, found);
          assertEachTaskOnce(all, found);
        });
  }

  @Test
  void twoThievesAndTheOwnerTakeEachTaskOnce() {
    List<Task<?>> all = tasks(4);
    Lincheck.runConcurrentTest(
        INVOCATIONS,
        () -> {
          LocalQueue victim = new LocalQueue(4);
          LocalQueue[] thieves = {new LocalQueue(4), new LocalQueue(4)};
          Injector injector = new Injector();
          for (Task<?> t : all) {
            victim.push(t);
          }
          Task<?>[] took = new Task<?>[3];
          Thread owner = start(() -> took[0] = victim.pop());
          Thread thief1 = start(() -> took[1] = victim.stealHalfInto(thieves[0], injector));
          Thread thief2 = start(() -> took[2] = victim.stealHalfInto(thieves[1], injector));
          join(owner, thief1, thief2);
          List<Task<?>> found = new ArrayList<>();
          for (Task<?> t : took) {
            if (t != null) {
              found.add(t);
            }
          }
          drainInto(thieves[0], found);
          drainInto(thieves[1], found);
          drainInto(injector, found);
          drainInto(victim, found);
          assertEachTaskOnce(all, found);
        });
  }
}
