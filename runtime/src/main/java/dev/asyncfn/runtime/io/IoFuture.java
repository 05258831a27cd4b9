/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.runtime.io;

import dev.asyncfn.runtime.Context;
import dev.asyncfn.runtime.Poll;
import dev.asyncfn.runtime.ThrowingFuture;
import dev.asyncfn.runtime.internal.Sneaky;
import java.io.IOException;

/**
 * The shared shape of the I/O futures: poll once-only, failures thrown unchanged, cancel forgets
 * the waiter. Public so that {@code dev.asyncfn.runtime.net} can reuse it; not meant for users.
 *
 * @param <T> the output type
 */
public abstract class IoFuture<T> implements ThrowingFuture<T, IOException> {
  private boolean done;
  private boolean waiting;

  /** Protected constructor for subclasses. */
  protected IoFuture() {}

  @Override
  public final Poll<T> poll(Context cx) {
    if (done) {
      throw new IllegalStateException(
          getClass().getSimpleName()
              + " polled after it completed: an I/O future is awaited once; call the method again"
              + " for another operation");
    }
    Poll<T> p;
    try {
      p = attempt(cx);
    } catch (Throwable e) {
      // Also checked failures thrown as they are by nested futures (a name lookup's).
      done = true;
      waiting = false;
      throw Sneaky.raise(e);
    }
    if (p.isReady()) {
      done = true;
      waiting = false;
    } else {
      waiting = true;
    }
    return p;
  }

  /**
   * One attempt: ready, or pending after a wake-up was arranged.
   *
   * @throws IOException the failure of the operation
   */
  protected abstract Poll<T> attempt(Context cx) throws IOException;

  /** Forgets the waiter this future registered. */
  protected abstract void forget();

  @Override
  public final void cancel() {
    if (!done) {
      done = true;
      if (waiting) {
        waiting = false;
        forget();
      }
      onCancel();
    }
  }

  /** Extra clean-up when cancelled before completing (e.g. closing a half-connected socket). */
  protected void onCancel() {}
}
