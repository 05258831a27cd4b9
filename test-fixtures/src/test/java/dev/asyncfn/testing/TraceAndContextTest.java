/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TraceAndContextTest {

  @Test
  void traceKeepsOrderAndTakeClears() {
    Trace.reset();
    Trace.log("a");
    assertEquals(2, Trace.logged("b", 2));
    Trace.log(null);
    assertEquals(List.of("a", "b", "null"), Trace.peek());
    assertEquals(List.of("a", "b", "null"), Trace.take());
    assertEquals(List.of(), Trace.take());
  }

  @Test
  void wakeCountingContextCountsFromAnyThread() throws Exception {
    WakeCountingContext cx = new WakeCountingContext();
    int before = cx.wakes();
    assertFalse(cx.wokenSince(before));
    Thread[] threads = new Thread[4];
    for (int i = 0; i < threads.length; i++) {
      threads[i] =
          new Thread(
              () -> {
                for (int j = 0; j < 1000; j++) {
                  cx.waker().wake();
                }
              });
      threads[i].start();
    }
    for (Thread t : threads) {
      t.join(10_000);
    }
    assertEquals(4000, cx.wakes());
    assertTrue(cx.wokenSince(before));
  }
}
