/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.runtime.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.asyncfn.runtime.Future;
import org.junit.jupiter.api.Test;

class NotifyTest {
  private final TestWaker a = new TestWaker();
  private final TestWaker b = new TestWaker();
  private final TestWaker c = new TestWaker();

  @Test
  void notifyOneBeforeTheWaitStoresOnePermit() {
    Notify n = new Notify();
    n.notifyOne();
    n.notifyOne(); // at most one permit
    a.ready(n.notified());
    a.pending(n.notified());
  }

  @Test
  void notifyOneWakesTheLongestWaitingFirst() {
    Notify n = new Notify();
    Future<Void> first = n.notified();
    Future<Void> second = n.notified();
    a.pending(first);
    b.pending(second);
    n.notifyOne();
    assertEquals(1, a.wakes());
    assertEquals(0, b.wakes());
    a.ready(first);
    b.pending(second);
    n.notifyOne();
    b.ready(second);
  }

  @Test
  void notifyWaitersWakesEveryFutureCreatedBeforeEvenUnpolledOnes() {
    Notify n = new Notify();
    Future<Void> polled = n.notified();
    Future<Void> unpolled = n.notified();
    a.pending(polled);
    n.notifyWaiters();
    assertEquals(1, a.wakes());
    a.ready(polled);
    b.ready(unpolled);
    c.pending(n.notified()); // no permit was stored
  }

  @Test
  void cancelledWaiterLeavesTheQueue() {
    Notify n = new Notify();
    Future<Void> first = n.notified();
    Future<Void> second = n.notified();
    a.pending(first);
    b.pending(second);
    first.cancel();
    n.notifyOne();
    assertEquals(0, a.wakes());
    assertEquals(1, b.wakes());
    b.ready(second);
  }

  @Test
  void notificationReceivedJustBeforeTheCancelIsPassedOn() {
    Notify n = new Notify();
    Future<Void> first = n.notified();
    Future<Void> second = n.notified();
    a.pending(first);
    b.pending(second);
    n.notifyOne(); // meant for first
    first.cancel();
    assertEquals(1, b.wakes());
    b.ready(second);
    // With nobody left to pass it to, it becomes the stored permit.
    Notify m = new Notify();
    Future<Void> only = m.notified();
    a.pending(only);
    m.notifyOne();
    only.cancel();
    c.ready(m.notified());
  }

  @Test
  void pollAfterCompletionIsMisuse() {
    Notify n = new Notify();
    n.notifyOne();
    Future<Void> f = n.notified();
    a.ready(f);
    assertThrows(IllegalStateException.class, () -> a.poll(f));
  }

  @Test
  void notifyFromAnotherThreadIsNeverLost() throws Exception {
    Notify n = new Notify();
    for (int i = 0; i < 1_000; i++) {
      TestWaker w = new TestWaker();
      Future<Void> f = n.notified();
      Thread t = new Thread(n::notifyOne);
      t.start();
      if (w.poll(f).isPending()) {
        assertTrue(w.awaitWakes(1, 5_000), "notifyOne lost at round " + i);
        w.ready(f);
      }
      t.join(5_000);
    }
  }
}
