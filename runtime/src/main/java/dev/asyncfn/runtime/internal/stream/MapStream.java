/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.runtime.internal.stream;

import dev.asyncfn.runtime.Context;
import dev.asyncfn.runtime.Poll;
import dev.asyncfn.runtime.stream.AsyncStream;
import java.util.Objects;
import java.util.function.Function;

/**
 * {@code stream.map(fn)}: each element of the upstream passed through {@code fn} when it is
 * asked for.
 *
 * @param <T> the upstream element type
 * @param <U> the element type
 * @param <X> the checked failure declared (that of the upstream)
 */
public final class MapStream<T, U, X extends Throwable> extends StreamBase<U, X> {
  private final AsyncStream<T> upstream;
  private final Function<? super T, ? extends U> fn;

  /** {@code upstream.map(fn)}. */
  public MapStream(AsyncStream<T> upstream, Function<? super T, ? extends U> fn) {
    super("map");
    this.upstream = Objects.requireNonNull(upstream, "upstream");
    this.fn = Objects.requireNonNull(fn, "map(fn): fn is null");
  }

  @Override
  protected Poll<U> pollNextOpen(Context cx) {
    Poll<T> p = upstream.pollNext(cx);
    if (p.isPending()) {
      return Poll.pending();
    }
    T v = p.get();
    if (v == null) {
      return Poll.ready(null);
    }
    U u = fn.apply(v);
    if (u == null) {
      throw new NullPointerException(StreamMessages.nullElement("map(fn)"));
    }
    return Poll.ready(u);
  }

  @Override
  protected void release() {
    upstream.close();
  }
}
