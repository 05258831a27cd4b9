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

import dev.asyncfn.runtime.Futures;
import dev.asyncfn.runtime.Poll;
import dev.asyncfn.runtime.combinator.CountingContext;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MergeTest {
  private final CountingContext cx = new CountingContext();

  @Test
  void alwaysReadyStreamsAreServedInTurn() {
    AsyncStream<String> a = c -> Poll.ready("a");
    AsyncStream<String> b = c -> Poll.ready("b");
    AsyncStream<String> c3 = c -> Poll.ready("c");
    AsyncStream<String> m = Streams.merge(a, b, c3).take(7);
    assertEquals(List.of("a", "b", "c", "a", "b", "c", "a"), Futures.blockOn(m.toList()));
  }

  @Test
  void elementsComeAsTheyBecomeReadyAndTheMergeEndsWhenAllEnded() {
    List<String> trace = new ArrayList<>();
    ManualStream<String> a = new ManualStream<>("a", trace);
    ManualStream<String> b = new ManualStream<>("b", trace);
    AsyncStream<String> m = Streams.merge(List.of(a, b));
    assertTrue(m.pollNext(cx).isPending());
    b.push("b1");
    assertEquals(1, cx.wakes());
    assertEquals("b1", m.pollNext(cx).get());
    a.push("a1").end();
    assertEquals("a1", m.pollNext(cx).get());
    assertTrue(m.pollNext(cx).isPending());
    b.end();
    assertNull(m.pollNext(cx).get());
    int polls = a.polls + b.polls;
    assertNull(m.pollNext(cx).get());
    assertEquals(polls, a.polls + b.polls, "ended streams are not polled again");
  }

  @Test
  void aFailureFailsTheMergeAndClosesTheOthers() {
    ManualStream<String> a = new ManualStream<>("a");
    ManualStream<String> b = new ManualStream<>("b");
    IllegalStateException boom = new IllegalStateException("b broke");
    b.fail(boom);
    AsyncStream<String> m = Streams.merge(a, b);
    assertSame(boom, assertThrows(IllegalStateException.class, () -> m.pollNext(cx)));
    assertTrue(a.isClosed());
  }

  @Test
  void closingTheMergeClosesEveryStream() {
    ManualStream<String> a = new ManualStream<>("a");
    ManualStream<String> b = new ManualStream<>("b");
    AsyncStream<String> m = Streams.merge(a, b);
    assertTrue(m.pollNext(cx).isPending());
    m.close();
    assertTrue(a.isClosed() && b.isClosed());
  }

  @Test
  void anEmptyMergeEndsAtOnce() {
    assertNull(Streams.<String>merge().pollNext(cx).get());
  }
}
