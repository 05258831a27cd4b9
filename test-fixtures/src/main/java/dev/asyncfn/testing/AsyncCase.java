/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.testing;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One behavioural case for the {@link Oracle}: an {@code @Async} method of a compiled class, the
 * arguments to call it with, and what is known about the expected result.
 *
 * <p>Immutable; every {@code with...}-style method returns a copy.
 *
 * <h2>Example</h2>
 *
 * <pre>{@code
 * AsyncCase.of("cases.loops.Loops", "whileSum", 5).expect(10)
 * AsyncCase.of("cases.overloads.Overloads", "pick", 1L).paramTypes(long.class)
 * AsyncCase.of("cases.errors.Errors", "rethrow").throwing(java.io.IOException.class)
 * AsyncCase.of("cases.blocks.Blocks", "logs", 1).expect(5).expectTrace("start", 1)
 * }</pre>
 */
public final class AsyncCase {
  private final String className;
  private final String method;
  private final List<Object> args;
  private final Class<?>[] paramTypes;
  private final Function<Class<?>, Object> receiver;
  private final Class<? extends Throwable> throwing;
  private final String throwingMessage;
  private final boolean hasExpected;
  private final Object expected;
  private final List<Object> expectedTrace;
  private final String disabledReason;
  private final String label;

  private AsyncCase(
      String className,
      String method,
      List<Object> args,
      Class<?>[] paramTypes,
      Function<Class<?>, Object> receiver,
      Class<? extends Throwable> throwing,
      String throwingMessage,
      boolean hasExpected,
      Object expected,
      List<Object> expectedTrace,
      String disabledReason,
      String label) {
    this.className = className;
    this.method = method;
    this.args = args;
    this.paramTypes = paramTypes;
    this.receiver = receiver;
    this.throwing = throwing;
    this.throwingMessage = throwingMessage;
    this.hasExpected = hasExpected;
    this.expected = expected;
    this.expectedTrace = expectedTrace;
    this.disabledReason = disabledReason;
    this.label = label;
  }

  /**
   * The case "call {@code className.method(args)}". {@code className} is the binary name of the
   * class declaring the {@code @Async} method ({@code pkg.Outer$Inner} for a nested class). For a
   * varargs method pass the array itself as the last argument.
   */
  public static AsyncCase of(String className, String method, Object... args) {
    Objects.requireNonNull(className, "className");
    Objects.requireNonNull(method, "method");
    return new AsyncCase(
        className,
        method,
        Arrays.asList(args == null ? new Object[] {null} : args.clone()),
        null,
        null,
        null,
        null,
        false,
        null,
        null,
        null,
        null);
  }

  /** Picks the overload with exactly these parameter types (needed when the name is overloaded). */
  public AsyncCase paramTypes(Class<?>... types) {
    return new AsyncCase(className, method, args, types.clone(), receiver, throwing,
        throwingMessage, hasExpected, expected, expectedTrace, disabledReason, label);
  }

  /**
   * For an instance method: makes a fresh receiver for each run from the loaded class (the default
   * calls its no-argument constructor).
   */
  public AsyncCase receiver(Function<Class<?>, Object> factory) {
    return new AsyncCase(className, method, args, paramTypes, Objects.requireNonNull(factory),
        throwing, throwingMessage, hasExpected, expected, expectedTrace, disabledReason, label);
  }

  /**
   * Declares that the synchronous twin is meant to throw {@code type} (or a subclass); without it,
   * a twin that throws fails the case, so a typo cannot pass as "both threw the same".
   */
  public AsyncCase throwing(Class<? extends Throwable> type) {
    return new AsyncCase(className, method, args, paramTypes, receiver, Objects.requireNonNull(type),
        null, hasExpected, expected, expectedTrace, disabledReason, label);
  }

  /**
   * Like {@link #throwing(Class)}, and the exception's message must be exactly {@code message}
   * (the oracle already compares the future's message with the twin's; this pins the twin's).
   */
  public AsyncCase throwing(Class<? extends Throwable> type, String message) {
    return new AsyncCase(className, method, args, paramTypes, receiver,
        Objects.requireNonNull(type), Objects.requireNonNull(message), hasExpected, expected,
        expectedTrace, disabledReason, label);
  }

  /** Declares the value the synchronous twin must return (arrays are compared deeply). */
  public AsyncCase expect(Object value) {
    return new AsyncCase(className, method, args, paramTypes, receiver, throwing, throwingMessage,
        true, value, expectedTrace, disabledReason, label);
  }

  /**
   * Declares the {@link Trace} the synchronous twin must log, entry by entry (compared with
   * {@code equals}, so {@code 1} and {@code "1"} differ); no entries means it logs nothing. The
   * oracle already compares the future's trace with the twin's; this pins the twin's.
   */
  public AsyncCase expectTrace(Object... entries) {
    List<Object> trace = new java.util.ArrayList<>();
    for (Object e : entries) {
      trace.add(e == null ? "null" : e); // Trace records null as "null"
    }
    return new AsyncCase(className, method, args, paramTypes, receiver, throwing, throwingMessage,
        hasExpected, expected, List.copyOf(trace), disabledReason, label);
  }

  /**
   * Marks the case as known not to work yet, with a precise reason ({@code "processor: <what is
   * missing>"}). Test glue turns it into a skipped test that shows the reason.
   */
  public AsyncCase disabled(String reason) {
    return new AsyncCase(className, method, args, paramTypes, receiver, throwing, throwingMessage,
        hasExpected, expected, expectedTrace, Objects.requireNonNull(reason), label);
  }

  /** A display name for the case instead of the default {@code Class.method(args)}. */
  public AsyncCase named(String name) {
    return new AsyncCase(className, method, args, paramTypes, receiver, throwing, throwingMessage,
        hasExpected, expected, expectedTrace, disabledReason, Objects.requireNonNull(name));
  }

  /** Binary name of the declaring class. */
  public String className() {
    return className;
  }

  /** The method name. */
  public String method() {
    return method;
  }

  /**
   * The arguments, with array arguments copied deeply, so a case that mutates an array it is
   * given sees the same input in each of the oracle's runs.
   */
  public Object[] args() {
    Object[] out = args.toArray();
    for (int i = 0; i < out.length; i++) {
      out[i] = copyArrays(out[i]);
    }
    return out;
  }

  private static Object copyArrays(Object v) {
    if (v == null || !v.getClass().isArray()) {
      return v;
    }
    int n = java.lang.reflect.Array.getLength(v);
    Object copy = java.lang.reflect.Array.newInstance(v.getClass().getComponentType(), n);
    for (int i = 0; i < n; i++) {
      java.lang.reflect.Array.set(copy, i, copyArrays(java.lang.reflect.Array.get(v, i)));
    }
    return copy;
  }

  /** The parameter types chosen with {@link #paramTypes}, if any. */
  public Optional<Class<?>[]> chosenParamTypes() {
    return paramTypes == null ? Optional.empty() : Optional.of(paramTypes.clone());
  }

  /** The receiver factory, if one was given. */
  public Optional<Function<Class<?>, Object>> receiverFactory() {
    return Optional.ofNullable(receiver);
  }

  /** The exception type the twin is meant to throw, if any. */
  public Optional<Class<? extends Throwable>> expectedThrowable() {
    return Optional.ofNullable(throwing);
  }

  /** The message given to {@link #throwing(Class, String)}, if any. */
  public Optional<String> expectedMessage() {
    return Optional.ofNullable(throwingMessage);
  }

  /** The trace given to {@link #expectTrace}, if any. */
  public Optional<List<Object>> expectedTrace() {
    return Optional.ofNullable(expectedTrace);
  }

  /** Whether {@link #expect} was given. */
  public boolean hasExpectedValue() {
    return hasExpected;
  }

  /** The value given to {@link #expect}. */
  public Object expectedValue() {
    return expected;
  }

  /** Why the case is disabled, if it is. */
  public Optional<String> disabledReason() {
    return Optional.ofNullable(disabledReason);
  }

  /** The package of the declaring class. */
  public String packageName() {
    int dot = className.lastIndexOf('.');
    return dot < 0 ? "" : className.substring(0, dot);
  }

  /** The simple name of the outermost class, e.g. {@code Loops} for {@code cases.loops.Loops$In}. */
  public String outerSimpleName() {
    String simple = className.substring(className.lastIndexOf('.') + 1);
    int dollar = simple.indexOf('$');
    return dollar < 0 ? simple : simple.substring(0, dollar);
  }

  /** {@code Loops.whileSum(5)}, or the name given with {@link #named}. */
  public String name() {
    if (label != null) {
      return label;
    }
    String simple = className.substring(className.lastIndexOf('.') + 1).replace('$', '.');
    return simple + "." + method + "("
        + args.stream().map(Outcome::describeValue).collect(Collectors.joining(", ")) + ")";
  }

  @Override
  public String toString() {
    return name();
  }
}
