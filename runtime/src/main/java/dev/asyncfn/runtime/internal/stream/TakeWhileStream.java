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
 * {@code stream.takeWhile(predicate)}: the elements before the first that does not match; that
 * one is dropped and the stream ends, closing the upstream.
 *
 * @param <T> the element type
 * @param <X> the checked failure declared (that of the upstream)
 */
public final class TakeWhileStream<T, X extends Throwable> extends StreamBase<T, X> {
  private final AsyncStream<T> upstream;
  private final Predicate<? super T> predicate;

  /** {@code upstream.takeWhile(predicate)}. */
  public TakeWhileStream(AsyncStream<T> upstream, Predicate<? super T> predicate) {
    super("takeWhile");
    this.upstream = Objects.requireNonNull(upstream, "upstream");
    this.predicate = Objects.requireNonNull(predicate, "takeWhile(predicate): predicate is null");
  }

  @Override
  protected Poll<T> pollNextOpen(Context cx) {
    Poll<T> p = upstream.pollNext(cx);
    if (p.isPending() || p.get() == null || predicate.test(p.get())) {
      return p;
    }
    return Poll.ready(null);
  }

  @Override
  protected void release() {
    upstream.close();
  }
}
