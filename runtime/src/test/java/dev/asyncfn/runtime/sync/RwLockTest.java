/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.runtime.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.asyncfn.runtime.Future;
import org.junit.jupiter.api.Test;

class RwLockTest {
  private final TestWaker a = new TestWaker();
  private final TestWaker b = new TestWaker();
  private final TestWaker c = new TestWaker();

  @Test
  void manyReadersAtOnce() {
    RwLock<String> l = new RwLock<>("v");
    RwLockReadGuard<String> r1 = a.ready(l.read());
    RwLockReadGuard<String> r2 = b.ready(l.read());
    assertEquals("v", r1.get());
    assertEquals("v", r2.get());
    assertNull(l.tryWrite());
    r1.close();
    r2.close();
    assertNotNull(l.tryWrite());
  }

  @Test
  void writerWaitsForReadersAndExcludesEveryone() {
    RwLock<String> l = new RwLock<>("v");
    RwLockReadGuard<String> r = l.tryRead();
    Future<RwLockWriteGuard<String>> w = l.write();
    a.pending(w);
    r.close();
    assertEquals(1, a.wakes());
    RwLockWriteGuard<String> wg = a.ready(w);
    assertNull(l.tryRead());
    wg.set("w");
    Future<RwLockReadGuard<String>> later = l.read();
    b.pending(later);
    wg.close();
    assertEquals(1, b.wakes());
    assertEquals("w", b.ready(later).get());
  }

  @Test
  void aQueuedWriterHoldsBackLaterReaders() {
    RwLock<String> l = new RwLock<>("v");
    RwLockReadGuard<String> r = l.tryRead();
    Future<RwLockWriteGuard<String>> w = l.write();
    a.pending(w);
    Future<RwLockReadGuard<String>> later = l.read();
    b.pending(later);
    assertNull(l.tryRead(), "a reader must not overtake the queued writer");
    r.close();
    assertEquals(1, a.wakes());
    assertEquals(0, b.wakes());
    a.ready(w).close();
    assertEquals(1, b.wakes());
    b.ready(later).close();
  }

  @Test
  void cancelledWriterGivesBackTheReadPermitsItCollected() {
    RwLock<String> l = new RwLock<>("v");
    RwLockReadGuard<String> r1 = l.tryRead();
    RwLockReadGuard<String> r2 = l.tryRead();
    Future<RwLockWriteGuard<String>> w = l.write();
    a.pending(w);
    Future<RwLockReadGuard<String>> later = l.read();
    b.pending(later);
    r1.close(); // one permit collected by the writer
    w.cancel();
    assertEquals(1, b.wakes(), "the reader behind the cancelled writer goes on");
    RwLockReadGuard<String> r3 = b.ready(later);
    r2.close();
    r3.close();
    assertNotNull(l.tryWrite(), "every permit is back");
  }

  @Test
  void writeGrantedJustBeforeCancelIsPassedOn() {
    RwLock<String> l = new RwLock<>("v");
    RwLockWriteGuard<String> held = l.tryWrite();
    Future<RwLockWriteGuard<String>> w = l.write();
    Future<RwLockReadGuard<String>> r = l.read();
    a.pending(w);
    c.pending(r);
    held.close();
    w.cancel();
    assertEquals(1, c.wakes());
    c.ready(r).close();
    assertNotNull(l.tryWrite());
  }

  @Test
  void closedGuardsAreRejected() {
    RwLock<String> l = new RwLock<>("v");
    RwLockReadGuard<String> r = l.tryRead();
    r.close();
    r.close();
    assertThrows(IllegalStateException.class, r::get);
    RwLockWriteGuard<String> w = l.tryWrite();
    w.close();
    assertThrows(IllegalStateException.class, () -> w.set("x"));
    assertNotNull(l.tryWrite());
  }
}
