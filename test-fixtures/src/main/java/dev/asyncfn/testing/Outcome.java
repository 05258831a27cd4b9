/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.testing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * What one run of a case produced: its value or the exception it threw (class, message, cause,
 * suppressed), and the {@link Trace} it logged. Two outcomes are equal when a user could not tell
 * the runs apart by their results.
 *
 * @param result {@code "returned <Type> <value>"} or {@code "threw <class>: <message> ..."}
 * @param threw whether the run ended with an exception
 * @param value the value returned (null when it threw)
 * @param thrown the exception thrown (null when it returned)
 * @param trace the trace entries logged during the run
 */
public record Outcome(String result, boolean threw, Object value, Throwable thrown, List<Object> trace) {

  /** The outcome of a run that returned {@code value}. */
  public static Outcome returned(Object value, List<Object> trace) {
    return new Outcome("returned " + describeValue(value), false, value, null, List.copyOf(trace));
  }

  /** The outcome of a run that threw {@code t}. */
  public static Outcome threw(Throwable t, List<Object> trace) {
    return new Outcome("threw " + describeThrowable(t), true, null, t, List.copyOf(trace));
  }

  /** Same result and trace; the exception objects themselves are compared by description. */
  public boolean sameAs(Outcome other) {
    return result.equals(other.result) && trace.equals(other.trace);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Outcome other && sameAs(other);
  }

  @Override
  public int hashCode() {
    return Objects.hash(result, trace);
  }

  @Override
  public String toString() {
    return result + "\n      trace " + trace;
  }

  /** {@code Integer 42}, {@code int[] [1, 2]}, {@code null}: type and value, arrays deeply. */
  public static String describeValue(Object v) {
    if (v == null) {
      return "null";
    }
    String text;
    if (v.getClass().isArray()) {
      text = Arrays.deepToString(new Object[] {v});
      text = text.substring(1, text.length() - 1);
    } else if (v instanceof String s) {
      text = '"' + s + '"';
    } else if (v instanceof Character c) {
      text = "'" + c + "'";
    } else {
      text = String.valueOf(v);
    }
    return v.getClass().getSimpleName() + " " + text;
  }

  private static final java.util.regex.Pattern HELPFUL_NPE =
      java.util.regex.Pattern.compile(
          "Cannot (invoke|read|load|store|assign|throw|enter|exit) .*",
          java.util.regex.Pattern.DOTALL);

  /**
   * The message, except for a NullPointerException the JVM threw itself: its helpful message
   * (JEP 358) describes the bytecode that failed ({@code Cannot invoke "Integer.intValue()" because
   * "n" is null}), which names a local in the twin and a field or a helper's parameter in the
   * state machine, so only the fact that the JVM described it is compared.
   */
  private static String message(Throwable t) {
    String m = t.getMessage();
    if (t.getClass() == NullPointerException.class && m != null && HELPFUL_NPE.matcher(m).matches()) {
      return "<the JVM's description of the null>";
    }
    return m;
  }

  /** Class and message, then the cause and suppressed exceptions, recursively. */
  public static String describeThrowable(Throwable t) {
    StringBuilder sb = new StringBuilder();
    describe(t, sb, new ArrayList<>());
    return sb.toString();
  }

  private static void describe(Throwable t, StringBuilder sb, List<Throwable> seen) {
    if (seen.contains(t)) {
      sb.append("<cycle>");
      return;
    }
    seen.add(t);
    sb.append(t.getClass().getName()).append(": ").append(message(t));
    Throwable[] suppressed = t.getSuppressed();
    if (suppressed.length > 0) {
      sb.append(" [suppressed: ");
      for (int i = 0; i < suppressed.length; i++) {
        if (i > 0) {
          sb.append(", ");
        }
        describe(suppressed[i], sb, seen);
      }
      sb.append(']');
    }
    if (t.getCause() != null) {
      sb.append(" [cause: ");
      describe(t.getCause(), sb, seen);
      sb.append(']');
    }
  }
}
