/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.runtime.internal.reactor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Which fired interest stays armed, and which is dropped (what the selector is told to change). */
class RegistrationTest {

  @Test
  void aReadSideThatWokeItsWaiterStaysArmedAndReadinessNobodyWaitsForDisarmsIt()
      throws Exception {
    try (Reactor reactor = Reactor.driven(); SocketChannel ch = SocketChannel.open()) {
      ch.configureBlocking(false);
      Registration r = reactor.register(ch);
      AtomicInteger wakes = new AtomicInteger();
      r.awaitRead(SelectionKey.OP_READ, wakes::incrementAndGet);

      assertFalse(r.fire(SelectionKey.OP_READ), "no interest change: no epoll_ctl per message");
      assertEquals(1, wakes.get());
      assertEquals(SelectionKey.OP_READ, r.interestOps());

      // The woken task waits again before the next select: its interest is still set.
      r.awaitRead(SelectionKey.OP_READ, wakes::incrementAndGet);
      assertFalse(r.fire(SelectionKey.OP_READ));
      assertEquals(2, wakes.get());

      // Right after a wake the woken task is usually still queued: one fire more keeps it armed.
      assertFalse(r.fire(SelectionKey.OP_READ));
      assertEquals(SelectionKey.OP_READ, r.interestOps());
      // Readiness that nobody waits for: drop the interest, or every select reports it again.
      assertTrue(r.fire(SelectionKey.OP_READ));
      assertEquals(0, r.interestOps());
      assertEquals(2, wakes.get());
    }
  }

  @Test
  void theWriteSideIsDisarmedByEveryFire() throws Exception {
    try (Reactor reactor = Reactor.driven(); SocketChannel ch = SocketChannel.open()) {
      ch.configureBlocking(false);
      Registration r = reactor.register(ch);
      AtomicInteger wakes = new AtomicInteger();
      r.awaitWrite(SelectionKey.OP_WRITE, wakes::incrementAndGet);
      assertTrue(r.fire(SelectionKey.OP_WRITE), "a socket is mostly writable: never stay armed");
      assertEquals(1, wakes.get());
      assertEquals(0, r.interestOps());
    }
  }
}
