/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.runtime.time;

import java.time.Duration;

/**
 * A point on a runtime's monotonic clock, like Tokio's {@code time::Instant}: what {@link
 * Time#now()} returns and {@link Time#sleepUntil} takes. Under a paused clock it is virtual time.
 *
 * <p>Not a wall-clock time (that is {@link java.time.Instant}); only instants of the same runtime
 * compare meaningfully.
 *
 * <h2>Thread safety</h2>
 *
 * Immutable.
 */
public final class Instant implements Comparable<Instant> {
  private final long nanos;

  Instant(long nanos) {
    this.nanos = nanos;
  }

  long nanos() {
    return nanos;
  }

  /** This instant moved forward by {@code d} (saturating at the far future). */
  public Instant plus(Duration d) {
    return new Instant(Time.saturatingAdd(nanos, d));
  }

  /** The time from {@code earlier} to this instant; zero if {@code earlier} is later. */
  public Duration durationSince(Instant earlier) {
    long d = nanos - earlier.nanos;
    return Duration.ofNanos(Math.max(0, d));
  }

  /** The time elapsed since this instant on the current runtime's clock. */
  public Duration elapsed() {
    return Time.now().durationSince(this);
  }

  @Override
  public int compareTo(Instant o) {
    return Long.signum(nanos - o.nanos);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Instant && ((Instant) o).nanos == nanos;
  }

  @Override
  public int hashCode() {
    return Long.hashCode(nanos);
  }

  @Override
  public String toString() {
    return "Instant(" + nanos + " ns)";
  }
}
