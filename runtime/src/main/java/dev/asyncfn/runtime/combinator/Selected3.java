/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.runtime.combinator;

import java.util.function.Function;

/**
 * The result of {@code Futures.select} of 3 futures: which one finished first ({@link
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
 * @param <C> the output type of the third future
 */
public final class Selected3<A, B, C> extends Selected {
  private Selected3(int index, Object value) {
    super(index, value);
  }

  /** The result of a select won by the first future with {@code value}. */
  public static <A, B, C> Selected3<A, B, C> ofFirst(A value) {
    return new Selected3<>(0, value);
  }

  /** The result of a select won by the second future with {@code value}. */
  public static <A, B, C> Selected3<A, B, C> ofSecond(B value) {
    return new Selected3<>(1, value);
  }

  /** The result of a select won by the third future with {@code value}. */
  public static <A, B, C> Selected3<A, B, C> ofThird(C value) {
    return new Selected3<>(2, value);
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

  /** Whether the third future finished first. */
  public boolean isThird() {
    return index() == 2;
  }

  /**
   * The third future's output.
   *
   * @throws IllegalStateException if another future finished first: check {@link #isThird()}
   */
  public C third() {
    return valueAt(2);
  }

  /** Applies the function of the future that won to its output, and returns what it returns. */
  public <R> R fold(
      Function<? super A, ? extends R> onFirst,
      Function<? super B, ? extends R> onSecond,
      Function<? super C, ? extends R> onThird) {
    return switch (index()) {
      case 0 -> onFirst.apply(first());
      case 1 -> onSecond.apply(second());
      case 2 -> onThird.apply(third());
      default -> throw new AssertionError(index());
    };
  }
}
