/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.runtime.combinator;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.asyncfn.runtime.Context;
import dev.asyncfn.runtime.Future;
import dev.asyncfn.runtime.Futures;
import dev.asyncfn.runtime.Poll;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The fast path allocates nothing: polling a ready future, and polling combinators whose children
 * are pending or already finished. Measured with the per-thread allocation counter, after a
 * warm-up so that the JIT has compiled the paths measured.
 */
class AllocationTest {
  private static final int ROUNDS = 20_000;
  // Slack for the measurement itself; a single allocation per poll would be >= 16 * ROUNDS bytes.
  private static final long SLACK = 4_096;

  private static com.sun.management.ThreadMXBean threads;

  @BeforeAll
  static void counter() {
    java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
    assumeTrue(bean instanceof com.sun.management.ThreadMXBean, "no allocation counter");
    threads = (com.sun.management.ThreadMXBean) bean;
    assumeTrue(threads.isThreadAllocatedMemorySupported(), "no allocation counter");
    threads.setThreadAllocatedMemoryEnabled(true);
  }

  @Test
  void pollingAReadyFutureAllocatesNothing() {
    Future<?>[] futures = new Future<?>[ROUNDS];
    assertPollsAllocateNothing("Futures.ready", futures, i -> Futures.ready("v"), true);
  }

  @Test
  void pollingAPendingJoinWhoseFinishedChildrenAreSkippedAllocatesNothing() {
    Future<?>[] futures = new Future<?>[ROUNDS];
    assertPollsAllocateNothing(
        "join(ready, pending)", futures,
        i -> Futures.join(Futures.ready("done"), Futures.<String>pending()), false);
  }

  @Test
  void pollingAPendingSelectOrCompletionsAllocatesNothing() {
    Future<?>[] futures = new Future<?>[ROUNDS];
    assertPollsAllocateNothing(
        "select(pending, pending)", futures,
        i -> Futures.select(Futures.<String>pending(), Futures.<Integer>pending()), false);
    List<Future<String>> pendings = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      pendings.add(Futures.pending());
    }
    Completions<String> set = Futures.unordered(pendings);
    assertPollsAllocateNothing("Completions.next()", futures, i -> set.next(), false);

    // Futures that wake themselves at every poll: each next() poll re-polls all of them through
    // their own wakers and the ready queue.
    Completions<String> yielding = new Completions<>();
    for (int i = 0; i < 4; i++) {
      yielding.add(Futures.pollFn(c -> {
        c.waker().wake();
        return Poll.pending();
      }));
    }
    assertPollsAllocateNothing(
        "Completions.next() with futures that wake", futures, i -> yielding.next(), false);
  }

  /**
   * Creates the futures first (allocation is allowed there), then measures only their polls:
   * one poll each when {@code once}, else three polls each.
   */
  private static void assertPollsAllocateNothing(
      String what, Future<?>[] futures, IntFunction<Future<?>> make, boolean once) {
    Context cx = Context.noop();
    long bytes = Long.MAX_VALUE;
    // Several attempts: the first ones run interpreted or in the middle of compilation.
    for (int attempt = 0; attempt < 10 && bytes > SLACK; attempt++) {
      for (int i = 0; i < futures.length; i++) {
        futures[i] = make.apply(i);
      }
      long id = Thread.currentThread().getId();
      long before = threads.getThreadAllocatedBytes(id);
      int ready = pollAll(futures, cx, once ? 1 : 3);
      bytes = threads.getThreadAllocatedBytes(id) - before;
      assertTrue(ready == (once ? futures.length : 0), what + ": unexpected readiness " + ready);
    }
    assertTrue(bytes <= SLACK,
        what + ": " + bytes + " bytes allocated by " + futures.length + " futures' polls");
  }

  private static int pollAll(Future<?>[] futures, Context cx, int times) {
    int ready = 0;
    for (int t = 0; t < times; t++) {
      for (Future<?> f : futures) {
        Poll<?> p = f.poll(cx);
        if (p.isReady()) {
          ready++;
        }
      }
    }
    return ready;
  }
}
