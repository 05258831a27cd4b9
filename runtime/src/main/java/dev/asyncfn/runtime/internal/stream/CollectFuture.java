/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.runtime.internal.stream;

import dev.asyncfn.runtime.Context;
import dev.asyncfn.runtime.Future;
import dev.asyncfn.runtime.Poll;
import dev.asyncfn.runtime.internal.Sneaky;
import dev.asyncfn.runtime.stream.AsyncStream;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collector;

/**
 * The terminal operations {@code toList()}, {@code collect(collector)} and {@code
 * forEach(action)}: a future that drains a stream into an accumulator. Each poll takes every
 * element that is ready; the accumulator is created at the first poll.
 *
 * <p>Cancellation closes the stream. A throwing accumulator or action closes the stream and fails
 * the future with its exception; the stream's own failure passes through unchanged.
 *
 * @param <T> the element type
 * @param <A> the accumulator type
 * @param <R> the output type
 */
public final class CollectFuture<T, A, R> implements Future<R> {
  private AsyncStream<T> stream;
  private final Supplier<A> supplier;
  private final BiConsumer<A, ? super T> accumulator;
  private final Function<A, R> finisher;
  private A acc;
  private boolean started;

  private CollectFuture(
      AsyncStream<T> stream,
      Supplier<A> supplier,
      BiConsumer<A, ? super T> accumulator,
      Function<A, R> finisher) {
    this.stream = Objects.requireNonNull(stream, "stream");
    this.supplier = supplier;
    this.accumulator = accumulator;
    this.finisher = finisher;
  }

  /** {@code stream.collect(collector)}. */
  public static <T, A, R> Future<R> collect(
      AsyncStream<T> stream, Collector<? super T, A, R> collector) {
    Objects.requireNonNull(collector, "collect(collector): collector is null");
    return new CollectFuture<T, A, R>(
        stream, collector.supplier(), collector.accumulator(), collector.finisher());
  }

  /** {@code stream.forEach(action)}. */
  public static <T> Future<Void> forEach(AsyncStream<T> stream, Consumer<? super T> action) {
    Objects.requireNonNull(action, "forEach(action): action is null");
    return new CollectFuture<T, Void, Void>(stream, () -> null, (a, v) -> action.accept(v), a -> a);
  }

  @Override
  public Poll<R> poll(Context cx) {
    AsyncStream<T> s = stream;
    if (s == null) {
      throw new IllegalStateException(
          "a collect/forEach/toList future was polled after it completed or was cancelled:"
              + " await it once");
    }
    try {
      if (!started) {
        started = true;
        acc = supplier.get();
      }
      for (;;) {
        Poll<T> p;
        try {
          p = s.pollNext(cx);
        } catch (Throwable t) {
          // The stream failed: it released itself. Nothing of ours to undo.
          stream = null;
          throw Sneaky.raise(t);
        }
        if (p.isPending()) {
          return Poll.pending();
        }
        T v = p.get();
        if (v == null) {
          stream = null;
          R r = finisher.apply(acc);
          acc = null;
          return Poll.ready(r);
        }
        accumulator.accept(acc, v);
      }
    } catch (Throwable t) {
      if (stream != null) {
        stream = null;
        acc = null;
        try {
          s.close();
        } catch (Throwable c) {
          if (c != t) {
            t.addSuppressed(c);
          }
        }
      }
      throw Sneaky.raise(t);
    }
  }

  @Override
  public void cancel() {
    AsyncStream<T> s = stream;
    if (s != null) {
      stream = null;
      acc = null;
      s.close();
    }
  }
}
