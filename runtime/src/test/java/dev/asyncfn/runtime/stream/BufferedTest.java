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
import dev.asyncfn.runtime.combinator.CountingContext;
import dev.asyncfn.runtime.combinator.ManualFuture;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code buffered} and {@code bufferUnordered}: bounded concurrency over a stream of futures. */
class BufferedTest {
  private final CountingContext cx = new CountingContext();
  private final List<ManualFuture<String>> made = new ArrayList<>();

  /** A stream that makes a new manual future each time it is asked, up to {@code n}. */
  private AsyncStream<Future<String>> jobs(int n) {
    return Streams.fromIterable(java.util.stream.IntStream.range(0, n).boxed().toList())
        .map(
            i -> {
              ManualFuture<String> f = new ManualFuture<>("job" + i);
              made.add(f);
              return f;
            });
  }

  @Test
  void atMostNFuturesAreInFlightAndTheUpstreamIsNotPolledWhenFull() {
    AsyncStream<String> s = Streams.buffered(jobs(5), 2);
    assertTrue(s.pollNext(cx).isPending());
    assertEquals(2, made.size(), "only two futures taken");
    assertTrue(s.pollNext(cx).isPending());
    assertEquals(2, made.size());
    made.get(0).complete("r0");
    assertEquals("r0", s.pollNext(cx).get());
    assertEquals(2, made.size(), "the slot is refilled at the next poll, not before");
    assertTrue(s.pollNext(cx).isPending());
    assertEquals(3, made.size());
  }

  @Test
  void bufferedKeepsTheOrderOfTheUpstream() {
    AsyncStream<String> s = Streams.buffered(jobs(3), 3);
    assertTrue(s.pollNext(cx).isPending());
    made.get(2).complete("r2");
    made.get(1).complete("r1");
    assertTrue(s.pollNext(cx).isPending(), "r0 first");
    made.get(0).complete("r0");
    assertEquals("r0", s.pollNext(cx).get());
    assertEquals("r1", s.pollNext(cx).get());
    assertEquals("r2", s.pollNext(cx).get());
    assertNull(s.pollNext(cx).get());
  }

  @Test
  void bufferUnorderedGivesOutputsAsTheyFinish() {
    AsyncStream<String> s = Streams.bufferUnordered(jobs(3), 3);
    assertTrue(s.pollNext(cx).isPending());
    made.get(2).complete("r2");
    assertEquals("r2", s.pollNext(cx).get());
    made.get(0).complete("r0");
    assertEquals("r0", s.pollNext(cx).get());
    made.get(1).complete("r1");
    assertEquals("r1", s.pollNext(cx).get());
    assertNull(s.pollNext(cx).get());
  }

  @Test
  void aFailureFailsTheStreamAndCancelsTheOthersOnce() {
    AsyncStream<String> s = Streams.bufferUnordered(jobs(4), 3);
    assertTrue(s.pollNext(cx).isPending());
    IllegalStateException boom = new IllegalStateException("job1 failed");
    made.get(1).fail(boom);
    assertSame(boom, assertThrows(IllegalStateException.class, () -> s.pollNext(cx)));
    assertEquals(1, made.get(0).cancels());
    assertEquals(0, made.get(1).cancels());
    assertEquals(1, made.get(2).cancels());
    assertEquals(3, made.size(), "the upstream was closed, not drained");
  }

  @Test
  void closingCancelsEveryFutureInFlightAndClosesTheUpstream() {
    ManualStream<Future<String>> up = new ManualStream<>("up");
    ManualFuture<String> a = new ManualFuture<>("a");
    up.push(a);
    AsyncStream<String> s = Streams.buffered(up, 2);
    assertTrue(s.pollNext(cx).isPending());
    s.close();
    assertEquals(1, a.cancels());
    assertTrue(up.isClosed());
  }

  @Test
  void aNullOutputFailsTheStream() {
    AsyncStream<String> s =
        Streams.buffered(Streams.of(dev.asyncfn.runtime.Futures.<String>ready(null)), 1);
    assertThrows(NullPointerException.class, () -> s.pollNext(cx));
    assertThrows(IllegalArgumentException.class, () -> Streams.buffered(jobs(1), 0));
  }
}
