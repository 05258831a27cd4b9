/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.runtime.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.asyncfn.runtime.AsyncRuntime;
import dev.asyncfn.runtime.Await;
import dev.asyncfn.runtime.Future;
import dev.asyncfn.runtime.Futures;
import dev.asyncfn.runtime.combinator.CountingContext;
import dev.asyncfn.runtime.sync.Broadcast;
import dev.asyncfn.runtime.sync.ChannelClosedException;
import dev.asyncfn.runtime.sync.LaggedException;
import dev.asyncfn.runtime.sync.Mpsc;
import dev.asyncfn.runtime.sync.Watch;
import dev.asyncfn.runtime.time.Instant;
import dev.asyncfn.runtime.time.Interval;
import dev.asyncfn.runtime.time.Time;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/** The runtime's producers as streams: channel receivers, intervals, and per-element timeouts. */
class ProducersTest {
  private final CountingContext cx = new CountingContext();

  @Test
  void anMpscReceiverIsAStreamThatEndsWhenTheSendersClose() {
    Mpsc.UnboundedChannel<String> ch = Mpsc.unbounded();
    AsyncStream<String> rx = ch.receiver();
    assertTrue(rx.pollNext(cx).isPending());
    ch.sender().send("a");
    assertEquals(1, cx.wakes());
    ch.sender().send("b");
    assertEquals("a", rx.pollNext(cx).get());
    assertSame(ch.receiver().recv(), rx.next(), "next() is the receiver's one recv() future");
    ch.sender().close();
    assertEquals(List.of("B"), Futures.blockOn(rx.map(String::toUpperCase).toList()));
  }

  @Test
  void closingAStreamOverAnMpscReceiverClosesTheChannel() {
    Mpsc.Channel<Integer> ch = Mpsc.channel(4);
    assertTrue(ch.sender().trySend(1));
    AsyncStream<Integer> firstOnly = ch.receiver().take(1);
    assertEquals(1, firstOnly.pollNext(cx).get());
    assertNull(firstOnly.pollNext(cx).get());
    assertThrows(ChannelClosedException.class, () -> ch.sender().trySend(2));
  }

  @Test
  void aBroadcastReceiverStreamsAndContinuesAfterLagging() {
    Broadcast.Channel<Integer> ch = Broadcast.channel(2);
    AsyncStream<Integer> rx = ch.receiver();
    assertTrue(rx.pollNext(cx).isPending());
    ch.sender().send(1);
    assertEquals(1, cx.wakes());
    assertEquals(1, rx.pollNext(cx).get());
    ch.sender().send(2);
    ch.sender().send(3);
    ch.sender().send(4);
    LaggedException lag = assertThrows(LaggedException.class, () -> rx.pollNext(cx));
    assertEquals(1, lag.missed());
    assertEquals(3, rx.pollNext(cx).get());
    ch.sender().close();
    assertEquals(List.of(4), Futures.blockOn(ch.receiver().toList()));
  }

  @Test
  void closingABroadcastStreamUnsubscribesAndLeavesTheWaitingList() {
    Broadcast.Channel<Integer> ch = Broadcast.channel(2);
    Broadcast.Receiver<Integer> rx = ch.sender().subscribe();
    assertTrue(rx.pollNext(cx).isPending());
    rx.close();
    assertEquals(1, ch.sender().send(1), "only the first receiver is left");
    assertEquals(0, cx.wakes(), "the closed receiver's waiter was removed");
  }

  @Test
  void aWatchReceiverStreamsTheValuesItHasNotSeen() {
    Watch.Channel<String> ch = Watch.channel("v0");
    AsyncStream<String> rx = ch.receiver();
    assertTrue(rx.pollNext(cx).isPending(), "a new receiver has seen the current value");
    ch.sender().send("v1");
    ch.sender().send("v2");
    assertEquals(1, cx.wakes());
    assertEquals("v2", rx.pollNext(cx).get(), "intermediate values may be skipped");
    assertTrue(rx.pollNext(cx).isPending());
    ch.sender().send("v3");
    ch.sender().close();
    assertEquals("v3", rx.pollNext(cx).get());
    assertNull(rx.pollNext(cx).get());
    assertNull(Futures.blockOn(rx.next()));

    Watch.Channel<String> nulls = Watch.channel("x");
    nulls.sender().send(null);
    assertThrows(NullPointerException.class, () -> nulls.receiver().pollNext(cx));
  }

  private static AsyncRuntime paused() {
    return AsyncRuntime.builder().currentThread().startPaused(true).build();
  }

  @Test
  void anIntervalIsAStreamOfTicksOnThePausedClock() {
    try (AsyncRuntime rt = paused()) {
      List<Duration> at =
          rt.blockOn(
              Await.inside(
                  () -> {
                    Instant start = Time.now();
                    Interval every = Time.interval(Duration.ofSeconds(1));
                    return every.take(3).map(i -> i.durationSince(start)).toList();
                  }));
      assertEquals(List.of(Duration.ZERO, Duration.ofSeconds(1), Duration.ofSeconds(2)), at);
    }
  }

  @Test
  void timeoutEachFailsWhenAnElementIsLateAndClosesTheProducer() {
    List<String> trace = new ArrayList<>();
    try (AsyncRuntime rt = paused()) {
      List<Integer> got = new ArrayList<>();
      Throwable failure =
          rt.blockOn(
              Await.inside(
                  () -> {
                    Instant start = Time.now();
                    AsyncStream<Integer> slow =
                        new Script<Integer>(trace)
                            .emit(1)
                            .await(Time.sleep(Duration.ofSeconds(5)))
                            .emit(2)
                            .await(Time.sleep(Duration.ofSeconds(20)))
                            .emit(3)
                            .stream();
                    Future<Void> all =
                        Time.timeoutEach(Duration.ofSeconds(10), slow).forEach(got::add);
                    return cx2 -> {
                      try {
                        return all.poll(cx2).map(v -> (Throwable) null);
                      } catch (Throwable t) {
                        trace.add("failed after " + start.elapsed().toSeconds() + " s");
                        return dev.asyncfn.runtime.Poll.ready(t);
                      }
                    };
                  }));
      assertInstanceOf(TimeoutException.class, failure);
      assertTrue(failure.getMessage().startsWith("stream element did not arrive within 10 s"));
      assertEquals(List.of(1, 2), got);
      assertEquals(
          List.of(
              "body created",
              "produce 1",
              "resumed after 1",
              "produce 2",
              "resumed after 2",
              "cancelled",
              "finally",
              "failed after 15 s"),
          trace);
    }
  }

  @Test
  void anElementThatIsReadyNeverStartsATimer() {
    // A ready element wins even against a deadline that has passed (the upstream is polled first).
    assertEquals(
        List.of(1, 2),
        Futures.blockOn(Time.timeoutEach(Duration.ofNanos(1), Streams.of(1, 2)).toList()));
  }
}
