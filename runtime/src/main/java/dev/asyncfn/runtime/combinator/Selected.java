/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.runtime.combinator;

import java.util.Objects;

/**
 * Which future won a {@code Futures.select}, and its output: the common part of {@link Selected2}
 * ... {@link Selected5}, whose typed accessors ({@code isFirst()}, {@code first()}, ...) are what
 * code normally uses.
 *
 * <p>{@link #index()} counts from 0 in argument order, so it can drive a {@code switch}.
 *
 * <h2>Thread safety</h2>
 *
 * Immutable.
 */
public abstract sealed class Selected permits Selected2, Selected3, Selected4, Selected5 {
  private static final String[] ORDINALS = {"first", "second", "third", "fourth", "fifth"};

  private final int index;
  private final Object value;

  Selected(int index, Object value) {
    this.index = index;
    this.value = value;
  }

  /** The position of the future that finished first: 0 for the first argument, 1 for the next. */
  public final int index() {
    return index;
  }

  /** The winner's output, untyped; prefer the typed accessor of the subclass. */
  public final Object value() {
    return value;
  }

  /** The winner's output when it is the future at {@code expected}, else a clear failure. */
  @SuppressWarnings("unchecked")
  final <T> T valueAt(int expected) {
    if (index != expected) {
      throw new IllegalStateException(
          "select: the "
              + ORDINALS[index]
              + " future finished, not the "
              + ORDINALS[expected]
              + "; check index() or is"
              + capitalize(ORDINALS[expected])
              + "() before reading "
              + ORDINALS[expected]
              + "()");
    }
    return (T) value;
  }

  private static String capitalize(String s) {
    return Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  @Override
  public final boolean equals(Object o) {
    return o != null
        && o.getClass() == getClass()
        && ((Selected) o).index == index
        && Objects.equals(((Selected) o).value, value);
  }

  @Override
  public final int hashCode() {
    return 31 * index + Objects.hashCode(value);
  }

  @Override
  public final String toString() {
    return getClass().getSimpleName() + "[" + ORDINALS[index] + "=" + value + "]";
  }
}
