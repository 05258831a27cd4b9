/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.runtime.internal.stream;

import dev.asyncfn.runtime.Context;
import dev.asyncfn.runtime.Future;
import dev.asyncfn.runtime.Poll;
import dev.asyncfn.runtime.stream.AsyncStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * {@code Streams.buffered(futures, n)} and {@code Streams.bufferUnordered(futures, n)}: a stream
 * of futures run with at most {@code n} in flight, giving their outputs (futures-rs's {@code
 * buffered} and {@code buffer_unordered}).
 *
 * <p>Each poll first takes futures from the upstream until {@code n} are in flight (the upstream
 * is polled only while there is room: backpressure), then polls the futures in flight in the
 * order they were taken. Ordered: the output of the oldest future is returned once it is ready;
 * outputs of younger futures that finished first wait in their slot (still counted in {@code
 * n}). Unordered: the first future found ready is removed and its output returned.
 *
 * <p>Every future is polled with the task's own context (as {@code Futures.join} does), so a poll
 * costs in proportion to {@code n}: meant for a bounded, modest concurrency. A future that fails
 * fails the stream with its exception; the others are cancelled and the upstream closed. A future
 * whose output is {@code null} fails the stream with {@link NullPointerException}.
 *
 * @param <T> the output type of the futures
 */
public final class BufferedStream<T> extends StreamBase<T, RuntimeException> {
  private final AsyncStream<? extends Future<? extends T>> upstream;
  private final int limit;
  private final boolean ordered;
  private final ArrayDeque<Slot<T>> inFlight = new ArrayDeque<>();
  private boolean upstreamEnded;

  /** A future in flight, and its output once it finished (ordered mode keeps it until its turn). */
  private static final class Slot<T> {
    Future<? extends T> future;
    T output;

    Slot(Future<? extends T> future) {
      this.future = future;
    }
  }

  /** {@code upstream} run {@code limit} at a time; {@code ordered} keeps the upstream's order. */
  public BufferedStream(
      String name, AsyncStream<? extends Future<? extends T>> upstream, int limit, boolean ordered) {
    super(name);
    if (limit < 1) {
      throw new IllegalArgumentException(name + ": n must be at least 1, was " + limit);
    }
    this.upstream = Objects.requireNonNull(upstream, name + ": the stream is null");
    this.limit = limit;
    this.ordered = ordered;
  }

  @Override
  protected Poll<T> pollNextOpen(Context cx) {
    fill(cx);
    for (java.util.Iterator<Slot<T>> it = inFlight.iterator(); it.hasNext(); ) {
      Slot<T> slot = it.next();
      if (slot.future != null) {
        Poll<? extends T> p;
        try {
          p = slot.future.poll(cx);
        } catch (Throwable t) {
          slot.future = null; // failed: nothing to cancel
          throw t;
        }
        if (p.isReady()) {
          slot.future = null;
          slot.output = p.get();
          if (slot.output == null) {
            throw new NullPointerException(StreamMessages.nullElement("a future of " + this));
          }
        }
      }
      if (slot.future == null && (!ordered || slot == inFlight.peekFirst())) {
        it.remove();
        return Poll.ready(slot.output);
      }
    }
    return upstreamEnded && inFlight.isEmpty() ? Poll.ready(null) : Poll.pending();
  }

  /** Takes futures from the upstream while there is room and it has them ready. */
  private void fill(Context cx) {
    while (!upstreamEnded && inFlight.size() < limit) {
      Poll<? extends Future<? extends T>> p = upstream.pollNext(cx);
      if (p.isPending()) {
        return;
      }
      Future<? extends T> f = p.get();
      if (f == null) {
        upstreamEnded = true;
        return;
      }
      inFlight.addLast(new Slot<>(f));
    }
  }

  @Override
  protected void release() {
    Release r = new Release();
    List<Future<?>> pending = new ArrayList<>();
    for (Slot<T> slot : inFlight) {
      if (slot.future != null) {
        pending.add(slot.future);
      }
    }
    inFlight.clear();
    r.cancelAll(pending);
    if (!upstreamEnded) {
      upstreamEnded = true;
      r.close(upstream);
    }
    r.done();
  }
}
