/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.runtime.internal.stream;

import dev.asyncfn.runtime.Future;
import dev.asyncfn.runtime.stream.AsyncStream;
import java.util.Objects;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * {@code Streams.toPublisher(stream)}: a {@link Flow.Publisher} of one stream, for one subscriber.
 * Subscribing hands the subscriber its subscription, then spawns the {@link PublishTask} that
 * polls the stream on demand. A second subscriber gets a subscription that does nothing and
 * {@code onError(IllegalStateException)} (rules 1.9 and 2.13: {@code onSubscribe} first).
 *
 * @param <T> the element type
 */
public final class StreamPublisher<T> implements Flow.Publisher<T> {
  private final AtomicReference<AsyncStream<T>> stream;
  private final Consumer<Future<Void>> spawner;

  /** A publisher of {@code stream} whose task {@code spawner} starts. */
  public StreamPublisher(AsyncStream<T> stream, Consumer<Future<Void>> spawner) {
    this.stream = new AtomicReference<>(Objects.requireNonNull(stream, "stream"));
    this.spawner = Objects.requireNonNull(spawner, "spawner");
  }

  @Override
  public void subscribe(Flow.Subscriber<? super T> subscriber) {
    Objects.requireNonNull(subscriber, "subscriber is null (Reactive Streams rule 1.9)");
    AsyncStream<T> s = stream.getAndSet(null);
    if (s == null) {
      subscriber.onSubscribe(NoSubscription.INSTANCE);
      subscriber.onError(new IllegalStateException(StreamMessages.ONE_SUBSCRIBER));
      return;
    }
    PublishTask<T> task = new PublishTask<>(s, subscriber);
    try {
      subscriber.onSubscribe(task.subscription());
    } catch (Throwable t) {
      // Rule 2.13: onSubscribe must return normally; the subscription is considered cancelled.
      task.subscription().cancel();
      task.cancel();
      dev.asyncfn.runtime.internal.Sneaky.report(t);
      return;
    }
    spawner.accept(task);
  }

  @Override
  public String toString() {
    return "publisher of " + stream.get();
  }

  /** The subscription of a rejected subscriber. */
  private enum NoSubscription implements Flow.Subscription {
    INSTANCE;

    @Override
    public void request(long n) {}

    @Override
    public void cancel() {}
  }
}
