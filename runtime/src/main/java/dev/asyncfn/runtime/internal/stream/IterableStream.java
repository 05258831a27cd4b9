/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.runtime.internal.stream;

import dev.asyncfn.runtime.Context;
import dev.asyncfn.runtime.Poll;
import java.util.Iterator;
import java.util.Objects;

/**
 * {@code Streams.of(...)}, {@code Streams.fromIterable(iterable)}, {@code Streams.empty()}: the
 * elements of an {@link Iterable}, always ready (Rust's {@code stream::iter}). The iterator is
 * created at the first poll and advanced one element per poll, so the stream is as lazy as the
 * iterable; a {@code null} element fails the stream with {@link NullPointerException}.
 *
 * @param <T> the element type
 */
public final class IterableStream<T> extends StreamBase<T, RuntimeException> {
  private Iterable<? extends T> iterable;
  private Iterator<? extends T> iterator;

  /** The elements of {@code iterable}. */
  public IterableStream(String name, Iterable<? extends T> iterable) {
    super(name);
    this.iterable = Objects.requireNonNull(iterable, name + ": the iterable is null");
  }

  @Override
  protected Poll<T> pollNextOpen(Context cx) {
    Iterator<? extends T> it = iterator;
    if (it == null) {
      it = iterable.iterator();
      iterator = it;
      iterable = null;
    }
    if (!it.hasNext()) {
      return Poll.ready(null);
    }
    T v = it.next();
    if (v == null) {
      throw new NullPointerException(StreamMessages.nullElement(toString()));
    }
    return Poll.ready(v);
  }

  @Override
  protected void release() {
    iterable = null;
    iterator = null;
  }
}
