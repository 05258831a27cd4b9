/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.runtime.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.asyncfn.runtime.Future;
import dev.asyncfn.runtime.Futures;
import dev.asyncfn.runtime.combinator.Selected2;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MutexTest {
  private final TestWaker a = new TestWaker();
  private final TestWaker b = new TestWaker();
  private final TestWaker c = new TestWaker();

  @Test
  void freeLockIsTakenAtTheFirstPollAndGuardGivesTheValue() {
    Mutex<List<String>> m = new Mutex<>(new ArrayList<>());
    try (MutexGuard<List<String>> g = a.ready(m.lock())) {
      assertTrue(m.isLocked());
      g.get().add("x");
    }
    assertFalse(m.isLocked());
    try (MutexGuard<List<String>> g = a.ready(m.lock())) {
      assertEquals(List.of("x"), g.get());
      g.set(List.of("y"));
    }
    assertEquals(List.of("y"), m.tryLock().get());
  }

  @Test
  void waitersGetTheLockInOrder() {
    Mutex<Integer> m = new Mutex<>(0);
    MutexGuard<Integer> held = a.ready(m.lock());
    Future<MutexGuard<Integer>> second = m.lock();
    Future<MutexGuard<Integer>> third = m.lock();
    b.pending(second);
    c.pending(third);
    held.close();
    assertEquals(1, b.wakes());
    assertEquals(0, c.wakes());
    assertNull(m.tryLock(), "the lock is handed to the first waiter");
    MutexGuard<Integer> g2 = b.ready(second);
    c.pending(third);
    g2.set(2);
    g2.close();
    assertEquals(1, c.wakes());
    assertEquals(2, c.ready(third).get());
  }

  @Test
  void tryLockFailsWhileHeld() {
    Mutex<String> m = new Mutex<>("v");
    MutexGuard<String> g = m.tryLock();
    assertNotNull(g);
    assertNull(m.tryLock());
    g.close();
    assertNotNull(m.tryLock());
  }

  @Test
  void aClosedGuardCannotBeUsedAndClosingTwiceUnlocksOnce() {
    Mutex<String> m = new Mutex<>("v");
    MutexGuard<String> g = m.tryLock();
    g.close();
    MutexGuard<String> other = m.tryLock();
    g.close(); // must not release other's lock
    assertTrue(m.isLocked());
    IllegalStateException e = assertThrows(IllegalStateException.class, g::get);
    assertTrue(e.getMessage().contains("after close()"), e.getMessage());
    assertThrows(IllegalStateException.class, () -> g.set("w"));
    other.close();
  }

  @Test
  void cancelledWaitingLockNeverHoldsTheLock() {
    Mutex<String> m = new Mutex<>("v");
    MutexGuard<String> held = m.tryLock();
    Future<MutexGuard<String>> waiting = m.lock();
    a.pending(waiting);
    waiting.cancel();
    held.close();
    assertFalse(m.isLocked());
    assertEquals(0, a.wakes());
  }

  @Test
  void lockGrantedJustBeforeTheCancelIsPassedToTheNextWaiter() {
    Mutex<String> m = new Mutex<>("v");
    MutexGuard<String> held = m.tryLock();
    Future<MutexGuard<String>> first = m.lock();
    Future<MutexGuard<String>> second = m.lock();
    a.pending(first);
    b.pending(second);
    held.close(); // handed to first, which has not polled yet
    first.cancel();
    assertEquals(1, b.wakes());
    b.ready(second).close();
    assertFalse(m.isLocked());
  }

  @Test
  void lockThatLosesASelectIsNeverHeld() {
    Mutex<String> m = new Mutex<>("v");
    MutexGuard<String> held = m.tryLock();
    // The lock is pending, then the other branch wins: the lock future is cancelled.
    Selected2<MutexGuard<String>, String> s =
        a.ready(Futures.select(m.lock(), Futures.ready("timeout")));
    assertTrue(s.isSecond());
    held.close();
    assertFalse(m.isLocked(), "the cancelled select loser must not hold the lock");
    // Granted-then-lost: the lock is handed to the select's lock future, but the other branch is
    // ready first at the next poll.
    MutexGuard<String> held2 = m.tryLock();
    TestFuture<String> other = new TestFuture<>();
    Future<Selected2<String, MutexGuard<String>>> sel = Futures.select(other, m.lock());
    a.pending(sel);
    held2.close(); // grants the lock to the pending lock future
    other.complete("first");
    assertTrue(a.ready(sel).isFirst());
    assertFalse(m.isLocked());
  }

  @Test
  void unlockFromAnotherThreadWakesTheWaiter() throws Exception {
    Mutex<Integer> m = new Mutex<>(1);
    MutexGuard<Integer> held = m.tryLock();
    Future<MutexGuard<Integer>> f = m.lock();
    a.pending(f);
    Thread t = new Thread(held::close);
    t.start();
    assertTrue(a.awaitWakes(1, 5_000));
    t.join(5_000);
    a.ready(f).close();
  }
}
