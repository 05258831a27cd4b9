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
import org.junit.jupiter.api.Test;

class SemaphoreTest {
  private final TestWaker a = new TestWaker();
  private final TestWaker b = new TestWaker();
  private final TestWaker c = new TestWaker();

  @Test
  void acquireTakesFreePermitsAtOnceAndCloseGivesThemBack() {
    Semaphore s = new Semaphore(3);
    Semaphore.Permit p = a.ready(s.acquire(2));
    assertEquals(2, p.count());
    assertEquals(1, s.availablePermits());
    p.close();
    p.close(); // idempotent
    assertEquals(3, s.availablePermits());
    assertEquals(0, p.count());
  }

  @Test
  void tryAcquireFailsWithoutWaiting() {
    Semaphore s = new Semaphore(1);
    Semaphore.Permit p = s.tryAcquire();
    assertNotNull(p);
    assertNull(s.tryAcquire());
    p.close();
    assertNotNull(s.tryAcquire());
  }

  @Test
  void waitersAreServedInOrderAndWokenByRelease() {
    Semaphore s = new Semaphore(1);
    Semaphore.Permit held = s.tryAcquire();
    Future<Semaphore.Permit> first = s.acquire();
    Future<Semaphore.Permit> second = s.acquire();
    a.pending(first);
    b.pending(second);
    held.close();
    assertEquals(1, a.wakes());
    assertEquals(0, b.wakes());
    assertNull(s.tryAcquire(), "a released permit goes to the queue, not to a late tryAcquire");
    Semaphore.Permit p1 = a.ready(first);
    b.pending(second);
    p1.close();
    assertEquals(1, b.wakes());
    b.ready(second).close();
    assertEquals(1, s.availablePermits());
  }

  @Test
  void aLargeRequestHoldsBackSmallerOnesBehindIt() {
    Semaphore s = new Semaphore(2);
    Semaphore.Permit held = s.tryAcquire(2);
    Future<Semaphore.Permit> big = s.acquire(2);
    Future<Semaphore.Permit> small = s.acquire(1);
    a.pending(big);
    b.pending(small);
    held.close();
    assertEquals(1, a.wakes());
    assertEquals(0, b.wakes(), "the small request must not overtake the big one");
    Semaphore.Permit p = a.ready(big);
    p.close();
    b.ready(small).close();
  }

  @Test
  void partialPermitsGoToTheHeadAndComeBackWhenItIsCancelled() {
    Semaphore s = new Semaphore(3);
    Semaphore.Permit held = s.tryAcquire(3);
    Future<Semaphore.Permit> big = s.acquire(3);
    Future<Semaphore.Permit> small = s.acquire(1);
    a.pending(big);
    b.pending(small);
    held.forget();
    s.addPermits(2); // two of three go to the head
    assertEquals(0, a.wakes());
    assertEquals(0, b.wakes());
    big.cancel();
    assertEquals(1, b.wakes(), "cancelling the head hands its partial permits on");
    b.ready(small).close();
    assertEquals(2, s.availablePermits());
  }

  @Test
  void cancelWhileWaitingLeavesTheQueue() {
    Semaphore s = new Semaphore(0);
    Future<Semaphore.Permit> first = s.acquire();
    Future<Semaphore.Permit> second = s.acquire();
    a.pending(first);
    b.pending(second);
    first.cancel();
    s.addPermits(1);
    assertEquals(0, a.wakes());
    assertEquals(1, b.wakes());
    b.ready(second);
    assertEquals(0, s.availablePermits());
  }

  @Test
  void permitsGrantedJustBeforeTheCancelArePassedOn() {
    Semaphore s = new Semaphore(0);
    Future<Semaphore.Permit> first = s.acquire();
    Future<Semaphore.Permit> second = s.acquire();
    a.pending(first);
    b.pending(second);
    s.addPermits(1); // granted to first, which is woken but not polled yet
    assertEquals(1, a.wakes());
    first.cancel();
    assertEquals(1, b.wakes());
    b.ready(second).close();
    assertEquals(1, s.availablePermits());
  }

  @Test
  void cancelBeforeFirstPollAndAfterCompletionDoNothing() {
    Semaphore s = new Semaphore(1);
    Future<Semaphore.Permit> never = s.acquire();
    never.cancel();
    assertEquals(1, s.availablePermits());
    Future<Semaphore.Permit> f = s.acquire();
    Semaphore.Permit p = a.ready(f);
    f.cancel(); // the permit is the caller's now
    assertEquals(0, s.availablePermits());
    p.close();
    assertEquals(1, s.availablePermits());
    assertThrows(IllegalStateException.class, () -> a.poll(f));
  }

  @Test
  void closeFailsWaitersAndLaterAcquiresButHeldPermitsStayValid() {
    Semaphore s = new Semaphore(1);
    Semaphore.Permit held = s.tryAcquire();
    Future<Semaphore.Permit> waiting = s.acquire();
    a.pending(waiting);
    s.close();
    assertTrue(s.isClosed());
    assertEquals(1, a.wakes());
    assertThrows(SemaphoreClosedException.class, () -> a.poll(waiting));
    assertThrows(SemaphoreClosedException.class, () -> b.poll(s.acquire()));
    assertThrows(SemaphoreClosedException.class, s::tryAcquire);
    held.close();
    assertEquals(1, s.availablePermits());
  }

  @Test
  void forgottenPermitsAreNotReturned() {
    Semaphore s = new Semaphore(2);
    Semaphore.Permit p = s.tryAcquire(2);
    p.forget();
    p.close();
    assertEquals(0, s.availablePermits());
  }

  @Test
  void misuseIsRejectedWithAClearMessage() {
    assertThrows(IllegalArgumentException.class, () -> new Semaphore(-1));
    Semaphore s = new Semaphore(1);
    assertThrows(IllegalArgumentException.class, () -> s.acquire(0));
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> s.addPermits(Semaphore.MAX_PERMITS));
    assertTrue(e.getMessage().contains("released more often"), e.getMessage());
  }

  @Test
  void spuriousPollsKeepWaitingWithTheLatestWaker() {
    Semaphore s = new Semaphore(0);
    Future<Semaphore.Permit> f = s.acquire();
    a.pending(f);
    b.pending(f);
    s.addPermits(1);
    assertEquals(0, a.wakes());
    assertEquals(1, b.wakes());
    c.ready(f);
  }

  @Test
  void releaseFromAnotherThreadWakesTheWaiter() throws Exception {
    Semaphore s = new Semaphore(0);
    Future<Semaphore.Permit> f = s.acquire();
    a.pending(f);
    Thread t = new Thread(() -> s.addPermits(1));
    t.start();
    assertTrue(a.awaitWakes(1, 5_000));
    t.join(5_000);
    assertFalse(t.isAlive());
    a.ready(f);
  }
}
