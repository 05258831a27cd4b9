/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.runtime.combinator;

import java.util.function.Function;

/**
 * The result of {@code Futures.select} of 2 futures: which one finished first ({@link
 * #index()}, {@code isFirst()}, ...) and its output ({@code first()}, ...). The losers were
 * cancelled.
 *
 * <p>Rust's {@code select!} runs the winning branch; in Java, branch on the result:
 *
 * <h2>Example</h2>
 *
 * <pre>{@code
 * Selected2<String, Void> s = await(Futures.select(request(url), sleep(Duration.ofSeconds(2))));
 * if (s.isFirst()) {
 *   System.out.println(s.first());
 * } else {
 *   System.out.println("Request timed out!");
 * }
 * // or: String line = s.fold(body -> body, timedOut -> "Request timed out!");
 * }</pre>
 *
 * <h2>Thread safety</h2>
 *
 * Immutable.
 *
 * @param <A> the output type of the first future
 * @param <B> the output type of the second future
 */
public final class Selected2<A, B> extends Selected {
  private Selected2(int index, Object value) {
    super(index, value);
  }

  /** The result of a select won by the first future with {@code value}. */
  public static <A, B> Selected2<A, B> ofFirst(A value) {
    return new Selected2<>(0, value);
  }

  /** The result of a select won by the second future with {@code value}. */
  public static <A, B> Selected2<A, B> ofSecond(B value) {
    return new Selected2<>(1, value);
  }

  /** Whether the first future finished first. */
  public boolean isFirst() {
    return index() == 0;
  }

  /**
   * The first future's output.
   *
   * @throws IllegalStateException if another future finished first: check {@link #isFirst()}
   */
  public A first() {
    return valueAt(0);
  }

  /** Whether the second future finished first. */
  public boolean isSecond() {
    return index() == 1;
  }

  /**
   * The second future's output.
   *
   * @throws IllegalStateException if another future finished first: check {@link #isSecond()}
   */
  public B second() {
    return valueAt(1);
  }

  /** Applies the function of the future that won to its output, and returns what it returns. */
  public <R> R fold(
      Function<? super A, ? extends R> onFirst,
      Function<? super B, ? extends R> onSecond) {
    return switch (index()) {
      case 0 -> onFirst.apply(first());
      case 1 -> onSecond.apply(second());
      default -> throw new AssertionError(index());
    };
  }
}
