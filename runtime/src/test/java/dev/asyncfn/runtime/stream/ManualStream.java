/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.runtime.stream;

import dev.asyncfn.runtime.Context;
import dev.asyncfn.runtime.Poll;
import dev.asyncfn.runtime.Waker;
import dev.asyncfn.runtime.internal.Sneaky;
import java.util.ArrayDeque;
import java.util.List;

/**
 * A stream fed by hand from the test: {@link #push}, {@link #end}, {@link #fail}. Pending while
 * nothing is queued (keeping the waker of its latest poll, which each push wakes). Counts polls and
 * closes, records what it gave in {@code trace} (when given one), and fails the test loudly when
 * polled after close.
 */
final class ManualStream<T> implements AsyncStream<T> {
  private final String name;
  private final List<String> trace;
  private final ArrayDeque<Object> queue = new ArrayDeque<>();
  private Waker waker;
  int polls;
  int closes;
  private boolean closed;

  private static final Object END = new Object();

  ManualStream(String name, List<String> trace) {
    this.name = name;
    this.trace = trace;
  }

  ManualStream(String name) {
    this(name, null);
  }

  /** Queues {@code v} and wakes the latest poller. */
  @SafeVarargs
  final ManualStream<T> push(T... values) {
    for (T v : values) {
      queue.addLast(v);
    }
    wake();
    return this;
  }

  ManualStream<T> end() {
    queue.addLast(END);
    wake();
    return this;
  }

  ManualStream<T> fail(Throwable t) {
    queue.addLast(new Failure(t));
    wake();
    return this;
  }

  boolean isClosed() {
    return closed;
  }

  int queued() {
    return queue.size();
  }

  private void wake() {
    Waker w = waker;
    waker = null;
    if (w != null) {
      w.wake();
    }
  }

  @Override
  @SuppressWarnings("unchecked")
  public Poll<T> pollNext(Context cx) {
    if (closed) {
      throw new AssertionError(name + " polled after close()");
    }
    polls++;
    Object o = queue.peekFirst();
    if (o == null) {
      waker = cx.waker();
      return Poll.pending();
    }
    if (o == END) {
      return Poll.ready(null);
    }
    queue.pollFirst();
    if (o instanceof Failure) {
      throw Sneaky.raise(((Failure) o).error);
    }
    if (trace != null) {
      trace.add(name + " gives " + o);
    }
    return Poll.ready((T) o);
  }

  @Override
  public void close() {
    closes++;
    if (!closed && trace != null) {
      trace.add(name + " closed");
    }
    closed = true;
  }

  @Override
  public String toString() {
    return name;
  }

  private static final class Failure {
    final Throwable error;

    Failure(Throwable error) {
      this.error = error;
    }
  }
}
