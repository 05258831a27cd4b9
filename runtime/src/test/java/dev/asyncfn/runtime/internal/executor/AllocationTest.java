/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.runtime.internal.executor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.asyncfn.runtime.AsyncRuntime;
import dev.asyncfn.runtime.Context;
import dev.asyncfn.runtime.Future;
import dev.asyncfn.runtime.JoinHandle;
import dev.asyncfn.runtime.Poll;
import dev.asyncfn.runtime.Waker;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The fast path allocates nothing: measured with the current thread's allocated-bytes counter on
 * a current-thread runtime, where every poll and wake happens on the measuring thread.
 */
@Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class AllocationTest {
  private static final int N = 100_000;
  /** The counter itself and a stray JIT deoptimisation may cost a few hundred bytes. */
  private static final long TOLERANCE = 2_048;

  private static com.sun.management.ThreadMXBean threads;

  @BeforeAll
  static void counter() {
    threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    threads.setThreadAllocatedMemoryEnabled(true);
  }

  private static long allocated() {
    return threads.getThreadAllocatedBytes(Thread.currentThread().getId());
  }

  @Test
  void pollingAReadyFutureAllocatesNothing() {
    Poll<String> ready = Poll.ready("x");
    Future<String> f = cx -> ready;
    Context cx = Context.noop();
    long bytes = 0;
    for (int round = 0; round < 5; round++) { // the last rounds run compiled code
      long before = allocated();
      for (int i = 0; i < N; i++) {
        if (!f.poll(cx).isReady()) {
          throw new AssertionError();
        }
      }
      bytes = allocated() - before;
    }
    assertTrue(bytes <= TOLERANCE, bytes + " bytes for " + N + " polls");
  }

  /** A task that wakes itself every poll: each round is a wake while running, then a re-poll. */
  private static final class Spinner implements Future<Long> {
    final int polls;
    int count;
    long start;
    long bytes = -1;
    Waker extraWakesOf;

    Spinner(int polls) {
      this.polls = polls;
    }

    @Override
    public Poll<Long> poll(Context cx) {
      if (count == polls / 2) {
        start = allocated(); // measure the second half: warmed up
      }
      if (++count == polls) {
        bytes = allocated() - start;
        return Poll.ready(bytes);
      }
      Waker w = cx.waker();
      w.wake();
      for (int i = 0; i < 4; i++) {
        w.wake(); // already scheduled (NOTIFIED): must be a no-op
      }
      return Poll.pending();
    }
  }

  @Test
  void rePollingAndWakingAScheduledTaskAllocateNothing() {
    try (AsyncRuntime rt = AsyncRuntime.builder().currentThread().build()) {
      for (int round = 0; round < 3; round++) {
        Spinner s = new Spinner(2 * N);
        long bytes = rt.blockOn(rt.spawn(s));
        if (round == 2) {
          assertTrue(bytes <= TOLERANCE,
              bytes + " bytes for " + N + " re-polls with 5 wakes each");
        }
      }
    }
  }

  @Test
  void wakingAnAlreadyScheduledTaskAllocatesNothing() {
    try (AsyncRuntime rt = AsyncRuntime.builder().currentThread().build()) {
      long[] bytes = {-1};
      rt.blockOn(new Future<Void>() {
        Waker task;

        @Override
        public Poll<Void> poll(Context cx) {
          if (task == null) {
            // Capture a task's waker; the task is idle after its first poll.
            JoinHandle<Void> h = dev.asyncfn.runtime.Tasks.spawn(c -> {
              task = c.waker();
              return Poll.pending();
            });
            cx.waker().wake();
            return Poll.pending();
          }
          task.wake(); // now scheduled
          for (int round = 0; round < 5; round++) {
            long before = allocated();
            for (int i = 0; i < N; i++) {
              task.wake();
            }
            bytes[0] = allocated() - before;
          }
          return Poll.ready(null);
        }
      });
      assertTrue(bytes[0] <= TOLERANCE, bytes[0] + " bytes for " + N + " wakes");
    }
  }

  @Test
  void spawnAllocatesAtMost96BytesAndASuspendedTaskRetainsAtMost128() {
    int n = 50_000;
    Future<Void> parked = cx -> Poll.pending(); // shared, captures nothing: the task's own cost
    try (AsyncRuntime rt = AsyncRuntime.builder().currentThread().build()) {
      List<JoinHandle<Void>> keep = new ArrayList<>(2 * n + 16);
      // Warm up: grow the run queue and compile the spawn path.
      long spawnBytes = Long.MAX_VALUE;
      for (int round = 0; round < 4; round++) {
        spawnBytes = rt.blockOn(new Future<Long>() {
          @Override
          public Poll<Long> poll(Context cx) {
            long before = allocated();
            for (int i = 0; i < n; i++) {
              keep.add(dev.asyncfn.runtime.Tasks.spawn(parked));
            }
            return Poll.ready(allocated() - before);
          }
        });
        rt.blockOn(dev.asyncfn.runtime.Tasks.yieldNow()); // poll them all once: suspended
        keep.forEach(JoinHandle::abort);
        keep.clear();
      }
      double perSpawn = (double) spawnBytes / n;
      System.out.printf("[asyncfn] spawn allocates %.1f bytes per task%n", perSpawn);
      assertTrue(perSpawn <= 96, perSpawn + " bytes per spawn");

      java.lang.Runtime jvm = java.lang.Runtime.getRuntime();
      long before = usedAfterGc(jvm);
      rt.blockOn(new Future<Void>() {
        @Override
        public Poll<Void> poll(Context cx) {
          for (int i = 0; i < n; i++) {
            keep.add(dev.asyncfn.runtime.Tasks.spawn(parked));
          }
          return Poll.ready(null);
        }
      });
      rt.blockOn(dev.asyncfn.runtime.Tasks.yieldNow());
      long after = usedAfterGc(jvm);
      assertEquals(n, rt.liveTaskCount());
      // keep's own backing array was sized up front, so the delta is the tasks.
      double retained = (double) (after - before) / n;
      System.out.printf("[asyncfn] a suspended task retains %.1f bytes%n", retained);
      assertTrue(retained <= 128, retained + " bytes retained per suspended task");
      keep.forEach(JoinHandle::abort);
    }
  }

  private static long usedAfterGc(java.lang.Runtime jvm) {
    long used = Long.MAX_VALUE;
    for (int i = 0; i < 4; i++) {
      System.gc();
      used = Math.min(used, jvm.totalMemory() - jvm.freeMemory());
    }
    return used;
  }
}
