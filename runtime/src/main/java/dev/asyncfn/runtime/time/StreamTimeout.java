/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.runtime.time;

import dev.asyncfn.runtime.Context;
import dev.asyncfn.runtime.Poll;
import dev.asyncfn.runtime.internal.Sneaky;
import dev.asyncfn.runtime.internal.stream.StreamBase;
import dev.asyncfn.runtime.internal.stream.StreamMessages;
import dev.asyncfn.runtime.stream.AsyncStream;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeoutException;

/**
 * {@link Time#timeoutEach}: a stream whose every element must arrive within a duration. Polls the
 * upstream first, so an element that is ready wins even when the deadline has passed (as {@link
 * Timeout} does). The timer of an element is created at the first poll that finds it not ready.
 *
 * @param <T> the element type
 */
final class StreamTimeout<T> extends StreamBase<T, TimeoutException> {
  private final Duration duration;
  private final AsyncStream<T> upstream;
  private Sleep sleep;

  StreamTimeout(Duration duration, AsyncStream<T> upstream) {
    super("Time.timeoutEach");
    this.duration = duration;
    this.upstream = Objects.requireNonNull(upstream, "Time.timeoutEach: the stream is null");
  }

  @Override
  protected Poll<T> pollNextOpen(Context cx) {
    Poll<T> p = upstream.pollNext(cx);
    if (p.isReady()) {
      Sleep s = sleep;
      if (s != null) {
        sleep = null;
        s.cancel();
      }
      return p;
    }
    if (sleep == null) {
      sleep = new TimerSleep(Time.toNanos(duration));
    }
    if (sleep.poll(cx).isReady()) {
      sleep = null;
      throw Sneaky.raise(new TimeoutException(StreamMessages.elementTimedOut(duration)));
    }
    return Poll.pending();
  }

  @Override
  protected void release() {
    Sleep s = sleep;
    sleep = null;
    try {
      if (s != null) {
        s.cancel();
      }
    } finally {
      upstream.close();
    }
  }
}
