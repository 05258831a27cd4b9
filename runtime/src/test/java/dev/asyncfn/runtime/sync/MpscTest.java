/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.runtime.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.asyncfn.runtime.Future;
import dev.asyncfn.runtime.Futures;
import dev.asyncfn.runtime.combinator.Selected2;
import org.junit.jupiter.api.Test;

class MpscTest {
  private final TestWaker rx = new TestWaker();
  private final TestWaker a = new TestWaker();
  private final TestWaker b = new TestWaker();

  @Test
  void messagesArriveInOrder() {
    Mpsc.Channel<Integer> ch = Mpsc.channel(4);
    for (int i = 0; i < 4; i++) {
      a.ready(ch.sender().send(i));
    }
    for (int i = 0; i < 4; i++) {
      assertEquals(i, rx.ready(ch.receiver().recv()));
    }
  }

  @Test
  void recvWaitsAndIsWokenBySend() {
    Mpsc.Channel<String> ch = Mpsc.channel(1);
    Future<String> r = ch.receiver().recv();
    rx.pending(r);
    a.ready(ch.sender().send("m"));
    assertEquals(1, rx.wakes());
    assertEquals("m", rx.ready(r));
  }

  @Test
  void fullChannelMakesSendWaitUntilARecvFreesASlot() {
    Mpsc.Channel<String> ch = Mpsc.channel(1);
    a.ready(ch.sender().send("1"));
    assertEquals(0, ch.sender().capacity());
    Future<Void> blocked = ch.sender().send("2");
    a.pending(blocked);
    assertEquals("1", rx.ready(ch.receiver().recv()));
    assertEquals(1, a.wakes());
    a.ready(blocked);
    assertEquals("2", rx.ready(ch.receiver().recv()));
  }

  @Test
  void waitingSendersGetSlotsInOrder() {
    Mpsc.Channel<String> ch = Mpsc.channel(1);
    Mpsc.Sender<String> other = ch.sender().clone();
    a.ready(ch.sender().send("0"));
    Future<Void> s1 = ch.sender().send("1");
    Future<Void> s2 = other.send("2");
    a.pending(s1);
    b.pending(s2);
    assertFalse(other.trySend("late"), "a late trySend must not overtake waiting senders");
    rx.ready(ch.receiver().recv());
    assertEquals(1, a.wakes());
    assertEquals(0, b.wakes());
    a.ready(s1);
    b.pending(s2);
    assertEquals("1", rx.ready(ch.receiver().recv()));
    b.ready(s2);
    assertEquals("2", rx.ready(ch.receiver().recv()));
  }

  @Test
  void trySendSaysFullAndClosed() {
    Mpsc.Channel<String> ch = Mpsc.channel(1);
    assertTrue(ch.sender().trySend("1"));
    assertFalse(ch.sender().trySend("2"));
    ch.receiver().close();
    ChannelClosedException e =
        assertThrows(ChannelClosedException.class, () -> ch.sender().trySend("3"));
    assertEquals("3", e.unsent());
  }

  @Test
  void lastSenderClosedEndsTheStreamAfterTheBufferedMessages() {
    Mpsc.Channel<String> ch = Mpsc.channel(4);
    Mpsc.Sender<String> clone = ch.sender().clone();
    a.ready(ch.sender().send("1"));
    ch.sender().close();
    ch.sender().close(); // idempotent: must not count twice
    assertEquals("1", rx.ready(ch.receiver().recv()));
    Future<String> r = ch.receiver().recv();
    rx.pending(r);
    assertFalse(ch.receiver().isClosed());
    clone.close();
    assertEquals(1, rx.wakes());
    assertNull(rx.ready(r));
    assertTrue(ch.receiver().isClosed());
    assertNull(rx.ready(ch.receiver().recv()));
  }

  @Test
  void closedSenderHandleCannotSendOrClone() {
    Mpsc.Channel<String> ch = Mpsc.channel(4);
    Mpsc.Sender<String> clone = ch.sender().clone();
    ch.sender().close();
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> ch.sender().send("x"));
    assertTrue(e.getMessage().contains("clone()"), e.getMessage());
    assertThrows(IllegalStateException.class, () -> ch.sender().clone());
    assertTrue(clone.trySend("ok"));
  }

  @Test
  void receiverCloseFailsWaitingSendersWithTheirMessageButKeepsTheBuffer() {
    Mpsc.Channel<String> ch = Mpsc.channel(1);
    a.ready(ch.sender().send("kept"));
    Future<Void> waiting = ch.sender().send("refused");
    a.pending(waiting);
    ch.receiver().close();
    assertTrue(ch.sender().isClosed());
    assertEquals(1, a.wakes());
    ChannelClosedException e = assertThrows(ChannelClosedException.class, () -> a.poll(waiting));
    assertEquals("refused", e.unsent());
    assertThrows(ChannelClosedException.class, () -> a.poll(ch.sender().send("later")));
    assertEquals("kept", rx.ready(ch.receiver().recv()));
    assertNull(rx.ready(ch.receiver().recv()), "closed and drained");
  }

  @Test
  void closingASenderBeforeItsSendCompletedIsReported() {
    Mpsc.Channel<String> ch = Mpsc.channel(1);
    Mpsc.Sender<String> clone = ch.sender().clone();
    Future<Void> late = ch.sender().send("late");
    ch.sender().close();
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> a.poll(late));
    assertTrue(e.getMessage().contains("await every send()"), e.getMessage());
    assertEquals(1, clone.capacity(), "the slot went back");
    clone.close();
    assertNull(rx.ready(ch.receiver().recv()));
  }

  @Test
  void nullMessagesAreRejected() {
    Mpsc.Channel<String> ch = Mpsc.channel(1);
    NullPointerException e =
        assertThrows(NullPointerException.class, () -> ch.sender().send(null));
    assertTrue(e.getMessage().contains("closed"), e.getMessage());
    assertThrows(NullPointerException.class, () -> Mpsc.<String>unbounded().sender().send(null));
  }

  @Test
  void badCapacityIsRejected() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Mpsc.channel(0));
    assertTrue(e.getMessage().contains("unbounded"), e.getMessage());
  }

  @Test
  void recvThatLosesASelectLosesNoMessage() {
    Mpsc.Channel<String> ch = Mpsc.channel(4);
    TestFuture<String> timer = new TestFuture<>();
    Future<Selected2<String, String>> sel = Futures.select(timer, ch.receiver().recv());
    rx.pending(sel);
    // The message arrives and the timer fires before the select is polled again: the timer is
    // first in order and wins, the recv is cancelled without having taken the message.
    a.ready(ch.sender().send("m"));
    timer.complete("tick");
    assertTrue(rx.ready(sel).isFirst());
    assertEquals("m", rx.ready(ch.receiver().recv()));
  }

  @Test
  void cancellingOneOfTwoWaitingReceivesOfATaskKeepsTheOtherWoken() {
    Mpsc.Channel<String> ch = Mpsc.channel(4);
    Future<String> kept = ch.receiver().recv();
    Future<String> dropped = ch.receiver().recv();
    rx.pending(kept);
    rx.pending(dropped);
    dropped.cancel();
    a.ready(ch.sender().send("m"));
    assertEquals(1, rx.wakes(), "the cancel must not unregister the waker the other one needs");
    assertEquals("m", rx.ready(kept));
  }

  @Test
  void cancelledSendWasNotSentAndPassesItsSlotOn() {
    Mpsc.Channel<String> ch = Mpsc.channel(1);
    a.ready(ch.sender().send("0"));
    Future<Void> s1 = ch.sender().send("1");
    Future<Void> s2 = ch.sender().send("2");
    a.pending(s1);
    b.pending(s2);
    assertEquals("0", rx.ready(ch.receiver().recv())); // slot granted to s1
    s1.cancel();
    assertEquals(1, b.wakes());
    b.ready(s2);
    assertEquals("2", rx.ready(ch.receiver().recv()));
    assertTrue(ch.receiver().tryRecv().isPending());
  }

  @Test
  void tryRecvTellsEmptyFromClosed() {
    Mpsc.Channel<String> ch = Mpsc.channel(2);
    assertTrue(ch.receiver().tryRecv().isPending());
    ch.sender().trySend("m");
    assertEquals(1, ch.receiver().size());
    assertEquals("m", ch.receiver().tryRecv().get());
    ch.sender().close();
    assertTrue(ch.receiver().tryRecv().isReady());
    assertNull(ch.receiver().tryRecv().get());
  }

  @Test
  void unboundedNeverWaits() {
    Mpsc.UnboundedChannel<Integer> ch = Mpsc.unbounded();
    Future<Integer> r = ch.receiver().recv();
    rx.pending(r);
    for (int i = 0; i < 10_000; i++) {
      ch.sender().send(i);
    }
    assertEquals(1, rx.wakes());
    for (int i = 0; i < 10_000; i++) {
      assertEquals(i, i == 0 ? rx.ready(r) : rx.ready(ch.receiver().recv()));
    }
    Mpsc.UnboundedSender<Integer> clone = ch.sender().clone();
    ch.sender().close();
    clone.send(-1);
    clone.close();
    assertEquals(-1, rx.ready(ch.receiver().recv()));
    assertNull(rx.ready(ch.receiver().recv()));
    ch.receiver().close();
    Mpsc.UnboundedChannel<Integer> ch2 = Mpsc.unbounded();
    ch2.receiver().close();
    ChannelClosedException e =
        assertThrows(ChannelClosedException.class, () -> ch2.sender().send(7));
    assertSame(7, e.unsent());
  }

  @Test
  void recvIsOneStatelessFutureThatTakesTheNextMessageAtEachCompletedPoll() {
    Mpsc.Channel<String> ch = Mpsc.channel(2);
    Future<String> r = ch.receiver().recv();
    assertSame(r, ch.receiver().recv(), "a receive allocates nothing: the same future each time");
    ch.sender().trySend("a");
    ch.sender().trySend("b");
    assertEquals("a", rx.ready(r));
    assertEquals("b", rx.ready(r));
    rx.pending(r);
    r.cancel(); // cancel-safe and stateless: the receiver keeps working
    ch.sender().trySend("c");
    assertEquals("c", rx.ready(ch.receiver().recv()));
  }

  @Test
  void sendFromAnotherThreadWakesTheReceiver() throws Exception {
    Mpsc.Channel<String> ch = Mpsc.channel(1);
    Future<String> r = ch.receiver().recv();
    rx.pending(r);
    Thread t = new Thread(() -> ch.sender().trySend("m"));
    t.start();
    assertTrue(rx.awaitWakes(1, 5_000));
    t.join(5_000);
    assertEquals("m", rx.ready(r));
  }
}
