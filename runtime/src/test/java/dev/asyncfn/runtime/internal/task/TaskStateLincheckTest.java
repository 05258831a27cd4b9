/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.runtime.internal.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.asyncfn.runtime.Context;
import dev.asyncfn.runtime.Future;
import dev.asyncfn.runtime.Poll;
import dev.asyncfn.runtime.Waker;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.jetbrains.lincheck.Lincheck;
import org.junit.jupiter.api.Test;

/**
 * The task's state word and its join-waker slot under Lincheck's model checker (Tokio checks the
 * same with loom): each scenario names the outcome that must never happen, and the model checker
 * looks for an interleaving that produces it.
 *
 * <p>Self-contained (internal types of {@code task} only), so that it moves with that package. The
 * model checker assumes sequential consistency: it checks every interleaving of the CAS steps, not
 * the JMM's reorderings of plain accesses.
 */
class TaskStateLincheckTest {
  private static final int INVOCATIONS = 300;

  /** A run queue that records a task queued while it is still queued (forbidden). */
  private static final class Queue implements Scheduler {
    private final ArrayDeque<Task<?>> q = new ArrayDeque<>();
    volatile boolean twice;

    @Override
    public synchronized void schedule(Task<?> task) {
      if (q.contains(task)) {
        twice = true;
      }
      q.addLast(task);
    }

    /** No runtime to enter: the future's {@code cancel()} runs on the cancelling thread. */
    @Override
    public void cancelFuture(Future<?> future) {
      future.cancel();
    }

    synchronized Task<?> poll() {
      return q.pollFirst();
    }

    void drain() {
      for (Task<?> t = poll(); t != null; t = poll()) {
        t.run();
      }
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

  /**
   * NOTIFIED and RUNNING: wakes from other threads while the task is queued, running, or idle.
   * Forbidden: a wake after which the task is never polled again (a lost wake-up: the last poll
   * started before the last wake and nothing is queued); the task in the queue twice; two polls at
   * once.
   */
  @Test
  void everyWakeIsFollowedByAPollAndNeverByTwoAtOnce() {
    Lincheck.runConcurrentTest(
        INVOCATIONS,
        () -> {
          Queue queue = new Queue();
          AtomicInteger wakes = new AtomicInteger();
          AtomicInteger seenAtLastPoll = new AtomicInteger(-1);
          AtomicInteger polling = new AtomicInteger();
          boolean[] overlapped = new boolean[1];
          Future<Void> never =
              cx -> {
                if (polling.incrementAndGet() != 1) {
                  overlapped[0] = true;
                }
                seenAtLastPoll.set(wakes.get());
                polling.decrementAndGet();
                return Poll.pending();
              };
          Task<Void> task = new TaskList(queue, "test").spawn(never, null, null);
          Thread worker1 = start(queue::drain);
          Thread worker2 = start(queue::drain);
          Thread waker =
              start(
                  () -> {
                    wakes.incrementAndGet();
                    task.wake();
                    wakes.incrementAndGet();
                    task.wake();
                  });
          join(worker1, worker2, waker);
          queue.drain();
          assertTrue(!queue.twice, "the task was queued while it was still queued");
          assertTrue(!overlapped[0], "the task was polled on two threads at once");
          assertEquals(wakes.get(), seenAtLastPoll.get(), "a wake was not followed by a poll");
        });
  }

  /**
   * The join-waker slot, replaced by a second poll with another waker, against completion.
   * Forbidden: the joiner's last poll said pending and the waker it left was never woken.
   */
  @Test
  void theWakerOfTheJoinersLastPendingPollIsWoken() {
    Lincheck.runConcurrentTest(
        INVOCATIONS,
        () -> {
          Queue queue = new Queue();
          boolean[] ready = new boolean[1];
          Task<Integer> task =
              new TaskList(queue, "test")
                  .spawn(
                      cx -> {
                        synchronized (ready) {
                          return ready[0] ? Poll.ready(1) : Poll.pending();
                        }
                      },
                      null,
                      null);
          queue.drain(); // polled once: pending
          AtomicInteger wokenA = new AtomicInteger();
          AtomicInteger wokenB = new AtomicInteger();
          Waker a = wokenA::incrementAndGet;
          Waker b = wokenB::incrementAndGet;
          boolean[] lastPending = new boolean[1];
          Thread joiner =
              start(
                  () -> {
                    if (task.poll(Context.of(a)).isPending()) {
                      lastPending[0] = task.poll(Context.of(b)).isPending();
                    }
                  });
          Thread completer =
              start(
                  () -> {
                    synchronized (ready) {
                      ready[0] = true;
                    }
                    task.wake();
                    queue.drain();
                  });
          join(joiner, completer);
          if (lastPending[0]) {
            assertTrue(wokenB.get() > 0, "the last join waker was never woken: a lost wake-up");
          }
        });
  }

  /**
   * {@code toCompletableFuture} installs its waker in the slot and then looks at the state, against
   * completion. Forbidden: a CompletableFuture that is never completed.
   */
  @Test
  void aCompletableFutureTakenWhileTheTaskCompletesIsCompleted() {
    Lincheck.runConcurrentTest(
        INVOCATIONS,
        () -> {
          Queue queue = new Queue();
          Task<Integer> task = new TaskList(queue, "test").spawn(cx -> Poll.ready(7), null, null);
          CompletableFuture<?>[] cf = new CompletableFuture<?>[1];
          Thread converter = start(() -> cf[0] = task.toCompletableFuture());
          Thread worker = start(queue::drain);
          join(converter, worker);
          assertTrue(cf[0].isDone(), "the CompletableFuture was never completed");
          assertEquals(7, cf[0].join());
        });
  }
}
