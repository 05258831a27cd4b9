/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.runtime.internal.stream;

import dev.asyncfn.runtime.Context;
import dev.asyncfn.runtime.Poll;
import dev.asyncfn.runtime.ThrowingFuture;
import dev.asyncfn.runtime.internal.Sneaky;
import dev.asyncfn.runtime.stream.ThrowingStream;

/**
 * What every stream of the runtime's combinators shares: the life cycle (open, ended, failed,
 * closed), the fused end, the error for a poll after failure or close, releasing what the stream
 * holds exactly once, and one reusable {@code next()} future.
 *
 * <p>A subclass implements {@link #pollNextOpen} (called only while open) and {@link #release}
 * (called once, when the stream ends, fails or is closed, whichever comes first).
 *
 * @param <T> the element type
 * @param <X> the checked failure the stream declares (only informs the compiler)
 */
public abstract class StreamBase<T, X extends Throwable> implements ThrowingStream<T, X> {
  private static final int OPEN = 0;
  private static final int ENDED = 1;
  private static final int FAILED = 2;
  private static final int CLOSED = 3;

  private final String name;
  private int state = OPEN;
  private NextFuture<T, X> next;

  /** A stream named {@code name} in misuse messages, e.g. {@code "map"}. */
  protected StreamBase(String name) {
    this.name = name;
  }

  @Override
  public final Poll<T> pollNext(Context cx) {
    switch (state) {
      case ENDED:
        return Poll.ready(null);
      case FAILED:
        throw new IllegalStateException(StreamMessages.polledAfterFailure(name));
      case CLOSED:
        throw new IllegalStateException(StreamMessages.polledAfterClose(name));
      default:
        break;
    }
    Poll<T> p;
    try {
      p = pollNextOpen(cx);
    } catch (Throwable t) {
      state = FAILED;
      try {
        release();
      } catch (Throwable s) {
        if (s != t) {
          t.addSuppressed(s);
        }
      }
      throw Sneaky.raise(t);
    }
    if (p.isReady() && p.get() == null) {
      state = ENDED;
      release();
    }
    return p;
  }

  @Override
  public final ThrowingFuture<T, X> next() {
    NextFuture<T, X> n = next;
    if (n == null) {
      n = new NextFuture<>(this);
      next = n;
    }
    return n;
  }

  @Override
  public final void close() {
    int was = state;
    state = CLOSED;
    if (was == OPEN) {
      release();
    }
  }

  /** Whether the stream is still open: not ended, failed or closed. */
  protected final boolean isOpen() {
    return state == OPEN;
  }

  /**
   * The next element, {@code Poll.ready(null)} at the end, or pending with a wake-up arranged.
   * Called only while the stream is open. A throw fails the stream.
   */
  protected abstract Poll<T> pollNextOpen(Context cx);

  /**
   * Releases what the stream holds: closes upstream streams, cancels futures in flight. Called
   * once, at the end, at a failure or at close, whichever comes first.
   */
  protected abstract void release();

  @Override
  public String toString() {
    return name;
  }
}
