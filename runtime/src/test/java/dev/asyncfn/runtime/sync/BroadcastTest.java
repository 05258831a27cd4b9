/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.runtime.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.asyncfn.runtime.Future;
import dev.asyncfn.runtime.Futures;
import dev.asyncfn.runtime.combinator.Selected2;
import org.junit.jupiter.api.Test;

class BroadcastTest {
  private final TestWaker a = new TestWaker();
  private final TestWaker b = new TestWaker();

  @Test
  void everyReceiverGetsEveryMessage() {
    Broadcast.Channel<String> ch = Broadcast.channel(8);
    Broadcast.Receiver<String> second = ch.sender().subscribe();
    assertEquals(2, ch.sender().send("1"));
    ch.sender().send("2");
    assertEquals("1", a.ready(ch.receiver().recv()));
    assertEquals("2", a.ready(ch.receiver().recv()));
    assertEquals("1", b.ready(second.recv()));
    assertEquals("2", b.ready(second.recv()));
  }

  @Test
  void sendWakesEveryWaitingReceiver() {
    Broadcast.Channel<String> ch = Broadcast.channel(8);
    Broadcast.Receiver<String> second = ch.sender().subscribe();
    Future<String> ra = ch.receiver().recv();
    Future<String> rb = second.recv();
    a.pending(ra);
    b.pending(rb);
    ch.sender().send("m");
    assertEquals(1, a.wakes());
    assertEquals(1, b.wakes());
    assertEquals("m", a.ready(ra));
    assertEquals("m", b.ready(rb));
  }

  @Test
  void aNewSubscriberSeesOnlyLaterMessages() {
    Broadcast.Channel<String> ch = Broadcast.channel(8);
    ch.sender().send("old");
    Broadcast.Receiver<String> late = ch.sender().subscribe();
    ch.sender().send("new");
    assertEquals("new", a.ready(late.recv()));
    Broadcast.Receiver<String> again = late.resubscribe();
    assertTrue(again.tryRecv().isPending());
  }

  @Test
  void laggingReceiverIsToldHowManyItMissedThenContinues() {
    Broadcast.Channel<Integer> ch = Broadcast.channel(2);
    for (int i = 0; i < 5; i++) {
      ch.sender().send(i);
    }
    assertEquals(2, ch.receiver().len());
    LaggedException e = assertThrows(LaggedException.class, () -> a.poll(ch.receiver().recv()));
    assertEquals(3, e.missed());
    assertTrue(e.getMessage().contains("missed 3"), e.getMessage());
    assertEquals(3, a.ready(ch.receiver().recv()));
    assertEquals(4, a.ready(ch.receiver().recv()));
    assertTrue(ch.receiver().tryRecv().isPending());
  }

  @Test
  void lastSenderClosedEndsEveryReceiverAfterItsMessages() {
    Broadcast.Channel<String> ch = Broadcast.channel(4);
    Broadcast.Sender<String> clone = ch.sender().clone();
    ch.sender().send("m");
    ch.sender().close();
    Broadcast.Receiver<String> r = ch.receiver();
    assertEquals("m", a.ready(r.recv()));
    Future<String> waiting = r.recv();
    a.pending(waiting);
    clone.close();
    assertEquals(1, a.wakes());
    assertNull(a.ready(waiting));
    assertThrows(IllegalStateException.class, () -> ch.sender().send("x"));
  }

  @Test
  void sendWithNoReceiversIsDroppedAndCounted() {
    Broadcast.Channel<String> ch = Broadcast.channel(4);
    ch.receiver().close();
    ch.receiver().close();
    assertEquals(0, ch.sender().receiverCount());
    assertEquals(0, ch.sender().send("nobody"));
    Broadcast.Receiver<String> r = ch.sender().subscribe();
    assertEquals(1, ch.sender().send("somebody"));
    assertEquals("somebody", a.ready(r.recv()));
    assertThrows(IllegalStateException.class, () -> ch.receiver().recv().poll(a));
  }

  @Test
  void recvThatLosesASelectLosesNoMessage() {
    Broadcast.Channel<String> ch = Broadcast.channel(4);
    TestFuture<String> timer = new TestFuture<>();
    Future<Selected2<String, String>> sel = Futures.select(timer, ch.receiver().recv());
    a.pending(sel);
    ch.sender().send("m");
    timer.complete("tick");
    assertTrue(a.ready(sel).isFirst());
    assertEquals("m", a.ready(ch.receiver().recv()));
  }

  @Test
  void cancelledRecvIsNotWokenAgain() {
    Broadcast.Channel<String> ch = Broadcast.channel(4);
    Future<String> r = ch.receiver().recv();
    a.pending(r);
    r.cancel();
    ch.sender().send("m");
    assertEquals(0, a.wakes());
    assertThrows(IllegalStateException.class, () -> a.poll(r));
  }

  @Test
  void nullAndBadCapacityAreRejected() {
    assertThrows(IllegalArgumentException.class, () -> Broadcast.channel(0));
    assertThrows(NullPointerException.class, () -> Broadcast.channel(1).sender().send(null));
  }
}
