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
import dev.asyncfn.runtime.CancelledException;
import dev.asyncfn.runtime.Futures;
import dev.asyncfn.runtime.combinator.CountingContext;
import dev.asyncfn.runtime.time.Time;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The Flow bridge both ways, deterministically: the publishing task runs on a paused
 * current-thread runtime, and {@link #settle()} runs every task until all are idle (the paused
 * clock jumps only then).
 */
class FlowBridgeTest {
  private final List<String> trace = Collections.synchronizedList(new ArrayList<>());
  private final AsyncRuntime rt =
      AsyncRuntime.builder().currentThread().startPaused(true).build();
  private final CountingContext cx = new CountingContext();

  @AfterEach
  void shutDown() {
    rt.close();
  }

  /** Runs the runtime's tasks until every one is waiting. */
  private void settle() {
    rt.blockOn(Time.sleep(Duration.ofHours(1)));
  }

  private List<String> trace() {
    synchronized (trace) {
      return List.copyOf(trace);
    }
  }

  @Test
  void demandDrivesThePolling() {
    AsyncStream<Integer> gen = new Script<Integer>(trace).emitAll(1, 2, 3).stream();
    Recorder<Integer> sub = new Recorder<>();
    Streams.toPublisher(gen, rt.handle()).subscribe(sub);
    settle();
    assertEquals(List.of("onSubscribe"), sub.signals());
    assertEquals(List.of(), trace(), "no demand: the producer did not even start");

    sub.subscription.request(2);
    settle();
    assertEquals(List.of("onSubscribe", "onNext 1", "onNext 2"), sub.signals());
    assertEquals(
        List.of("body created", "produce 1", "resumed after 1", "produce 2"),
        trace(),
        "the producer waits in emit(2): nothing was produced beyond the demand");

    sub.subscription.request(Long.MAX_VALUE);
    sub.subscription.request(Long.MAX_VALUE); // saturates (rule 3.17)
    settle();
    assertEquals(
        List.of("onSubscribe", "onNext 1", "onNext 2", "onNext 3", "onComplete"), sub.signals());
    assertTrue(trace().contains("finally"));
  }

  @Test
  void cancelStopsTheTaskClosesTheStreamAndRunsTheProducersFinally() {
    AsyncStream<Integer> gen = new Script<Integer>(trace).emitAll(1, 2, 3).stream();
    Recorder<Integer> sub = new Recorder<>();
    Streams.toPublisher(gen, rt.handle()).subscribe(sub);
    sub.subscription.request(1);
    settle();
    sub.subscription.cancel();
    sub.subscription.request(5); // after cancel: nothing (rule 3.6)
    settle();
    assertEquals(List.of("onSubscribe", "onNext 1"), sub.signals());
    assertEquals(
        List.of("body created", "produce 1", "cancelled", "finally"), trace());
    assertEquals(0, rt.handle().liveTaskCount());
  }

  @Test
  void requestingFromOnNextNeedsNoRecursion() {
    Recorder<Integer> sub = new Recorder<>(1);
    Streams.toPublisher(Streams.of(1, 2, 3, 4), rt.handle()).subscribe(sub);
    sub.subscription.request(1);
    settle();
    assertEquals(
        List.of("onSubscribe", "onNext 1", "onNext 2", "onNext 3", "onNext 4", "onComplete"),
        sub.signals());
  }

  @Test
  void aFailureIsSignalledOnceWithTheSameException() {
    IOException boom = new IOException("boom");
    AsyncStream<Integer> gen = new Script<Integer>(trace).emit(1).fail(boom).stream();
    Recorder<Integer> sub = new Recorder<>();
    Streams.toPublisher(gen, rt.handle()).subscribe(sub);
    sub.subscription.request(10);
    settle();
    assertEquals(List.of("onSubscribe", "onNext 1", "onError IOException"), sub.signals());
    assertSame(boom, sub.error);
  }

  @Test
  void aNonPositiveRequestSignalsIllegalArgumentAndClosesTheStream() {
    AsyncStream<Integer> gen = new Script<Integer>(trace).emitAll(1, 2).stream();
    Recorder<Integer> sub = new Recorder<>();
    Streams.toPublisher(gen, rt.handle()).subscribe(sub);
    sub.subscription.request(1);
    settle();
    sub.subscription.request(0);
    settle();
    assertEquals(List.of("onSubscribe", "onNext 1", "onError IllegalArgumentException"),
        sub.signals());
    assertTrue(sub.error.getMessage().contains("rule 3.9"));
    assertTrue(trace().contains("finally"));
  }

  @Test
  void aSecondSubscriberIsRejectedAfterOnSubscribe() {
    Flow.Publisher<Integer> p = Streams.toPublisher(Streams.of(1), rt.handle());
    p.subscribe(new Recorder<>());
    Recorder<Integer> second = new Recorder<>();
    p.subscribe(second);
    assertEquals(List.of("onSubscribe", "onError IllegalStateException"), second.signals());
    assertThrows(NullPointerException.class, () -> p.subscribe(null));
  }

  @Test
  void aRuntimeShutdownSignalsCancelled() {
    AsyncRuntime other = AsyncRuntime.builder().currentThread().build();
    Recorder<Integer> sub = new Recorder<>();
    Streams.toPublisher(new Script<Integer>(trace).emit(1).stream(), other.handle())
        .subscribe(sub);
    other.close();
    assertEquals(List.of("onSubscribe", "onError CancelledException"), sub.signals());
    assertInstanceOf(CancelledException.class, sub.error);
  }

  @Test
  void fromPublisherSubscribesLazilyAndKeepsTheDemandBounded() {
    ManualPublisher<Integer> pub = new ManualPublisher<>();
    AsyncStream<Integer> s = Streams.fromPublisher(pub, 4);
    assertEquals(0, pub.subscribes);
    assertTrue(s.pollNext(cx).isPending());
    assertEquals(1, pub.subscribes);
    assertEquals(List.of(4L), pub.requests);
    for (int i = 1; i <= 4; i++) {
      pub.subscriber.onNext(i);
    }
    assertEquals(1, cx.wakes());
    assertEquals(1, s.pollNext(cx).get());
    assertEquals(2, s.pollNext(cx).get());
    assertEquals(List.of(4L), pub.requests, "not yet three quarters taken");
    assertEquals(3, s.pollNext(cx).get());
    assertEquals(List.of(4L, 3L), pub.requests, "three taken: three requested again");
    pub.subscriber.onComplete();
    assertEquals(4, s.pollNext(cx).get());
    assertNull(s.pollNext(cx).get());
  }

  @Test
  void fromPublisherDeliversTheBufferedElementsBeforeTheFailure() {
    ManualPublisher<Integer> pub = new ManualPublisher<>();
    AsyncStream<Integer> s = Streams.fromPublisher(pub, 8);
    assertTrue(s.pollNext(cx).isPending());
    IOException boom = new IOException("gone");
    pub.subscriber.onNext(1);
    pub.subscriber.onError(boom);
    assertEquals(1, s.pollNext(cx).get());
    assertSame(boom, assertThrows(IOException.class, () -> s.pollNext(cx)));
  }

  @Test
  void fromPublisherFailsWhenThePublisherSendsMoreThanRequested() {
    ManualPublisher<Integer> pub = new ManualPublisher<>();
    AsyncStream<Integer> s = Streams.fromPublisher(pub, 1);
    assertTrue(s.pollNext(cx).isPending());
    pub.subscriber.onNext(1);
    pub.subscriber.onNext(2);
    assertEquals(1, pub.cancels);
    assertEquals(1, s.pollNext(cx).get(), "what was requested is delivered first");
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> s.pollNext(cx));
    assertTrue(e.getMessage().contains("rule 1.1"), e.getMessage());
    assertThrows(NullPointerException.class, () -> pub.subscriber.onNext(null));
  }

  @Test
  void closingTheStreamCancelsTheSubscription() {
    ManualPublisher<Integer> pub = new ManualPublisher<>();
    AsyncStream<Integer> s = Streams.fromPublisher(pub, 2);
    assertTrue(s.pollNext(cx).isPending());
    pub.subscriber.onNext(1);
    s.close();
    assertEquals(1, pub.cancels);
    Streams.fromPublisher(pub, 2).close();
    assertEquals(1, pub.subscribes, "a stream closed before its first poll never subscribes");
  }

  @Test
  void aRoundTripThroughFlowKeepsTheProducerWithinTheBuffer() {
    List<String> produced = Collections.synchronizedList(new ArrayList<>());
    Script<Integer> script = new Script<>(produced);
    for (int i = 1; i <= 50; i++) {
      script.emit(i);
    }
    AsyncStream<Integer> back =
        Streams.fromPublisher(Streams.toPublisher(script.stream(), rt.handle()), 8);
    List<Integer> got = new ArrayList<>();
    int[] maxAhead = {0};
    rt.blockOn(
        back.forEach(
            v -> {
              got.add(v);
              long producedCount = produced.stream().filter(x -> x.startsWith("produce")).count();
              maxAhead[0] = (int) Math.max(maxAhead[0], producedCount - got.size());
            }));
    assertEquals(50, got.size());
    assertEquals(1, got.get(0));
    assertTrue(maxAhead[0] <= 8, "the producer ran at most the buffer ahead: " + maxAhead[0]);
  }

  @Test
  void theDefaultRuntimePublishesWhenSubscribedOutsideAny() throws Exception {
    Recorder<String> sub = new Recorder<>();
    Streams.toPublisher(Streams.of("x")).subscribe(sub);
    sub.subscription.request(2); // the end is found by a poll, which needs demand left
    // Wait (bounded) for the default runtime's task to signal the end: a latch, not a sleep.
    assertTrue(sub.terminated.await(10, TimeUnit.SECONDS), "no terminal signal");
    assertEquals(List.of("onSubscribe", "onNext x", "onComplete"), sub.signals());
    assertEquals(List.of("x"), Futures.blockOn(Streams.fromPublisher(
        Streams.toPublisher(Streams.of("x")), 1).toList()));
  }
}
