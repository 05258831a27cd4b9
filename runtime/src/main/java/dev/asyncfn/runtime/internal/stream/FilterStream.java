/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.runtime.internal.stream;

import dev.asyncfn.runtime.Context;
import dev.asyncfn.runtime.Poll;
import dev.asyncfn.runtime.stream.AsyncStream;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * {@code stream.filter(predicate)}: the upstream's elements that match, in order.
 *
 * @param <T> the element type
 * @param <X> the checked failure declared (that of the upstream)
 */
public final class FilterStream<T, X extends Throwable> extends StreamBase<T, X> {
  private final AsyncStream<T> upstream;
  private final Predicate<? super T> predicate;

  /** {@code upstream.filter(predicate)}. */
  public FilterStream(AsyncStream<T> upstream, Predicate<? super T> predicate) {
    super("filter");
    this.upstream = Objects.requireNonNull(upstream, "upstream");
    this.predicate = Objects.requireNonNull(predicate, "filter(predicate): predicate is null");
  }

  @Override
  protected Poll<T> pollNextOpen(Context cx) {
    for (;;) {
      Poll<T> p = upstream.pollNext(cx);
      if (p.isPending()) {
        return p;
      }
      T v = p.get();
      if (v == null || predicate.test(v)) {
        return p;
      }
    }
  }

  @Override
  protected void release() {
    upstream.close();
  }
}
