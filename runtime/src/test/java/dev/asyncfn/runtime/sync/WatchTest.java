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
import dev.asyncfn.runtime.Futures;
import dev.asyncfn.runtime.combinator.Selected2;
import org.junit.jupiter.api.Test;

class WatchTest {
  private final TestWaker a = new TestWaker();
  private final TestWaker b = new TestWaker();

  @Test
  void borrowReadsTheLatestValue() {
    Watch.Channel<String> ch = Watch.channel("v0");
    assertEquals("v0", ch.receiver().borrow());
    assertFalse(ch.receiver().hasChanged());
    ch.sender().send("v1");
    assertTrue(ch.receiver().hasChanged());
    assertEquals("v1", ch.receiver().borrow());
    assertTrue(ch.receiver().hasChanged(), "borrow() does not mark the value seen");
    assertEquals("v1", ch.receiver().borrowAndUpdate());
    assertFalse(ch.receiver().hasChanged());
    assertEquals("v1", ch.sender().borrow());
  }

  @Test
  void changedWaitsForANewValueAndSkipsIntermediateOnes() {
    Watch.Channel<Integer> ch = Watch.channel(0);
    Future<Void> c = ch.receiver().changed();
    a.pending(c);
    ch.sender().send(1);
    ch.sender().send(2);
    assertEquals(1, a.wakes());
    a.ready(c);
    assertEquals(2, ch.receiver().borrow());
    a.pending(ch.receiver().changed());
  }

  @Test
  void changedIsReadyAtOnceForAnUnseenValue() {
    Watch.Channel<Integer> ch = Watch.channel(0);
    ch.sender().send(1);
    a.ready(ch.receiver().changed());
    assertFalse(ch.receiver().hasChanged());
  }

  @Test
  void eachReceiverHasItsOwnSeenVersion() {
    Watch.Channel<Integer> ch = Watch.channel(0);
    Watch.Receiver<Integer> other = ch.receiver().clone();
    ch.sender().send(1);
    a.ready(ch.receiver().changed());
    assertTrue(other.hasChanged());
    b.ready(other.changed());
    Watch.Receiver<Integer> late = ch.sender().subscribe();
    assertFalse(late.hasChanged());
    assertEquals(3, ch.sender().receiverCount());
    late.close();
    late.close();
    assertEquals(2, ch.sender().receiverCount());
  }

  @Test
  void closedSendersFailChangedButTheValueStaysReadable() {
    Watch.Channel<String> ch = Watch.channel("v0");
    Watch.Sender<String> clone = ch.sender().clone();
    Future<Void> c = ch.receiver().changed();
    a.pending(c);
    ch.sender().close();
    assertEquals(0, a.wakes());
    clone.send("last");
    clone.close();
    a.ready(c);
    ChannelClosedException e =
        assertThrows(ChannelClosedException.class, () -> a.poll(ch.receiver().changed()));
    assertTrue(e.getMessage().contains("every Sender"), e.getMessage());
    assertEquals("last", ch.receiver().borrow());
    assertThrows(IllegalStateException.class, () -> ch.sender().send("x"));
  }

  @Test
  void waitingChangedIsWokenWhenTheLastSenderCloses() {
    Watch.Channel<String> ch = Watch.channel("v0");
    Future<Void> c = ch.receiver().changed();
    a.pending(c);
    ch.sender().close();
    assertEquals(1, a.wakes());
    assertThrows(ChannelClosedException.class, () -> a.poll(c));
  }

  @Test
  void changedThatLosesASelectMissesNothing() {
    Watch.Channel<Integer> ch = Watch.channel(0);
    TestFuture<String> timer = new TestFuture<>();
    Future<Selected2<String, Void>> sel = Futures.select(timer, ch.receiver().changed());
    a.pending(sel);
    ch.sender().send(1);
    timer.complete("tick");
    assertTrue(a.ready(sel).isFirst());
    assertTrue(ch.receiver().hasChanged());
    a.ready(ch.receiver().changed());
  }

  @Test
  void sendFromAnotherThreadWakesChanged() throws Exception {
    Watch.Channel<Integer> ch = Watch.channel(0);
    Future<Void> c = ch.receiver().changed();
    a.pending(c);
    Thread t = new Thread(() -> ch.sender().send(1));
    t.start();
    assertTrue(a.awaitWakes(1, 5_000));
    t.join(5_000);
    a.ready(c);
    assertEquals(1, ch.receiver().borrow());
  }
}
