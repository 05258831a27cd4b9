/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.runtime.internal.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.asyncfn.runtime.AsyncRuntime;
import dev.asyncfn.runtime.CancelledException;
import dev.asyncfn.runtime.Context;
import dev.asyncfn.runtime.Future;
import dev.asyncfn.runtime.JoinHandle;
import dev.asyncfn.runtime.Poll;
import dev.asyncfn.runtime.Tasks;
import dev.asyncfn.runtime.Waker;
import dev.asyncfn.runtime.Flavor;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every way a task can end, as Tokio's {@code task_combinations}: {current-thread, multi-thread} x
 * {output ready at the first poll, ready after a wake, the poll throws} x {handle awaited, dropped,
 * aborted before the first poll, aborted while it is being polled, aborted after the task finished}
 * x {runtime shut down before the outcome is read, after}. For each of the 60, it asserts the
 * outcome (the output, the very exception, or {@link CancelledException}) is the one the rules give
 * and is delivered exactly once (a second await of the handle is misuse), and that the future's
 * {@code finally} (its clean-up, counted: at completion or in {@code cancel()}) ran exactly once.
 *
 * <p>Deterministic: every step waits on a latch of the future (entered its poll, finished), never
 * on time; the latch waits are bounded only so that a bug fails the test instead of hanging it.
 */
@Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class TaskCombinationsTest {
  private static final int OUTPUT = 42;

  enum Output {
    READY,
    AFTER_WAKE,
    THROWS
  }

  enum Handle {
    AWAITED,
    DROPPED,
    ABORTED_BEFORE_RUNNING,
    ABORTED_WHILE_RUNNING,
    ABORTED_AFTER_RUNNING
  }

  enum Shutdown {
    BEFORE,
    AFTER
  }

  static Stream<Arguments> combinations() {
    List<Arguments> all = new ArrayList<>();
    for (Flavor f : Flavor.values()) {
      for (Output o : Output.values()) {
        for (Handle h : Handle.values()) {
          for (Shutdown s : Shutdown.values()) {
            all.add(Arguments.of(f, o, h, s));
          }
        }
      }
    }
    return all.stream();
  }

  /** The failure of {@link Output#THROWS}: the handle must rethrow this very object. */
  static final class Boom extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Boom() {
      super("the task's poll threw");
    }
  }

  /**
   * A hand-written future standing for an {@code @Async} method with a {@code finally}: its
   * clean-up runs when it completes (ready or throwing) or, if it never does, in {@code cancel()}.
   * The test may hold its first poll (to abort during it) and gives it its output after a wake.
   */
  static final class Counted implements Future<Integer> {
    final Output output;
    final boolean holdFirstPoll;
    final CountDownLatch enteredPoll = new CountDownLatch(1);
    final CountDownLatch releasePoll = new CountDownLatch(1);
    final CountDownLatch firstPollDone = new CountDownLatch(1);
    final CountDownLatch cleanedUp = new CountDownLatch(1);
    final AtomicInteger polls = new AtomicInteger();
    final AtomicInteger cleanups = new AtomicInteger();
    final AtomicInteger cancels = new AtomicInteger();
    final Boom boom = new Boom();
    private volatile boolean woken;
    private volatile boolean done;
    private volatile Waker waker;

    Counted(Output output, boolean holdFirstPoll) {
      this.output = output;
      this.holdFirstPoll = holdFirstPoll;
    }

    @Override
    public Poll<Integer> poll(Context cx) {
      int n = polls.incrementAndGet();
      if (done) {
        throw new AssertionError("polled after it completed or was cancelled");
      }
      try {
        if (n == 1 && holdFirstPoll) {
          enteredPoll.countDown();
          await(releasePoll);
        }
        switch (output) {
          case READY:
            return finish(Poll.ready(OUTPUT));
          case THROWS:
            cleanUp();
            throw boom;
          default:
            synchronized (this) {
              if (!woken) {
                waker = cx.waker();
                return Poll.pending();
              }
            }
            return finish(Poll.ready(OUTPUT));
        }
      } finally {
        firstPollDone.countDown();
      }
    }

    /** The output of {@link Output#AFTER_WAKE} arrives: wakes the task. */
    void complete() {
      Waker w;
      synchronized (this) {
        woken = true;
        w = waker;
      }
      if (w != null) {
        w.wake();
      }
    }

    private Poll<Integer> finish(Poll<Integer> p) {
      cleanUp();
      return p;
    }

    private void cleanUp() {
      done = true;
      cleanups.incrementAndGet();
      cleanedUp.countDown();
    }

    @Override
    public void cancel() {
      cancels.incrementAndGet();
      if (done) {
        throw new AssertionError("cancelled after it completed");
      }
      cleanUp();
    }
  }

  @ParameterizedTest(name = "{0}, output {1}, handle {2}, shutdown {3}")
  @MethodSource("combinations")
  void theOutcomeAndTheCleanUpHappenExactlyOnce(
      Flavor flavor, Output output, Handle handle, Shutdown shutdown) throws Exception {
    Counted future = new Counted(output, handle == Handle.ABORTED_WHILE_RUNNING);
    AsyncRuntime rt = flavor.build();
    Blockers blockers = null;
    try {
      if (handle == Handle.ABORTED_BEFORE_RUNNING && flavor == Flavor.MULTI_THREAD) {
        blockers = Blockers.occupyWorkers(rt, 2); // nobody can poll the task before the abort
      }
      JoinHandle<Integer> h = rt.spawn(future);

      // First poll, or an abort before or during it.
      switch (handle) {
        case ABORTED_BEFORE_RUNNING:
          h.abort();
          if (blockers != null) {
            blockers.release();
          }
          break;
        case ABORTED_WHILE_RUNNING:
          Thread driver = driveInBackground(rt, flavor);
          await(future.enteredPoll);
          h.abort();
          future.releasePoll.countDown();
          await(future.firstPollDone);
          if (driver != null) {
            driver.join(TimeUnit.SECONDS.toMillis(20));
          }
          break;
        default:
          drive(rt, flavor);
          await(future.firstPollDone);
      }
      if (handle == Handle.DROPPED) {
        h.cancel();
      }
      if (handle == Handle.ABORTED_AFTER_RUNNING) {
        if (output == Output.AFTER_WAKE) {
          future.complete();
          drive(rt, flavor);
        }
        await(future.cleanedUp);
        h.abort();
      }

      if (shutdown == Shutdown.BEFORE) {
        rt.shutdown();
      }
      if (output == Output.AFTER_WAKE && future.cleanups.get() == 0) {
        future.complete();
        if (shutdown == Shutdown.AFTER) {
          drive(rt, flavor);
        }
      }
      await(future.cleanedUp);

      Outcome expected = expected(output, handle, shutdown);
      if (handle != Handle.DROPPED) {
        Outcome got =
            handle == Handle.AWAITED && shutdown == Shutdown.AFTER
                ? Outcome.of(() -> rt.blockOn(h), future) // a real await of the handle
                : Outcome.of(() -> awaitByHand(h), future);
        assertEquals(expected, got, "the outcome");
        assertThrows(IllegalStateException.class, () -> pollOnce(h), "the outcome, a second time");
      }
      awaitFinished(h);
      if (shutdown == Shutdown.AFTER) {
        assertEquals(0, rt.liveTaskCount(), "a finished task leaves the registry");
        rt.shutdown();
      }
      assertEquals(1, future.cleanups.get(), "the future's finally ran exactly once");
      assertEquals(
          expected == Outcome.CANCELLED && handle != Handle.ABORTED_WHILE_RUNNING
                  || expected == Outcome.CANCELLED && output == Output.AFTER_WAKE
              ? 1
              : 0,
          future.cancels.get(),
          "cancel() runs exactly when the task ends cancelled");
      assertEquals(
          handle == Handle.ABORTED_BEFORE_RUNNING ? 0 : expected == Outcome.CANCELLED ? 1 : -1,
          handle == Handle.ABORTED_BEFORE_RUNNING || expected == Outcome.CANCELLED
              ? future.polls.get()
              : -1,
          "a task aborted before its first poll is never polled; a cancelled one once");
    } finally {
      if (blockers != null) {
        blockers.release();
      }
      rt.shutdown();
    }
  }

  /**
   * The rules: an abort before the first poll cancels; during a poll it cancels when the poll
   * returns pending (a poll that returns ready or throws wins); after the task finished it changes
   * nothing; a shutdown cancels a task still waiting for its wake; otherwise the output (or the
   * exception) comes out.
   */
  static Outcome expected(Output output, Handle handle, Shutdown shutdown) {
    Outcome finished = output == Output.THROWS ? Outcome.THREW : Outcome.VALUE;
    switch (handle) {
      case ABORTED_BEFORE_RUNNING:
        return Outcome.CANCELLED;
      case ABORTED_WHILE_RUNNING:
        return output == Output.AFTER_WAKE ? Outcome.CANCELLED : finished;
      case ABORTED_AFTER_RUNNING:
        return finished;
      default:
        return output == Output.AFTER_WAKE && shutdown == Shutdown.BEFORE
            ? Outcome.CANCELLED
            : finished;
    }
  }

  enum Outcome {
    VALUE,
    THREW,
    CANCELLED;

    interface Read {
      Integer get() throws Exception;
    }

    static Outcome of(Read read, Counted future) {
      try {
        Integer v = read.get();
        assertEquals(OUTPUT, v);
        return VALUE;
      } catch (CancelledException e) {
        return CANCELLED;
      } catch (Boom e) {
        assertSame(future.boom, e, "the very exception the poll threw");
        return THREW;
      } catch (Exception e) {
        throw new AssertionError("unexpected outcome", e);
      }
    }
  }

  private static Integer pollOnce(JoinHandle<Integer> h) {
    return h.poll(Context.noop()).get();
  }

  /** Awaits the handle from this thread (outside the runtime): polls, and waits for its wake. */
  private static <T> T awaitByHand(JoinHandle<T> h) {
    for (; ; ) {
      CountDownLatch woken = new CountDownLatch(1);
      Poll<T> p = h.poll(Context.of(woken::countDown));
      if (p.isReady()) {
        return p.get();
      }
      await(woken);
    }
  }

  /**
   * Waits until the task finished without taking its outcome (a dropped handle has nobody to give
   * it to): the future's clean-up came just before, so this spins a moment at most.
   */
  private static void awaitFinished(JoinHandle<Integer> h) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (!h.isFinished()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("the task never finished");
      }
      Thread.yield();
    }
  }

  /** Lets the runtime run what is queued: a current-thread runtime runs tasks only in blockOn. */
  private static void drive(AsyncRuntime rt, Flavor flavor) {
    if (flavor == Flavor.CURRENT_THREAD) {
      rt.blockOn(Tasks.yieldNow());
    }
  }

  /** {@link #drive} on another thread, so that this one can abort during the poll. */
  private static Thread driveInBackground(AsyncRuntime rt, Flavor flavor) {
    if (flavor != Flavor.CURRENT_THREAD) {
      return null;
    }
    Thread t = new Thread(() -> rt.blockOn(Tasks.yieldNow()), "combinations-driver");
    t.start();
    return t;
  }

  static void await(CountDownLatch latch) {
    try {
      if (!latch.await(20, TimeUnit.SECONDS)) {
        throw new AssertionError("a step of the scenario never happened");
      }
    } catch (InterruptedException e) {
      throw new AssertionError(e);
    }
  }

  /** Tasks that hold every worker of a multi-thread runtime until released. */
  static final class Blockers {
    private final CountDownLatch started;
    private final CountDownLatch release = new CountDownLatch(1);
    private final List<JoinHandle<Object>> handles = new ArrayList<>();

    private Blockers(int n) {
      started = new CountDownLatch(n);
    }

    static Blockers occupyWorkers(AsyncRuntime rt, int workers) {
      Blockers b = new Blockers(workers);
      for (int i = 0; i < workers; i++) {
        b.handles.add(
            rt.spawn(
                cx -> {
                  b.started.countDown();
                  TaskCombinationsTest.await(b.release); // blocks its worker on purpose
                  return Poll.ready(null);
                }));
      }
      TaskCombinationsTest.await(b.started);
      return b;
    }

    /** Lets the workers go, and waits until the blockers finished (they leave the registry). */
    void release() {
      release.countDown();
      for (JoinHandle<Object> h : handles) {
        awaitByHand(h);
      }
      handles.clear();
    }
  }
}
