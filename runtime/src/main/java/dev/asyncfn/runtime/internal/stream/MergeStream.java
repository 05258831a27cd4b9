/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.runtime.internal.stream;

import dev.asyncfn.runtime.Context;
import dev.asyncfn.runtime.Poll;
import dev.asyncfn.runtime.stream.AsyncStream;
import java.util.List;
import java.util.Objects;

/**
 * {@code Streams.merge(a, b, ...)}: the elements of several streams as they become ready, fairly
 * (futures-rs's {@code select_all}). Each poll polls the open streams round-robin, starting after
 * the stream that gave the previous element, and returns the first element ready; so a stream
 * that is always ready cannot starve the others. It ends when every stream ended. A failure of
 * one stream fails the merge with that exception and closes the others.
 *
 * <p>Every stream is polled with the task's own context, so a wake-up from any of them re-polls
 * the merge; a poll costs in proportion to the number of open streams.
 *
 * @param <T> the element type
 */
public final class MergeStream<T> extends StreamBase<T, RuntimeException> {
  private final AsyncStream<? extends T>[] streams;
  private int open;
  private int start;

  /** The merge of {@code streams}, in that order for the first poll. */
  @SuppressWarnings("unchecked")
  public MergeStream(List<? extends AsyncStream<? extends T>> streams) {
    super("merge");
    this.streams = (AsyncStream<? extends T>[]) streams.toArray(new AsyncStream<?>[0]);
    for (AsyncStream<? extends T> s : this.streams) {
      Objects.requireNonNull(s, "Streams.merge: a stream is null");
    }
    this.open = this.streams.length;
  }

  @Override
  protected Poll<T> pollNextOpen(Context cx) {
    int n = streams.length;
    for (int k = 0; k < n && open > 0; k++) {
      int i = (start + k) % n;
      AsyncStream<? extends T> s = streams[i];
      if (s == null) {
        continue;
      }
      Poll<? extends T> p;
      try {
        p = s.pollNext(cx);
      } catch (Throwable t) {
        streams[i] = null; // failed: it released itself
        open--;
        throw t;
      }
      if (p.isPending()) {
        continue;
      }
      T v = p.get();
      if (v == null) {
        streams[i] = null;
        open--;
        continue;
      }
      start = (i + 1) % n;
      @SuppressWarnings("unchecked") // a Poll is immutable: a Poll<? extends T> is a Poll<T>
      Poll<T> r = (Poll<T>) p;
      return r;
    }
    return open == 0 ? Poll.ready(null) : Poll.pending();
  }

  @Override
  protected void release() {
    Release r = new Release();
    for (int i = 0; i < streams.length; i++) {
      AsyncStream<? extends T> s = streams[i];
      streams[i] = null;
      r.close(s);
    }
    open = 0;
    r.done();
  }
}
