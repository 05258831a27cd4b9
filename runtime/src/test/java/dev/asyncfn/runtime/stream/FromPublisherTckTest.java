/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.runtime.stream;

import dev.asyncfn.runtime.AsyncRuntime;
import dev.asyncfn.runtime.Context;
import dev.asyncfn.runtime.Future;
import dev.asyncfn.runtime.Poll;
import dev.asyncfn.runtime.internal.stream.PublisherSubscriber;
import java.util.concurrent.Flow;
import org.reactivestreams.tck.TestEnvironment;
import org.reactivestreams.tck.flow.FlowSubscriberBlackboxVerification;
import org.testng.annotations.AfterClass;

/**
 * The Reactive Streams TCK's subscriber rules against the subscriber behind {@link
 * Streams#fromPublisher}: each subscriber is drained by a task on a two-worker runtime, as a
 * consumer of the stream would.
 */
public class FromPublisherTckTest extends FlowSubscriberBlackboxVerification<Integer> {
  private static final AsyncRuntime RUNTIME =
      AsyncRuntime.builder().multiThread().workerThreads(2).threadNamePrefix("tck-sub").build();

  public FromPublisherTckTest() {
    super(new TestEnvironment(500, 50));
  }

  @AfterClass
  public void shutDown() {
    RUNTIME.close();
  }

  @Override
  public Flow.Subscriber<Integer> createFlowSubscriber() {
    PublisherSubscriber<Integer> subscriber = new PublisherSubscriber<>(16);
    RUNTIME.spawn(
        new Future<Void>() {
          @Override
          public Poll<Void> poll(Context cx) {
            for (;;) {
              Poll<Integer> p;
              try {
                p = subscriber.poll(cx);
              } catch (RuntimeException e) {
                return Poll.ready(null);
              }
              if (p.isPending()) {
                return Poll.pending();
              }
              if (p.get() == null) {
                return Poll.ready(null);
              }
            }
          }
        });
    return subscriber;
  }

  @Override
  public Integer createElement(int element) {
    return element;
  }
}
