/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.runtime.stream;

import dev.asyncfn.runtime.AsyncRuntime;
import dev.asyncfn.runtime.Context;
import dev.asyncfn.runtime.Poll;
import java.util.concurrent.Flow;
import org.reactivestreams.tck.TestEnvironment;
import org.reactivestreams.tck.flow.FlowPublisherVerification;
import org.testng.annotations.AfterClass;

/**
 * The Reactive Streams TCK (TestNG, run on the JUnit platform by the TestNG engine) against
 * {@link Streams#toPublisher}, on a two-worker runtime. Timeouts are short: each test waits at most
 * a few hundred milliseconds for a signal that is due, and the whole class runs in seconds.
 */
public class ToPublisherTckTest extends FlowPublisherVerification<Long> {
  private static final AsyncRuntime RUNTIME =
      AsyncRuntime.builder().multiThread().workerThreads(2).threadNamePrefix("tck").build();

  public ToPublisherTckTest() {
    super(new TestEnvironment(500, 50), 300);
  }

  @AfterClass
  public void shutDown() {
    RUNTIME.close();
  }

  /** 0, 1, ..., elements - 1 (Long.MAX_VALUE elements is as good as unbounded). */
  private static AsyncStream<Long> counting(long elements) {
    return new AsyncStream<>() {
      private long next;

      @Override
      public Poll<Long> pollNext(Context cx) {
        return Poll.ready(next < elements ? next++ : null);
      }
    };
  }

  @Override
  public Flow.Publisher<Long> createFlowPublisher(long elements) {
    return Streams.toPublisher(counting(elements), RUNTIME.handle());
  }

  /**
   * The error state a publisher of a stream can be in at subscribe: it was already subscribed to
   * (it publishes one stream, once), so it rejects a new subscriber with {@code onSubscribe}, then
   * {@code onError}. (A stream that fails cannot serve here: its failure is found by polling, and
   * the publisher polls only on demand, so it is signalled after a request; {@code
   * FlowBridgeTest} checks that.)
   */
  @Override
  public Flow.Publisher<Long> createFailedFlowPublisher() {
    Flow.Publisher<Long> used = createFlowPublisher(1);
    used.subscribe(
        new Flow.Subscriber<Long>() {
          @Override
          public void onSubscribe(Flow.Subscription s) {
            s.cancel();
          }

          @Override
          public void onNext(Long item) {}

          @Override
          public void onError(Throwable t) {}

          @Override
          public void onComplete() {}
        });
    return used;
  }
}
