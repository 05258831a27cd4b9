/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.testing;

import java.util.ArrayList;
import java.util.List;

/**
 * A global side-effect log that test cases write to, so that the order of effects of a generated
 * state machine and of its synchronous twin can be compared.
 *
 * <h2>Example</h2>
 *
 * <pre>{@code
 * @Async static int sum(int n) {
 *   int s = 0;
 *   for (int i = 0; i < n; i++) {
 *     Trace.log("i=" + i);
 *     s += await(later(i));
 *   }
 *   return s;
 * }
 * }</pre>
 *
 * <h2>Thread safety</h2>
 *
 * Thread-safe; entries from several threads interleave in the order the log calls happened. The
 * log is global: tests using it must not run concurrently ({@link Oracle} resets it per run).
 */
public final class Trace {
  private static final List<Object> ENTRIES = new ArrayList<>();

  private Trace() {}

  /** Appends {@code entry} (any value; compared with {@code equals}). */
  public static void log(Object entry) {
    synchronized (ENTRIES) {
      ENTRIES.add(entry);
    }
  }

  /**
   * Appends {@code entry} and returns {@code value}: logs inside an expression, e.g. {@code
   * f(Trace.logged("left", 1), await(later(2)))} records when the left operand was evaluated.
   */
  public static <T> T logged(Object entry, T value) {
    log(entry);
    return value;
  }

  /** Clears the log. */
  public static void reset() {
    synchronized (ENTRIES) {
      ENTRIES.clear();
    }
  }

  /** Returns the entries logged since the last reset or take, and clears the log. */
  public static List<Object> take() {
    synchronized (ENTRIES) {
      List<Object> out = List.copyOf(new ArrayList<>(ENTRIES).stream().map(Trace::nonNull).toList());
      ENTRIES.clear();
      return out;
    }
  }

  /** A copy of the entries logged so far, leaving the log as it is. */
  public static List<Object> peek() {
    synchronized (ENTRIES) {
      return List.copyOf(ENTRIES.stream().map(Trace::nonNull).toList());
    }
  }

  private static Object nonNull(Object o) {
    return o == null ? "null" : o;
  }
}
