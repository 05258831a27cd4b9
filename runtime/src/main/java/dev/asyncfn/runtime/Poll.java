/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.runtime;

import java.util.Objects;
import java.util.function.Function;

/**
 * The result of one {@link Future#poll poll}: either ready with the future's output, or pending.
 *
 * <p>Like Rust's {@code std::task::Poll}. {@link #pending()} and {@code ready(null)} are shared
 * constants, so the common "not yet" and "done, nothing to return" answers allocate nothing; a
 * future that answers ready with the same value repeatedly may cache its {@code Poll}.
 *
 * <h2>Thread safety</h2>
 *
 * Immutable.
 *
 * @param <T> the output type
 */
public final class Poll<T> {
  private static final Poll<?> PENDING = new Poll<>(null, false);
  private static final Poll<?> READY_NULL = new Poll<>(null, true);

  private final T value;
  private final boolean ready;

  private Poll(T value, boolean ready) {
    this.value = value;
    this.ready = ready;
  }

  /** A ready result holding {@code value} (which may be {@code null}, e.g. for {@code Void}). */
  @SuppressWarnings("unchecked")
  public static <T> Poll<T> ready(T value) {
    return value == null ? (Poll<T>) READY_NULL : new Poll<>(value, true);
  }

  /** The pending result. The future that returns it must have arranged for a wake-up. */
  @SuppressWarnings("unchecked")
  public static <T> Poll<T> pending() {
    return (Poll<T>) PENDING;
  }

  /** Whether the future completed. */
  public boolean isReady() {
    return ready;
  }

  /** Whether the future has not completed yet. */
  public boolean isPending() {
    return !ready;
  }

  /**
   * The output of a ready result.
   *
   * @throws IllegalStateException if this result is pending: check {@link #isReady()} first
   */
  public T get() {
    if (!ready) {
      throw new IllegalStateException(
          "Poll.get() on a pending result: check isReady() before reading the value");
    }
    return value;
  }

  /** Maps a ready value; a pending result stays pending. */
  public <U> Poll<U> map(Function<? super T, ? extends U> mapper) {
    return ready ? Poll.ready(mapper.apply(value)) : Poll.pending();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Poll<?> other && ready == other.ready && Objects.equals(value, other.value);
  }

  @Override
  public int hashCode() {
    return ready ? 31 + Objects.hashCode(value) : 0;
  }

  @Override
  public String toString() {
    return ready ? "Ready(" + value + ")" : "Pending";
  }
}
