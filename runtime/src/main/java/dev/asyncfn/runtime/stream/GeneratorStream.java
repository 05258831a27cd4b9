/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.runtime.stream;

import dev.asyncfn.runtime.Context;
import dev.asyncfn.runtime.Future;
import dev.asyncfn.runtime.Poll;
import dev.asyncfn.runtime.internal.stream.StreamBase;
import java.util.Objects;
import java.util.function.Function;

/**
 * {@link Streams#generate}: a stream whose elements a producer body emits through an {@link
 * Emitter}. The body is created at the first poll and polled only from {@code pollNext}, with the
 * consumer's context; see {@link Emitter} for the handshake and {@link Streams#generate} for the
 * contract.
 *
 * @param <T> the element type
 */
final class GeneratorStream<T> extends StreamBase<T, RuntimeException> {
  private Function<? super Emitter<T>, ? extends Future<?>> producer;
  private final Emitter<T> emitter = new Emitter<>();
  private Future<?> body;
  private boolean bodyDone;

  GeneratorStream(Function<? super Emitter<T>, ? extends Future<?>> producer) {
    super("generate");
    this.producer = Objects.requireNonNull(producer, "Streams.generate(producer): producer is null");
  }

  @Override
  protected Poll<T> pollNextOpen(Context cx) {
    if (!bodyDone) {
      Future<?> b = body;
      if (b == null) {
        Function<? super Emitter<T>, ? extends Future<?>> p = producer;
        producer = null;
        b = Objects.requireNonNull(p.apply(emitter), "Streams.generate: the producer gave null");
        body = b;
      }
      Poll<?> p;
      emitter.enterBodyPoll();
      try {
        p = b.poll(cx);
      } catch (Throwable t) {
        // The body failed: it is finished, there is nothing to cancel.
        body = null;
        bodyDone = true;
        throw t;
      } finally {
        emitter.exitBodyPoll();
      }
      if (p.isReady()) {
        body = null;
        bodyDone = true;
      }
    }
    T v = emitter.take();
    if (v != null) {
      return Poll.ready(v);
    }
    return bodyDone ? Poll.ready(null) : Poll.pending();
  }

  @Override
  protected void release() {
    producer = null;
    emitter.clear();
    Future<?> b = body;
    body = null;
    bodyDone = true;
    if (b != null) {
      b.cancel();
    }
  }
}
