/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.runtime.internal.stream;

import dev.asyncfn.runtime.Context;
import dev.asyncfn.runtime.Poll;
import java.util.Objects;
import java.util.concurrent.Flow;

/**
 * {@code Streams.fromPublisher(publisher, bufferSize)}: a stream of what a {@link Flow.Publisher}
 * signals. Lazy: it subscribes at its first poll. Closing it cancels the subscription.
 *
 * @param <T> the element type
 */
public final class PublisherStream<T> extends StreamBase<T, RuntimeException> {
  private Flow.Publisher<? extends T> publisher;
  private final PublisherSubscriber<T> subscriber;

  /** The elements of {@code publisher}, at most {@code bufferSize} requested ahead. */
  public PublisherStream(Flow.Publisher<? extends T> publisher, int bufferSize) {
    super("fromPublisher");
    this.publisher =
        Objects.requireNonNull(publisher, "Streams.fromPublisher(publisher, n): publisher is null");
    this.subscriber = new PublisherSubscriber<>(bufferSize);
  }

  @Override
  protected Poll<T> pollNextOpen(Context cx) {
    Flow.Publisher<? extends T> p = publisher;
    if (p != null) {
      publisher = null;
      p.subscribe(subscriber);
    }
    return subscriber.poll(cx);
  }

  @Override
  protected void release() {
    publisher = null;
    subscriber.cancel();
  }
}
