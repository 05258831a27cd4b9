/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.runtime.internal.stream;

import dev.asyncfn.runtime.Context;
import dev.asyncfn.runtime.Poll;
import dev.asyncfn.runtime.stream.AsyncStream;
import java.util.Objects;

/**
 * {@code stream.take(n)}: the first {@code n} elements. The upstream is closed when this stream
 * ends: at the poll after the {@code n}-th element (not earlier, so that a consumer handles the
 * last element before the producer's clean-up runs, as with Kotlin's {@code take} and Rust's
 * drop order), or at the first poll for {@code take(0)}, which never polls the upstream.
 *
 * @param <T> the element type
 * @param <X> the checked failure declared (that of the upstream)
 */
public final class TakeStream<T, X extends Throwable> extends StreamBase<T, X> {
  private final AsyncStream<T> upstream;
  private long left;

  /** {@code upstream.take(n)}. */
  public TakeStream(AsyncStream<T> upstream, long n) {
    super("take");
    if (n < 0) {
      throw new IllegalArgumentException(StreamMessages.negative("take(n): n", n));
    }
    this.upstream = Objects.requireNonNull(upstream, "upstream");
    this.left = n;
  }

  @Override
  protected Poll<T> pollNextOpen(Context cx) {
    if (left == 0) {
      return Poll.ready(null);
    }
    Poll<T> p = upstream.pollNext(cx);
    if (p.isReady() && p.get() != null) {
      left--;
    }
    return p;
  }

  @Override
  protected void release() {
    upstream.close();
  }
}
