/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.processor.allocation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.asyncfn.runtime.Context;
import dev.asyncfn.runtime.Future;
import dev.asyncfn.runtime.Poll;
import dev.asyncfn.testing.AsyncCompiler;
import dev.asyncfn.testing.JavaSource;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Method;
import org.junit.jupiter.api.Test;

/** An await of a ready future neither suspends nor allocates (once the JIT has compiled it). */
class AllocationTest {
  private static final String SOURCE =
      """
      package alloc;

      import static dev.asyncfn.runtime.Futures.await;

      import dev.asyncfn.Async;
      import dev.asyncfn.runtime.Future;
      import dev.asyncfn.runtime.Poll;

      class Loop {
        // Futures.ready is single-use; this one is ready at every poll, with a cached Poll, so the
        // loop measures the await alone.
        static final Poll<Integer> READY = Poll.ready(1);
        static final Future<Integer> ONE = cx -> READY;

        @Async
        static int sum(int n) {
          int s = 0;
          for (int i = 0; i < n; i++) {
            s += await(ONE);
          }
          return s;
        }
      }
      """;

  @Test
  void anAwaitOfAReadyFutureAllocatesNothing() throws Exception {
    Class<?> companion =
        AsyncCompiler.create().compile(JavaSource.of(SOURCE)).assertSuccess()
            .loadClass("alloc.LoopAsync");
    Method sum = companion.getDeclaredMethod("sum", int.class);
    sum.setAccessible(true);
    Context cx = Context.noop();
    for (int i = 0; i < 20; i++) {
      run(sum, cx, 100_000); // warm up: let the JIT compile poll
    }
    com.sun.management.ThreadMXBean mx =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long tid = Thread.currentThread().getId();
    int awaits = 2_000_000;
    long before = mx.getThreadAllocatedBytes(tid);
    run(sum, cx, awaits);
    long bytes = mx.getThreadAllocatedBytes(tid) - before;
    // the machine itself and reflection around it are a few hundred bytes; per await it is 0
    assertTrue(
        bytes < awaits / 100,
        "allocated " + bytes + " bytes for " + awaits + " awaits of a ready future");
  }

  private static void run(Method sum, Context cx, int n) throws Exception {
    Future<?> f = (Future<?>) sum.invoke(null, n);
    Poll<?> p = f.poll(cx);
    assertTrue(p.isReady(), "an await of a ready future must not suspend");
    assertEquals(n, p.get());
  }
}
