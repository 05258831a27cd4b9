/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.runtime.lincheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.asyncfn.runtime.CancelledException;
import dev.asyncfn.runtime.JoinHandle;
import dev.asyncfn.runtime.Poll;
import dev.asyncfn.runtime.internal.task.Task;
import dev.asyncfn.runtime.internal.task.TaskList;
import org.junit.jupiter.api.Test;

/**
 * The races of a task's life that are not one operation against another but a poll in progress
 * against the rest: two executors, abort during a poll, abort against abort, shutdown against a
 * running poll, the join waker against completion. Each scenario runs under Lincheck's model
 * checker ({@code runConcurrentTest}, as Tokio runs its task cell under loom) and asserts, once
 * every thread finished and the queue was drained, what the task promises:
 *
 * <ul>
 *   <li>the outcome is delivered exactly once: the output, or {@link CancelledException} if an
 *       abort (or shutdown) came before the future returned ready (a poll that returned ready
 *       wins), and a second await of the handle is misuse;
 *   <li>the future's {@code cancel()} (its {@code finally}) ran exactly once if the outcome is the
 *       cancellation, never otherwise, and never during a poll ({@link Controlled});
 *   <li>no wake-up is lost: a task woken after its output was set gets polled and finishes; a
 *       joiner that saw pending is woken;
 *   <li>the task is never in the run queue twice, never polled on two threads at once.
 * </ul>
 */
class TaskRacesLincheckTest {
  private static final int INVOCATIONS = 300;

  /** Drains the queue on the calling thread, as an executor would once the wakes arrived. */
  private static void drain(TaskLifecycleLincheckTest.RunQueue queue) {
    for (Task<?> t = queue.poll(); t != null; t = queue.poll()) {
      t.run();
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

  /** What the handle gives once the task finished: "ready:v" or "threw:Name". */
  private static String outcome(JoinHandle<Integer> handle, TestTask joiner) {
    Slot s = new Slot(joiner);
    Object r = s.poll(() -> handle);
    assertTrue(!Slot.PENDING.equals(r), "the task did not finish: a wake-up was lost");
    assertThrows(IllegalStateException.class, () -> handle.poll(joiner), "outcome given twice");
    return (String) r;
  }

  private static void assertCancelledOnce(String outcome, Controlled future) {
    assertEquals(
        outcome.equals("threw:CancelledException") ? 1 : 0,
        future.cancels(),
        "cancel() runs exactly once for a cancelled task, never for one that completed");
    future.verify();
  }

  @Test
  void twoExecutorsRacingAWakeFromAThirdThreadPollOnceAtATime() {
    Bounds.runConcurrentTest(
        INVOCATIONS,
        () -> {
          TaskLifecycleLincheckTest.RunQueue queue = new TaskLifecycleLincheckTest.RunQueue();
          Controlled future = new Controlled();
          JoinHandle<Integer> handle = new TaskList(queue, "test").spawn(future, null, null);
          // Queued, not polled yet: the output may come before, during or after the first poll.
          Thread waker = start(() -> future.complete(7));
          Thread worker1 = start(() -> drain(queue));
          Thread worker2 = start(() -> drain(queue));
          joinAll(waker, worker1, worker2);
          drain(queue);
          queue.verify();
          String outcome = outcome(handle, new TestTask());
          assertEquals("ready:7", outcome);
          assertCancelledOnce(outcome, future);
        });
  }

  @Test
  void anAbortDuringAPollCancelsWhenThePollReturnsUnlessItWasReady() {
    Bounds.runConcurrentTest(
        INVOCATIONS,
        () -> {
          TaskLifecycleLincheckTest.RunQueue queue = new TaskLifecycleLincheckTest.RunQueue();
          Controlled future = new Controlled();
          JoinHandle<Integer> handle = new TaskList(queue, "test").spawn(future, null, null);
          drain(queue);
          Thread completer = start(() -> future.complete(7));
          Thread aborter = start(handle::abort);
          Thread worker = start(() -> drain(queue));
          joinAll(completer, aborter, worker);
          drain(queue);
          queue.verify();
          String outcome = outcome(handle, new TestTask());
          assertTrue(
              outcome.equals("ready:7") || outcome.equals("threw:CancelledException"), outcome);
          assertCancelledOnce(outcome, future);
        });
  }

  @Test
  void twoAbortsCancelTheFutureOnce() {
    Bounds.runConcurrentTest(
        INVOCATIONS,
        () -> {
          TaskLifecycleLincheckTest.RunQueue queue = new TaskLifecycleLincheckTest.RunQueue();
          Controlled future = new Controlled();
          JoinHandle<Integer> handle = new TaskList(queue, "test").spawn(future, null, null);
          Thread a = start(handle::abort);
          Thread b = start(handle::abort);
          Thread worker = start(() -> drain(queue));
          joinAll(a, b, worker);
          drain(queue);
          queue.verify();
          String outcome = outcome(handle, new TestTask());
          assertEquals("threw:CancelledException", outcome);
          assertCancelledOnce(outcome, future);
        });
  }

  @Test
  void shutdownRacingARunningPollAndAWakeCancelsOnceOrLetsItFinish() {
    Bounds.runConcurrentTest(
        INVOCATIONS / 3, // the costliest scenario here (a registry lock, three threads)
        () -> {
          TaskLifecycleLincheckTest.RunQueue queue = new TaskLifecycleLincheckTest.RunQueue();
          Controlled future = new Controlled();
          TaskList list = new TaskList(queue, "test");
          JoinHandle<Integer> handle = list.spawn(future, null, null);
          drain(queue);
          Thread completer = start(() -> future.complete(3));
          Thread shutdown = start(list::closeAndCancelAll);
          Thread worker = start(() -> drain(queue));
          joinAll(completer, shutdown, worker);
          drain(queue);
          queue.verify();
          String outcome = outcome(handle, new TestTask());
          assertTrue(
              outcome.equals("ready:3") || outcome.equals("threw:CancelledException"), outcome);
          assertCancelledOnce(outcome, future);
          assertEquals(0, list.size(), "a finished task leaves the registry");
        });
  }

  @Test
  void aJoinerThatSawPendingIsWokenByTheCompletion() {
    Bounds.runConcurrentTest(
        INVOCATIONS,
        () -> {
          TaskLifecycleLincheckTest.RunQueue queue = new TaskLifecycleLincheckTest.RunQueue();
          Controlled future = new Controlled();
          JoinHandle<Integer> handle = new TaskList(queue, "test").spawn(future, null, null);
          drain(queue);
          TestTask joiner = new TestTask();
          Object[] first = new Object[1];
          Thread join = start(() -> first[0] = handle.poll(joiner).isReady() ? "ready" : "pending");
          Thread worker =
              start(
                  () -> {
                    future.complete(5);
                    drain(queue);
                  });
          joinAll(join, worker);
          if ("pending".equals(first[0])) {
            assertTrue(joiner.wakes() > 0, "the joiner saw pending and was never woken");
            Poll<Integer> p = handle.poll(joiner);
            assertEquals(5, p.get());
          }
          future.verify();
        });
  }

  @Test
  void detachingWhileTheTaskCompletesLeavesItsOutcomeAlone() {
    Bounds.runConcurrentTest(
        INVOCATIONS,
        () -> {
          TaskLifecycleLincheckTest.RunQueue queue = new TaskLifecycleLincheckTest.RunQueue();
          Controlled future = new Controlled();
          JoinHandle<Integer> handle = new TaskList(queue, "test").spawn(future, null, null);
          drain(queue);
          TestTask joiner = new TestTask();
          assertTrue(handle.poll(joiner).isPending());
          Thread detach = start(handle::cancel);
          Thread worker =
              start(
                  () -> {
                    future.complete(9);
                    drain(queue);
                  });
          joinAll(detach, worker);
          assertTrue(handle.isFinished());
          assertEquals(0, future.cancels(), "detaching does not cancel the task");
          future.verify();
          queue.verify();
        });
  }
}
