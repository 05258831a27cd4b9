/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.runtime.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.asyncfn.runtime.Future;
import dev.asyncfn.runtime.Futures;
import dev.asyncfn.runtime.Poll;
import dev.asyncfn.runtime.combinator.CountingContext;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The one-stream combinators, the sources and the terminal operations, polled by hand. */
class CombinatorTest {
  private final List<String> trace = new ArrayList<>();
  private final CountingContext cx = new CountingContext();

  @Test
  void mapAppliesTheFunctionWhenAnElementIsAskedFor() {
    ManualStream<Integer> up = new ManualStream<Integer>("up", trace).push(1, 2);
    AsyncStream<String> s =
        up.map(
            v -> {
              trace.add("map " + v);
              return "#" + v;
            });
    assertEquals(List.of(), trace);
    assertEquals("#1", s.pollNext(cx).get());
    assertEquals(List.of("up gives 1", "map 1"), trace);
    assertEquals("#2", s.pollNext(cx).get());
    assertTrue(s.pollNext(cx).isPending());
    up.push(3);
    assertEquals(1, cx.wakes());
    assertEquals("#3", s.pollNext(cx).get());
    up.end();
    assertNull(s.pollNext(cx).get());
    assertNull(s.pollNext(cx).get());
    assertEquals(1, up.closes, "released once at the end");
  }

  @Test
  void aThrowingMapFailsTheStreamAndClosesTheUpstream() {
    ManualStream<Integer> up = new ManualStream<Integer>("up").push(1);
    IllegalArgumentException boom = new IllegalArgumentException("bad");
    AsyncStream<Integer> s =
        up.map(
            v -> {
              throw boom;
            });
    assertSame(boom, assertThrows(IllegalArgumentException.class, () -> s.pollNext(cx)));
    assertTrue(up.isClosed());
    IllegalStateException again = assertThrows(IllegalStateException.class, () -> s.pollNext(cx));
    assertTrue(again.getMessage().startsWith("map stream polled after it failed"));
  }

  @Test
  void aMapToNullFailsWithAMessage() {
    AsyncStream<Object> s = Streams.of(1).map(v -> null);
    NullPointerException e = assertThrows(NullPointerException.class, () -> s.pollNext(cx));
    assertTrue(e.getMessage().startsWith("map(fn) produced null"), e.getMessage());
  }

  @Test
  void anUpstreamFailurePassesThroughUnchanged() {
    IOException boom = new IOException("reset");
    ManualStream<Integer> up = new ManualStream<Integer>("up").push(1).fail(boom);
    ThrowingStream<Integer, IOException> s =
        Streams.throwing(IOException.class, up).map(v -> v * 10).filter(v -> v > 0).take(9);
    assertEquals(10, s.pollNext(cx).get());
    assertSame(boom, assertThrows(IOException.class, () -> Futures.blockOn(s.next())));
  }

  @Test
  void filterSkipsElementsWithinOnePoll() {
    AsyncStream<Integer> s = Streams.of(1, 2, 3, 4, 5, 6).filter(v -> v % 3 == 0);
    assertEquals(3, s.pollNext(cx).get());
    assertEquals(6, s.pollNext(cx).get());
    assertNull(s.pollNext(cx).get());
  }

  @Test
  void filterStaysPendingWhenTheUpstreamIs() {
    ManualStream<Integer> up = new ManualStream<Integer>("up").push(1);
    AsyncStream<Integer> s = up.filter(v -> v > 1);
    assertTrue(s.pollNext(cx).isPending());
    up.push(2);
    assertEquals(2, s.pollNext(cx).get());
  }

  @Test
  void takeEndsAfterNAndClosesTheUpstreamOnlyWhenAskedAgain() {
    ManualStream<Integer> up = new ManualStream<Integer>("up", trace).push(1, 2, 3);
    AsyncStream<Integer> s = up.take(2);
    assertEquals(1, s.pollNext(cx).get());
    assertEquals(2, s.pollNext(cx).get());
    assertEquals(List.of("up gives 1", "up gives 2"), trace);
    assertNull(s.pollNext(cx).get());
    assertEquals(List.of("up gives 1", "up gives 2", "up closed"), trace);
    assertEquals(1, up.queued(), "the third element was never taken");
  }

  @Test
  void takeZeroNeverPollsTheUpstream() {
    ManualStream<Integer> up = new ManualStream<Integer>("up").push(1);
    assertNull(up.take(0).pollNext(cx).get());
    assertEquals(0, up.polls);
    assertTrue(up.isClosed());
    assertThrows(IllegalArgumentException.class, () -> up.take(-1));
  }

  @Test
  void takeWhileDropsTheFirstMismatchAndEnds() {
    ManualStream<Integer> up = new ManualStream<Integer>("up").push(1, 2, 7, 3);
    AsyncStream<Integer> s = up.takeWhile(v -> v < 5);
    assertEquals(List.of(1, 2), Futures.blockOn(s.toList()));
    assertTrue(up.isClosed());
    assertEquals(1, up.queued());
  }

  @Test
  void closingACombinatorClosesItsUpstreamOnce() {
    ManualStream<Integer> up = new ManualStream<Integer>("up").push(1);
    AsyncStream<Integer> s = up.map(v -> v).filter(v -> true).take(5).takeWhile(v -> true);
    assertEquals(1, s.pollNext(cx).get());
    s.close();
    s.close();
    assertEquals(1, up.closes);
    assertThrows(IllegalStateException.class, () -> s.pollNext(cx));
  }

  @Test
  void nextReturnsOneReusableFutureAndIsCancelSafe() {
    ManualStream<Integer> up = new ManualStream<>("up");
    AsyncStream<Integer> s = up.map(v -> v + 1);
    Future<Integer> n = s.next();
    assertSame(n, s.next(), "a combinator allocates no future per element");
    assertTrue(n.poll(cx).isPending());
    n.cancel();
    assertTrue(!up.isClosed(), "cancelling next() is not closing");
    up.push(1);
    assertEquals(2, s.next().poll(cx).get());
  }

  @Test
  void ofAndFromIterableAreLazyAndRejectNull() {
    List<String> seen = new ArrayList<>();
    Iterable<Integer> counting =
        () ->
            new Iterator<>() {
              int i;

              @Override
              public boolean hasNext() {
                return i < 3;
              }

              @Override
              public Integer next() {
                seen.add("next " + i);
                return i++;
              }
            };
    AsyncStream<Integer> s = Streams.fromIterable(counting);
    assertEquals(List.of(), seen);
    assertEquals(0, s.pollNext(cx).get());
    assertEquals(List.of("next 0"), seen);
    assertEquals(List.of(1, 2), Futures.blockOn(s.toList()));
    assertThrows(NullPointerException.class, () -> Streams.of(1, null));
    AsyncStream<Integer> withNull = Streams.fromIterable(java.util.Arrays.asList(1, null));
    assertEquals(1, withNull.pollNext(cx).get());
    assertThrows(NullPointerException.class, () -> withNull.pollNext(cx));
    assertNull(Streams.empty().pollNext(cx).get());
  }

  @Test
  void toListCollectAndForEachDrainTheStream() {
    assertEquals(List.of(1, 2, 3), Futures.blockOn(Streams.of(1, 2, 3).toList()));
    assertEquals(
        "a-b", Futures.blockOn(Streams.of("a", "b").collect(Collectors.joining("-"))));
    List<Integer> seen = new ArrayList<>();
    assertNull(Futures.blockOn(Streams.of(4, 5).forEach(seen::add)));
    assertEquals(List.of(4, 5), seen);
    assertEquals(List.of(), Futures.blockOn(Streams.<Integer>empty().toList()));
  }

  @Test
  void aTerminalOperationWaitsForPendingElementsAndCancellingItClosesTheStream() {
    ManualStream<Integer> up = new ManualStream<Integer>("up").push(1);
    Future<List<Integer>> all = up.toList();
    assertTrue(all.poll(cx).isPending());
    up.push(2).end();
    assertEquals(List.of(1, 2), all.poll(cx).get());

    ManualStream<Integer> up2 = new ManualStream<Integer>("up2").push(1);
    Future<Void> each = up2.forEach(v -> {});
    assertTrue(each.poll(cx).isPending());
    each.cancel();
    assertTrue(up2.isClosed());
  }

  @Test
  void aThrowingActionClosesTheStreamAndFailsTheFuture() {
    ManualStream<Integer> up = new ManualStream<Integer>("up").push(1, 2);
    IllegalStateException boom = new IllegalStateException("stop");
    Future<Void> each =
        up.forEach(
            v -> {
              throw boom;
            });
    assertSame(boom, assertThrows(IllegalStateException.class, () -> each.poll(cx)));
    assertTrue(up.isClosed());
  }

  @Test
  void aHandWrittenStreamIsALambdaAndGetsTheDefaultNext() {
    int[] left = {2};
    AsyncStream<Integer> s = c -> Poll.ready(left[0] > 0 ? left[0]-- : null);
    assertEquals(List.of(2, 1), Futures.blockOn(s.map(v -> v).toList()));
    assertNull(Futures.blockOn(s.next()));
  }

  @Test
  void awaitEachIteratesBlockingOutsideGeneratedCodeAndDeclaresTheCheckedFailure() {
    List<String> seen = new ArrayList<>();
    for (String x : Futures.awaitEach(Streams.of("a", "b"))) {
      seen.add(x);
    }
    assertEquals(List.of("a", "b"), seen);

    IOException boom = new IOException("x");
    ManualStream<String> up = new ManualStream<String>("up").push("a").fail(boom);
    List<String> got = new ArrayList<>();
    try {
      for (String x : Futures.awaitEach(Streams.throwing(IOException.class, up))) {
        got.add(x);
      }
    } catch (IOException e) { // compiles: awaitEach declares X
      assertSame(boom, e);
    }
    assertEquals(List.of("a"), got);
    assertTrue(up.isClosed(), "the failed stream was closed");

    Iterable<String> once = Futures.awaitEach(Streams.of("a"));
    once.iterator();
    assertThrows(IllegalStateException.class, once::iterator);
  }
}
