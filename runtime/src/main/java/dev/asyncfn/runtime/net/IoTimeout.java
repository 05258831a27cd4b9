/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.runtime.net;

import dev.asyncfn.runtime.Context;
import dev.asyncfn.runtime.Future;
import dev.asyncfn.runtime.Poll;
import dev.asyncfn.runtime.ThrowingFuture;
import dev.asyncfn.runtime.internal.Sneaky;
import dev.asyncfn.runtime.time.Time;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;

/**
 * An I/O future bounded in time that fails with {@link SocketTimeoutException}, so the timeout is
 * caught by the same {@code catch (IOException e)} as the other failures (unlike {@code
 * Time.timeout}'s {@code TimeoutException}). The inner future is polled first and cancelled when
 * the timer wins.
 */
final class IoTimeout<T> implements ThrowingFuture<T, IOException> {
  private final ThrowingFuture<T, IOException> inner;
  private final Duration timeout;
  private final String what;
  private Future<Void> timer;
  private boolean done;

  IoTimeout(ThrowingFuture<T, IOException> inner, Duration timeout, String what) {
    this.inner = inner;
    this.timeout = timeout;
    this.what = what;
  }

  @Override
  public Poll<T> poll(Context cx) {
    if (done) {
      throw new IllegalStateException("I/O future polled after it completed: await it once");
    }
    if (timer == null) {
      timer = Time.sleep(timeout);
    }
    Poll<T> p;
    try {
      p = inner.poll(cx);
    } catch (Throwable e) {
      finish();
      throw e;
    }
    if (p.isReady()) {
      finish();
      return p;
    }
    if (timer.poll(cx).isReady()) {
      done = true;
      inner.cancel();
      throw Sneaky.raise(
          new SocketTimeoutException(what + " timed out after " + timeout.toMillis() + " ms"));
    }
    return Poll.pending();
  }

  private void finish() {
    done = true;
    timer.cancel();
  }

  @Override
  public void cancel() {
    if (!done) {
      done = true;
      if (timer != null) {
        timer.cancel();
      }
      inner.cancel();
    }
  }
}
