/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.runtime.time;

import dev.asyncfn.runtime.Context;
import dev.asyncfn.runtime.Future;
import dev.asyncfn.runtime.Poll;
import dev.asyncfn.runtime.ThrowingFuture;
import dev.asyncfn.runtime.internal.Messages;
import dev.asyncfn.runtime.internal.Sneaky;
import java.time.Duration;
import java.util.concurrent.TimeoutException;

/**
 * A future bounded in time; made by {@link Time#timeout}. Polls the inner future first, so an
 * inner future that is ready wins even when the deadline has passed (Tokio's order).
 */
final class Timeout<T> implements ThrowingFuture<T, TimeoutException> {
  private final Duration duration;
  private final Future<T> inner;
  private final Sleep sleep;
  private boolean done;

  Timeout(Duration duration, Future<T> inner) {
    this.duration = duration;
    this.inner = inner;
    this.sleep = new TimerSleep(Time.toNanos(duration));
  }

  @Override
  public Poll<T> poll(Context cx) {
    if (done) {
      throw new IllegalStateException("timeout future polled after it completed");
    }
    Poll<T> p;
    try {
      p = inner.poll(cx);
    } catch (Throwable e) {
      done = true;
      sleep.cancel();
      throw e;
    }
    if (p.isReady()) {
      done = true;
      sleep.cancel();
      return p;
    }
    if (sleep.poll(cx).isReady()) {
      done = true;
      inner.cancel();
      throw Sneaky.raise(new TimeoutException(Messages.timedOut(duration)));
    }
    return Poll.pending();
  }

  @Override
  public void cancel() {
    if (!done) {
      done = true;
      sleep.cancel();
      inner.cancel();
    }
  }
}
