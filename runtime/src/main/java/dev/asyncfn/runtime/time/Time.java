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
import dev.asyncfn.runtime.internal.handle.Handle;
import dev.asyncfn.runtime.internal.handle.RuntimeContext;
import dev.asyncfn.runtime.internal.time.TimeDriver;
import dev.asyncfn.runtime.stream.AsyncStream;
import dev.asyncfn.runtime.stream.ThrowingStream;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeoutException;

/**
 * Time for async code, on the clock of the runtime that polls: {@code sleep}, {@code timeout},
 * {@code timeoutEach} (for streams), {@code interval}, like Tokio's {@code tokio::time}. Timers are entries in the runtime's time
 * driver, fired by its executor: no thread per timer.
 *
 * <h2>Example</h2>
 *
 * <pre>{@code
 * await(Time.sleep(Duration.ofMillis(100)));
 * try {
 *   String body = await(Time.timeout(Duration.ofSeconds(5), fetch(url)));
 * } catch (TimeoutException e) {
 *   ...
 * }
 * }</pre>
 *
 * <h2>Paused time</h2>
 *
 * Under {@code AsyncRuntime.builder().currentThread().startPaused(true)} the clock is virtual: it
 * does not move by itself, except that when every task is idle it jumps to the next timer's
 * deadline (Tokio's auto-advance), so a one-hour sleep completes at once and tests are
 * deterministic. {@link #advance(Duration)} moves it by hand.
 *
 * <h2>Throws</h2>
 *
 * The futures throw {@link IllegalStateException} when first polled outside a runtime.
 */
public final class Time {
  private Time() {}

  /** A future that completes {@code duration} after its first poll. */
  public static Sleep sleep(Duration duration) {
    return new TimerSleep(toNanos(duration));
  }

  /** A future that completes at {@code deadline} (at once if it has passed). */
  public static Sleep sleepUntil(Instant deadline) {
    return new TimerSleep(Objects.requireNonNull(deadline, "deadline"));
  }

  /**
   * Bounds {@code future} in time: the result completes with the future's output, or, once
   * {@code duration} (from the first poll) elapsed first, cancels the future and fails with a
   * {@link TimeoutException} whose message names the duration. A failure of the future passes
   * through unchanged.
   *
   * <p>Cancellation: cancelling the timeout cancels the inner future and its timer.
   */
  public static <T> ThrowingFuture<T, TimeoutException> timeout(
      Duration duration, Future<T> future) {
    return new Timeout<>(Objects.requireNonNull(duration, "duration"), future);
  }

  /**
   * Bounds every element of {@code stream} in time (Tokio's {@code StreamExt::timeout}): each
   * element must arrive within {@code duration} of the poll that started waiting for it, or the
   * stream fails with a {@link TimeoutException} whose message names the duration, and {@code
   * stream} is closed. The clock of an element starts at the first poll that finds it not ready
   * and stops when it arrives; an element that is ready at once never starts a timer. A failure
   * of {@code stream} passes through unchanged.
   *
   * <pre>{@code
   * ThrowingStream<String, TimeoutException> lines = Time.timeoutEach(ofSeconds(30), chat.lines());
   * }</pre>
   *
   * <p>Cancellation: closing the result closes {@code stream} and cancels the pending timer.
   * Cancelling a {@code next()} keeps the element's timer running, so a retried {@code next()}
   * still has the same deadline.
   */
  public static <T> ThrowingStream<T, TimeoutException> timeoutEach(
      Duration duration, AsyncStream<T> stream) {
    return new StreamTimeout<>(Objects.requireNonNull(duration, "duration"), stream);
  }

  /** Ticks every {@code period}, the first tick at once. */
  public static Interval interval(Duration period) {
    return new Interval(null, period);
  }

  /** Ticks every {@code period}, the first tick at {@code start}. */
  public static Interval intervalAt(Instant start, Duration period) {
    return new Interval(Objects.requireNonNull(start, "start"), period);
  }

  /** Now on the current runtime's clock (virtual when paused); the real clock outside a runtime. */
  public static Instant now() {
    Handle h = RuntimeContext.current();
    return new Instant(h == null ? System.nanoTime() : h.time().now());
  }

  /**
   * A future that moves the current runtime's paused clock forward by {@code duration}, firing the
   * timers that fall due, then yields once so the woken tasks run before the caller continues
   * (Tokio's {@code time::advance}).
   *
   * @throws IllegalStateException when polled on a runtime whose clock is not paused
   */
  public static Future<Void> advance(Duration duration) {
    long nanos = toNanos(duration);
    return new Future<>() {
      private boolean advanced;

      @Override
      public Poll<Void> poll(Context cx) {
        if (advanced) {
          return Poll.ready(null);
        }
        driver("Time.advance()").advance(nanos);
        advanced = true;
        cx.waker().wake();
        return Poll.pending();
      }
    };
  }

  static TimeDriver driver(String operation) {
    Handle h = RuntimeContext.current();
    if (h == null) {
      throw new IllegalStateException(Messages.outsideRuntime(operation));
    }
    return h.time();
  }

  static long toNanos(Duration d) {
    Objects.requireNonNull(d, "duration");
    if (d.isNegative()) {
      return 0;
    }
    try {
      return d.toNanos();
    } catch (ArithmeticException e) {
      return Long.MAX_VALUE;
    }
  }

  static long saturatingAdd(long nanos, Duration d) {
    return saturatingAdd(nanos, toNanos(d));
  }

  static long saturatingAdd(long a, long b) {
    long r = a + b;
    return b > 0 && r < a ? Long.MAX_VALUE - 1 : r;
  }
}
