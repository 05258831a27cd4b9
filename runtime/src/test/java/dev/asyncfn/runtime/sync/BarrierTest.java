/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.runtime.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.asyncfn.runtime.Future;
import org.junit.jupiter.api.Test;

class BarrierTest {
  private final TestWaker a = new TestWaker();
  private final TestWaker b = new TestWaker();
  private final TestWaker c = new TestWaker();

  @Test
  void theLastArrivalReleasesEveryoneAndIsTheOnlyLeader() {
    Barrier barrier = new Barrier(3);
    Future<Barrier.WaitResult> w1 = barrier.waitFor();
    Future<Barrier.WaitResult> w2 = barrier.waitFor();
    a.pending(w1);
    b.pending(w2);
    assertTrue(c.ready(barrier.waitFor()).isLeader());
    assertEquals(1, a.wakes());
    assertEquals(1, b.wakes());
    assertFalse(a.ready(w1).isLeader());
    assertFalse(b.ready(w2).isLeader());
  }

  @Test
  void theBarrierIsReusedRoundAfterRound() {
    Barrier barrier = new Barrier(2);
    for (int round = 0; round < 3; round++) {
      Future<Barrier.WaitResult> w = barrier.waitFor();
      a.pending(w);
      assertTrue(b.ready(barrier.waitFor()).isLeader());
      assertFalse(a.ready(w).isLeader());
    }
  }

  @Test
  void onePartyNeverWaits() {
    assertTrue(a.ready(new Barrier(1).waitFor()).isLeader());
    assertThrows(IllegalArgumentException.class, () -> new Barrier(0));
  }

  @Test
  void cancelledArrivalIsTakenBack() {
    Barrier barrier = new Barrier(2);
    Future<Barrier.WaitResult> gone = barrier.waitFor();
    a.pending(gone);
    gone.cancel();
    Future<Barrier.WaitResult> w = barrier.waitFor();
    b.pending(w); // still one missing
    assertTrue(c.ready(barrier.waitFor()).isLeader());
    assertFalse(b.ready(w).isLeader());
    assertEquals(0, a.wakes());
  }

  @Test
  void cancelAfterTheRoundCompletedChangesNothing() {
    Barrier barrier = new Barrier(2);
    Future<Barrier.WaitResult> w = barrier.waitFor();
    a.pending(w);
    b.ready(barrier.waitFor());
    w.cancel();
    Future<Barrier.WaitResult> next = barrier.waitFor();
    a.pending(next);
    assertTrue(b.ready(barrier.waitFor()).isLeader());
  }
}
