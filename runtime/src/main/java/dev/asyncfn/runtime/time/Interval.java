/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.runtime.time;

import dev.asyncfn.runtime.Context;
import dev.asyncfn.runtime.Future;
import dev.asyncfn.runtime.Poll;
import dev.asyncfn.runtime.stream.AsyncStream;
import java.time.Duration;

/**
 * Ticks at a fixed period, like Tokio's {@code Interval}; made by {@link Time#interval}. The first
 * tick completes at once; tick k is due at start + k * period. What happens after missed ticks is
 * chosen with {@link #setMissedTickBehavior} ({@link MissedTickBehavior#BURST} by default).
 *
 * <p>It is an {@link AsyncStream} of the instants the ticks were due (Tokio's {@code
 * IntervalStream}) that never ends: {@code next()} is {@link #tick()}, {@code pollNext} keeps one
 * tick across polls, and closing the stream cancels that pending tick's timer (the interval can
 * be used again: the next tick is due at the same time).
 *
 * <h2>Example</h2>
 *
 * <pre>{@code
 * Interval every = Time.interval(Duration.ofSeconds(1));
 * for (int i = 0; i < 3; i++) {
 *   await(every.tick());   // at 0 s, 1 s, 2 s
 * }
 * }</pre>
 *
 * <h2>Thread safety</h2>
 *
 * Use from one task; await one {@code tick()} at a time.
 *
 * <h2>Cancellation</h2>
 *
 * Cancelling a pending tick loses nothing: the next {@code tick()} is due at the same time. So
 * {@code tick()}, {@code next()} and {@code pollNext} are cancel-safe.
 */
public final class Interval implements AsyncStream<Instant> {
  private final long period;
  private final Instant start;
  private long next;
  private boolean started;
  private MissedTickBehavior behavior = MissedTickBehavior.BURST;
  private Tick polling;

  Interval(Instant start, Duration period) {
    this.period = Time.toNanos(period);
    if (this.period <= 0) {
      throw new IllegalArgumentException("interval period must be positive, was " + period);
    }
    this.start = start;
  }

  /** Sets the behaviour after missed ticks; returns this. */
  public Interval setMissedTickBehavior(MissedTickBehavior behavior) {
    this.behavior = java.util.Objects.requireNonNull(behavior, "behavior");
    return this;
  }

  /** The period between ticks. */
  public Duration period() {
    return Duration.ofNanos(period);
  }

  /** A future that completes at the next tick with the instant the tick was due. */
  public Future<Instant> tick() {
    return new Tick();
  }

  /** {@link #tick()} at the poll level: one tick kept across polls. Cancel-safe. */
  @Override
  public Poll<Instant> pollNext(Context cx) {
    Tick t = polling;
    if (t == null) {
      t = new Tick();
      polling = t;
    }
    Poll<Instant> p;
    try {
      p = t.poll(cx);
    } catch (RuntimeException e) {
      polling = null;
      throw e;
    }
    if (p.isReady()) {
      polling = null;
    }
    return p;
  }

  /** {@link #tick()}. */
  @Override
  public Future<Instant> next() {
    return tick();
  }

  /** Cancels the tick pending in {@link #pollNext}, removing its timer. Idempotent. */
  @Override
  public void close() {
    Tick t = polling;
    if (t != null) {
      polling = null;
      t.cancel();
    }
  }

  private long advance(long due, long now) {
    switch (behavior) {
      case DELAY:
        return Time.saturatingAdd(now, period);
      case SKIP:
        long missed = (now - due) / period;
        return due + (missed + 1) * period;
      case BURST:
      default:
        return due + period;
    }
  }

  /** One tick: a sleep until the due time, then the schedule moves on. */
  private final class Tick implements Future<Instant> {
    private Sleep sleep;

    @Override
    public Poll<Instant> poll(Context cx) {
      if (sleep == null) {
        if (!started) {
          started = true;
          next = start != null ? start.nanos() : Time.driver("Interval.tick()").now();
        }
        sleep = new TimerSleep(new Instant(next));
      }
      if (sleep.poll(cx).isPending()) {
        return Poll.pending();
      }
      long due = next;
      next = advance(due, Time.driver("Interval.tick()").now());
      return Poll.ready(new Instant(due));
    }

    @Override
    public void cancel() {
      if (sleep != null) {
        sleep.cancel();
      }
    }
  }
}
