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

import dev.asyncfn.runtime.Context;
import dev.asyncfn.runtime.Future;
import dev.asyncfn.runtime.Futures;
import dev.asyncfn.runtime.Poll;
import dev.asyncfn.runtime.combinator.CountingContext;
import dev.asyncfn.runtime.combinator.ManualFuture;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Generators written by hand (no processor), polled by hand: the producer/consumer handshake of
 * {@link Streams#generate} and {@link Emitter}, checked with the trace a reader of the producer's
 * source would expect.
 */
class GeneratorTest {
  private final List<String> trace = new ArrayList<>();
  private final CountingContext cx = new CountingContext();

  private <T> T next(AsyncStream<T> s) {
    Poll<T> p = s.pollNext(cx);
    assertTrue(p.isReady(), "expected an element or the end, got pending");
    T v = p.get();
    trace.add("consume " + v);
    return v;
  }

  @Test
  void nothingRunsBeforeTheFirstPoll() {
    Script<Integer> script = new Script<Integer>(trace).emitAll(1, 2);
    AsyncStream<Integer> s = script.stream();
    AsyncStream<String> mapped = s.map(String::valueOf).filter(x -> true).take(5);
    assertEquals(0, script.bodiesMade);
    assertEquals(List.of(), trace);
    assertEquals("1", mapped.pollNext(cx).get());
    assertEquals(1, script.bodiesMade);
  }

  @Test
  void theProducerRunsOnlyWhenTheConsumerAsksAndIsNeverAheadOfIt() {
    AsyncStream<Integer> s = new Script<Integer>(trace).emitAll(1, 2, 3).stream();
    next(s);
    trace.add("consumer busy");
    next(s);
    trace.add("consumer busy");
    next(s);
    next(s);
    assertEquals(
        List.of(
            "body created",
            "produce 1",
            "consume 1",
            "consumer busy",
            "resumed after 1",
            "produce 2",
            "consume 2",
            "consumer busy",
            "resumed after 2",
            "produce 3",
            "consume 3",
            "resumed after 3",
            "finally",
            "consume null"),
        trace);
  }

  @Test
  void theEndIsFused() {
    AsyncStream<Integer> s = new Script<Integer>(trace).emit(1).stream();
    assertEquals(1, s.pollNext(cx).get());
    assertNull(s.pollNext(cx).get());
    assertNull(s.pollNext(cx).get());
    assertNull(await(s.next()));
  }

  @Test
  void closingASuspendedProducerCancelsItOnceAndRunsItsFinally() {
    AsyncStream<Integer> s = new Script<Integer>(trace).emitAll(1, 2, 3).stream();
    next(s);
    s.close();
    s.close();
    assertEquals(List.of("body created", "produce 1", "consume 1", "cancelled", "finally"), trace);
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> s.pollNext(cx));
    assertTrue(e.getMessage().startsWith("generate stream polled after close()"), e.getMessage());
  }

  @Test
  void closingBeforeTheFirstPollNeverCreatesTheProducer() {
    Script<Integer> script = new Script<Integer>(trace).emit(1);
    script.stream().close();
    assertEquals(0, script.bodiesMade);
  }

  @Test
  void closingAfterTheEndDoesNothing() {
    AsyncStream<Integer> s = new Script<Integer>(trace).emit(1).stream();
    next(s);
    next(s);
    s.close();
    assertEquals(
        List.of("body created", "produce 1", "consume 1", "resumed after 1", "finally", "consume null"),
        trace);
  }

  @Test
  void takeClosesTheProducerWhenTheConsumerAsksForMore() {
    AsyncStream<Integer> s = new Script<Integer>(trace).emitAll(1, 2, 3).stream().take(2);
    next(s);
    next(s);
    trace.add("consumer asks again");
    next(s);
    assertEquals(
        List.of(
            "body created",
            "produce 1",
            "consume 1",
            "resumed after 1",
            "produce 2",
            "consume 2",
            "consumer asks again",
            "cancelled",
            "finally",
            "consume null"),
        trace);
  }

  @Test
  void aProducerFailureReachesTheConsumerUnchangedAndFinishesTheStream() {
    IOException boom = new IOException("boom");
    AsyncStream<Integer> s = new Script<Integer>(trace).emit(1).fail(boom).stream();
    next(s);
    IOException thrown = assertThrows(IOException.class, () -> await(typed(s).next()));
    assertSame(boom, thrown);
    assertThrows(IllegalStateException.class, () -> s.pollNext(cx));
    assertEquals(
        List.of("body created", "produce 1", "consume 1", "resumed after 1", "finally"), trace);
  }

  @Test
  void aFailureOfTheProducerFactoryFailsTheFirstPoll() {
    IllegalStateException boom = new IllegalStateException("no");
    AsyncStream<Integer> s =
        Streams.generate(
            out -> {
              throw boom;
            });
    assertSame(boom, assertThrows(IllegalStateException.class, () -> s.pollNext(cx)));
  }

  @Test
  void aProducerWaitingOnAFutureIsWokenThroughTheConsumersWaker() {
    ManualFuture<String> io = new ManualFuture<>("io");
    AsyncStream<Integer> s = new Script<Integer>(trace).await(io).emit(7).stream();
    assertTrue(s.pollNext(cx).isPending());
    assertTrue(io.hasWaker());
    io.complete("data");
    assertEquals(1, cx.wakes());
    assertEquals(7, s.pollNext(cx).get());
  }

  @Test
  void cancellingAPendingNextKeepsTheProducerWhereItWas() {
    ManualFuture<String> io = new ManualFuture<>("io");
    AsyncStream<Integer> s = new Script<Integer>(trace).emit(1).await(io).emit(2).stream();
    assertEquals(1, s.next().poll(cx).get());
    Future<Integer> pending = s.next();
    assertTrue(pending.poll(cx).isPending());
    pending.cancel(); // lost a select, say: not a close
    assertEquals(0, io.cancels());
    io.complete("ok");
    assertEquals(2, s.next().poll(cx).get());
    assertEquals(
        List.of("body created", "produce 1", "resumed after 1", "produce 2"), trace);
  }

  @Test
  void closingWhileTheProducerAwaitsSomethingElseCancelsThatToo() {
    ManualFuture<String> io = new ManualFuture<>("io");
    AsyncStream<Integer> s = new Script<Integer>(trace).emit(1).await(io).emit(2).stream();
    next(s);
    assertTrue(s.pollNext(cx).isPending());
    s.close();
    assertEquals(1, io.cancels());
    assertTrue(trace.contains("finally"));
  }

  @Test
  void emitsPendingTogetherHandTheirValuesOverOneAtATimeInOrder() {
    AsyncStream<String> s =
        Streams.generate(
            out ->
                Futures.map(
                    Futures.join(out.emit("a"), out.emit("b"), out.emit("c")), j -> null));
    assertEquals(List.of("a", "b", "c"), await(s.toList()));
  }

  @Test
  void anEmitAwaitedOutsideTheGeneratorIsRejected() {
    List<Emitter<String>> leaked = new ArrayList<>();
    AsyncStream<String> s =
        Streams.generate(
            out -> {
              leaked.add(out);
              return Futures.pending();
            });
    assertTrue(s.pollNext(cx).isPending());
    Future<Void> stray = leaked.get(0).emit("x");
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> stray.poll(cx));
    assertTrue(e.getMessage().startsWith("Emitter.emit() future polled outside"), e.getMessage());
    assertThrows(NullPointerException.class, () -> leaked.get(0).emit(null));
  }

  @Test
  void aCancelledEmitWithdrawsItsValue() {
    // select(emit(v), timer) inside a body: the emit hands its value over, then loses to the
    // timer in the same poll; its value must not reach the consumer.
    ManualFuture<Void> timer = new ManualFuture<>("timer");
    timer.complete(null);
    AsyncStream<String> s =
        Streams.generate(
            out ->
                new Future<Void>() {
                  Future<?> select = Futures.select(out.emit("late"), timer);
                  Future<Void> last;

                  @Override
                  public Poll<Void> poll(Context c) {
                    if (select != null) {
                      if (select.poll(c).isPending()) {
                        return Poll.pending();
                      }
                      select = null;
                      last = out.emit("after");
                    }
                    if (last.poll(c).isPending()) {
                      return Poll.pending();
                    }
                    return Poll.ready(null);
                  }
                });
    assertEquals(List.of("after"), await(s.toList()));
  }

  @Test
  void aLongGeneratorIsConsumedOneElementAtATimeOnARealRuntime() {
    int n = 10_000;
    AsyncStream<Integer> s = new Counter(n).stream();
    long sum = 0;
    for (int v : Futures.awaitEach(s)) {
      sum += v;
    }
    assertEquals((long) n * (n + 1) / 2, sum);
  }

  /** The shape a generated generator has: counts 1..n, one emit per state. */
  static final class Counter implements Future<Void> {
    private final Emitter<Integer> out;
    private final int n;
    private int i;
    private Future<Void> emitting;

    private Counter(Emitter<Integer> out, int n) {
      this.out = out;
      this.n = n;
    }

    Counter(int n) {
      this(null, n);
    }

    AsyncStream<Integer> stream() {
      return Streams.generate(out -> new Counter(out, n));
    }

    @Override
    public Poll<Void> poll(Context cx) {
      for (;;) {
        if (emitting != null) {
          if (emitting.poll(cx).isPending()) {
            return Poll.pending();
          }
          emitting = null;
        }
        if (i == n) {
          return Poll.ready(null);
        }
        emitting = out.emit(++i);
      }
    }
  }

  private static <T> ThrowingStream<T, IOException> typed(AsyncStream<T> s) {
    return Streams.throwing(IOException.class, s);
  }

  private static <T> T await(Future<T> f) {
    return Futures.blockOn(f);
  }

  private static <T, X extends Throwable> T await(dev.asyncfn.runtime.ThrowingFuture<T, X> f)
      throws X {
    return Futures.blockOn(f);
  }
}
