/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.runtime.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.asyncfn.runtime.Future;
import dev.asyncfn.runtime.Futures;
import dev.asyncfn.runtime.combinator.Selected2;
import org.junit.jupiter.api.Test;

class OneshotTest {
  private final TestWaker rx = new TestWaker();
  private final TestWaker tx = new TestWaker();

  @Test
  void valueSentBeforeThePollIsReadyAtOnce() {
    Oneshot.Channel<String> ch = Oneshot.channel();
    assertTrue(ch.sender().send("v"));
    assertEquals("v", rx.ready(ch.receiver()));
  }

  @Test
  void sendWakesTheWaitingReceiver() {
    Oneshot.Channel<String> ch = Oneshot.channel();
    rx.pending(ch.receiver());
    ch.sender().send("v");
    assertEquals(1, rx.wakes());
    assertEquals("v", rx.ready(ch.receiver()));
  }

  @Test
  void nullIsAValue() {
    Oneshot.Channel<Void> ch = Oneshot.channel();
    ch.sender().send(null);
    assertNull(rx.ready(ch.receiver()));
  }

  @Test
  void senderClosedWithoutSendingFailsTheReceiver() {
    Oneshot.Channel<String> ch = Oneshot.channel();
    rx.pending(ch.receiver());
    ch.sender().close();
    assertEquals(1, rx.wakes());
    ChannelClosedException e =
        assertThrows(ChannelClosedException.class, () -> rx.poll(ch.receiver()));
    assertTrue(e.getMessage().contains("without sending"), e.getMessage());
  }

  @Test
  void closingTheSenderAfterSendingChangesNothing() {
    Oneshot.Channel<String> ch = Oneshot.channel();
    try (Oneshot.Sender<String> s = ch.sender()) {
      s.send("v");
    }
    assertEquals("v", rx.ready(ch.receiver()));
  }

  @Test
  void sendingTwiceIsMisuse() {
    Oneshot.Channel<String> ch = Oneshot.channel();
    ch.sender().send("v");
    assertThrows(IllegalStateException.class, () -> ch.sender().send("w"));
    Oneshot.Channel<String> closed = Oneshot.channel();
    closed.sender().close();
    assertThrows(IllegalStateException.class, () -> closed.sender().send("w"));
  }

  @Test
  void closedReceiverRefusesTheValueAndCompletesSenderClosed() {
    Oneshot.Channel<String> ch = Oneshot.channel();
    Future<Void> closed = ch.sender().closed();
    tx.pending(closed);
    assertFalse(ch.sender().isClosed());
    ch.receiver().close();
    assertEquals(1, tx.wakes());
    tx.ready(closed);
    assertTrue(ch.sender().isClosed());
    assertFalse(ch.sender().send("v"));
  }

  @Test
  void cancellingTheReceiverDropsIt() {
    Oneshot.Channel<String> ch = Oneshot.channel();
    rx.pending(ch.receiver());
    ch.receiver().cancel();
    assertTrue(ch.sender().isClosed());
    assertFalse(ch.sender().send("v"));
  }

  @Test
  void pollAfterTheValueIsMisuse() {
    Oneshot.Channel<String> ch = Oneshot.channel();
    ch.sender().send("v");
    rx.ready(ch.receiver());
    assertThrows(IllegalStateException.class, () -> rx.poll(ch.receiver()));
  }

  @Test
  void tryRecvSaysPendingThenGivesTheValue() {
    Oneshot.Channel<String> ch = Oneshot.channel();
    assertTrue(ch.receiver().tryRecv().isPending());
    ch.sender().send("v");
    assertEquals("v", ch.receiver().tryRecv().get());
    Oneshot.Channel<String> closed = Oneshot.channel();
    closed.sender().close();
    assertThrows(ChannelClosedException.class, () -> closed.receiver().tryRecv());
  }

  @Test
  void recvThatLosesASelectKeepsTheValueForLater() {
    Oneshot.Channel<String> ch = Oneshot.channel();
    Selected2<String, String> s =
        rx.ready(Futures.select(ch.receiver().recv(), Futures.ready("tick")));
    assertTrue(s.isSecond());
    assertFalse(ch.sender().isClosed(), "a cancelled recv() does not drop the receiver");
    ch.sender().send("v");
    assertEquals("v", rx.ready(ch.receiver()));
  }

  @Test
  void sendFromAnotherThreadWakesTheReceiver() throws Exception {
    Oneshot.Channel<Integer> ch = Oneshot.channel();
    rx.pending(ch.receiver());
    Thread t = new Thread(() -> ch.sender().send(42));
    t.start();
    assertTrue(rx.awaitWakes(1, 5_000));
    t.join(5_000);
    assertEquals(42, rx.ready(ch.receiver()));
  }
}
