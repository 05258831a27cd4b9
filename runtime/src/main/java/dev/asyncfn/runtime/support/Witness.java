/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.runtime.support;

import dev.asyncfn.runtime.Poll;

/**
 * How generated code reads back values whose type only javac knows: the output of an awaited
 * future, a for-each element, an operand held across an await. For generated code only.
 *
 * <p>The processor runs before javac has typed the method bodies. The output of an await is read
 * from its {@link Poll} in one of three ways, the cheapest for javac that keeps the source's types
 * (a for-each element into a primitive loop variable is read like the second line):
 *
 * <pre>{@code
 * String name = Witness.value(poll1.get());               // a declared reference type: inferred
 * long total = Witness.longValue(poll2.get());            // a primitive: unboxed and widened
 * var conn = true ? null : await(TcpStream.connect(h, 80)); // no declared type: javac types the
 * conn = Witness.value(poll3.get());                      // never-evaluated branch, then reads
 * }</pre>
 *
 * <p>A value held across an await is read back through {@code Witness.as(held, () -> expr)}: a
 * never-invoked lambda whose only job is to carry the static type of {@code expr}, the expression
 * the user wrote, primitive or not. The dead branches ({@code true ? null : ...}) keep the await
 * and the lambda out of the bytecode: javac drops them, so reading a value allocates nothing.
 *
 * <p>Thread safety: stateless.
 *
 * @param <T> the witnessed type
 */
@FunctionalInterface
public interface Witness<T> {
  /** Never called; exists so that the lambda's body is typed by javac. */
  T get() throws Throwable;

  /** Witness of a {@code boolean} expression. */
  @FunctionalInterface
  interface OfBoolean {
    /** Never called. */
    boolean get() throws Throwable;
  }

  /** Witness of a {@code byte} expression. */
  @FunctionalInterface
  interface OfByte {
    /** Never called. */
    byte get() throws Throwable;
  }

  /** Witness of a {@code short} expression. */
  @FunctionalInterface
  interface OfShort {
    /** Never called. */
    short get() throws Throwable;
  }

  /** Witness of a {@code char} expression. */
  @FunctionalInterface
  interface OfChar {
    /** Never called. */
    char get() throws Throwable;
  }

  /** Witness of an {@code int} expression. */
  @FunctionalInterface
  interface OfInt {
    /** Never called. */
    int get() throws Throwable;
  }

  /** Witness of a {@code long} expression. */
  @FunctionalInterface
  interface OfLong {
    /** Never called. */
    long get() throws Throwable;
  }

  /** Witness of a {@code float} expression. */
  @FunctionalInterface
  interface OfFloat {
    /** Never called. */
    float get() throws Throwable;
  }

  /** Witness of a {@code double} expression. */
  @FunctionalInterface
  interface OfDouble {
    /** Never called. */
    double get() throws Throwable;
  }

  /**
   * {@code value} (an await's output, a for-each element), typed as what it is assigned to: javac
   * checked in the source that the value is assignable to it.
   */
  @SuppressWarnings("unchecked")
  static <T> T value(Object value) {
    return (T) value;
  }

  /**
   * {@code value}, an argument its call unboxes (every overload of the method takes a primitive
   * there, javac picks which at the call), checked when it is evaluated as that unboxing checks
   * it: a null fails before the arguments after it run.
   */
  static <T> T unboxing(T value) {
    // the JVM's own NullPointerException, as the unboxing at the call would throw it
    value.getClass();
    return value;
  }

  /** {@code value}, a {@code Boolean}, unboxed for a {@code boolean} sink. */
  static boolean booleanValue(Object value) {
    return (Boolean) value;
  }

  /** {@code value}, a {@code Byte}, unboxed for a {@code byte} sink. */
  static byte byteValue(Object value) {
    return (Byte) value;
  }

  /** {@code value}, a {@code Short} or {@code Byte}, unboxed and widened for a {@code short}. */
  static short shortValue(Object value) {
    return ((Number) value).shortValue();
  }

  /** {@code value}, a {@code Character}, unboxed for a {@code char} sink. */
  static char charValue(Object value) {
    return (Character) value;
  }

  /**
   * {@code value} unboxed and widened to {@code int} as an assignment would: javac checked in the
   * source that it is an {@code Integer}, {@code Short}, {@code Byte} or {@code Character}.
   */
  static int intValue(Object value) {
    return value instanceof Character ? (Character) value : ((Number) value).intValue();
  }

  /** Like {@link #intValue}, widened to {@code long} (a {@code Long} too). */
  static long longValue(Object value) {
    return value instanceof Character ? (Character) value : ((Number) value).longValue();
  }

  /** Like {@link #longValue}, widened to {@code float} (a {@code Float} too). */
  static float floatValue(Object value) {
    return value instanceof Character ? (Character) value : ((Number) value).floatValue();
  }

  /** Like {@link #floatValue}, widened to {@code double} (a {@code Double} too). */
  static double doubleValue(Object value) {
    return value instanceof Character ? (Character) value : ((Number) value).doubleValue();
  }

  /** {@code value}, typed as the witnessed expression (a value held across an await). */
  @SuppressWarnings("unchecked")
  static <T> T as(Object value, Witness<T> witness) {
    return (T) value;
  }

  /** {@code value} as the {@code boolean} it was stored from. */
  static boolean as(Object value, OfBoolean witness) {
    return (Boolean) value;
  }

  /** {@code value} as the {@code byte} it was stored from. */
  static byte as(Object value, OfByte witness) {
    return (Byte) value;
  }

  /** {@code value} as the {@code short} it was stored from. */
  static short as(Object value, OfShort witness) {
    return (Short) value;
  }

  /** {@code value} as the {@code char} it was stored from. */
  static char as(Object value, OfChar witness) {
    return (Character) value;
  }

  /**
   * {@code value} as an {@code int}: stored from one, or from an operand that the operator promotes
   * to one ({@code Character}, {@code Short}, {@code Byte}), like {@link #intValue}.
   */
  static int as(Object value, OfInt witness) {
    return intValue(value);
  }

  /** {@code value} as a {@code long}, promoted from a narrower operand like {@link #longValue}. */
  static long as(Object value, OfLong witness) {
    return longValue(value);
  }

  /** {@code value} as a {@code float}, promoted like {@link #floatValue}. */
  static float as(Object value, OfFloat witness) {
    return floatValue(value);
  }

  /** {@code value} as a {@code double}, promoted like {@link #doubleValue}. */
  static double as(Object value, OfDouble witness) {
    return doubleValue(value);
  }

  // ---------------------------------------------------------------------------------------------
  // Left operands of binary operators held across an await in their right operand (JLS 15.7.1):
  // the left operand is fully evaluated first, which includes the conversion the operator applies
  // to it. The witness is the whole operation, never evaluated; its type says which conversion.

  /** Witness of a {@code String} expression (a string concatenation). */
  @FunctionalInterface
  interface OfString {
    /** Never called. */
    String get() throws Throwable;
  }

  /** The left operand of a numeric or boolean operation: unboxed now, so a null fails now. */
  static Object operand(Object left, OfBoolean operation) {
    booleanValue(left);
    return left;
  }

  /** The left operand of an {@code int} operation: unboxed now, so a null fails now. */
  static Object operand(Object left, OfInt operation) {
    intValue(left);
    return left;
  }

  /** The left operand of a {@code long} operation: unboxed now, so a null fails now. */
  static Object operand(Object left, OfLong operation) {
    longValue(left);
    return left;
  }

  /** The left operand of a {@code float} operation: unboxed now, so a null fails now. */
  static Object operand(Object left, OfFloat operation) {
    floatValue(left);
    return left;
  }

  /** The left operand of a {@code double} operation: unboxed now, so a null fails now. */
  static Object operand(Object left, OfDouble operation) {
    doubleValue(left);
    return left;
  }

  /**
   * The left operand of a string concatenation, converted to a string now (JLS 15.18.1: javac
   * converts each operand when it is evaluated), so a later change to it is not seen.
   */
  static Object operand(Object left, OfString operation) {
    return String.valueOf(left);
  }

  /**
   * The left operand of {@code ==} or {@code !=} whose witness, {@code true ? left : right}, is
   * numeric or boolean: the comparison unboxes it, so a null fails now.
   */
  static Object compared(Object left, OfBoolean comparison) {
    return operand(left, comparison);
  }

  /** Like {@link #compared(Object, OfBoolean)}, for a {@code byte} comparison. */
  static Object compared(Object left, OfByte comparison) {
    byteValue(left);
    return left;
  }

  /** Like {@link #compared(Object, OfBoolean)}, for a {@code short} comparison. */
  static Object compared(Object left, OfShort comparison) {
    shortValue(left);
    return left;
  }

  /** Like {@link #compared(Object, OfBoolean)}, for a {@code char} comparison. */
  static Object compared(Object left, OfChar comparison) {
    charValue(left);
    return left;
  }

  /** Like {@link #compared(Object, OfBoolean)}, for an {@code int} comparison. */
  static Object compared(Object left, OfInt comparison) {
    return operand(left, comparison);
  }

  /** Like {@link #compared(Object, OfBoolean)}, for a {@code long} comparison. */
  static Object compared(Object left, OfLong comparison) {
    return operand(left, comparison);
  }

  /** Like {@link #compared(Object, OfBoolean)}, for a {@code float} comparison. */
  static Object compared(Object left, OfFloat comparison) {
    return operand(left, comparison);
  }

  /** Like {@link #compared(Object, OfBoolean)}, for a {@code double} comparison. */
  static Object compared(Object left, OfDouble comparison) {
    return operand(left, comparison);
  }

  /** The left operand of a reference comparison: compared as it is. */
  static <T> Object compared(Object left, Witness<T> comparison) {
    return left;
  }

  // ---------------------------------------------------------------------------------------------
  // A branch of a conditional that awaits, read back where the conditional is re-created. Whether
  // javac types that conditional as numeric depends on each branch's type (JLS 15.25): an
  // expression of a boxed type makes it numeric like a primitive one does, so a boxed branch is
  // read back as its boxed type, not as a type variable.

  /** Witness of a {@code Boolean} expression. */
  @FunctionalInterface
  interface OfBoxedBoolean {
    /** Never called. */
    Boolean get() throws Throwable;
  }

  /** Witness of a {@code Byte} expression. */
  @FunctionalInterface
  interface OfBoxedByte {
    /** Never called. */
    Byte get() throws Throwable;
  }

  /** Witness of a {@code Short} expression. */
  @FunctionalInterface
  interface OfBoxedShort {
    /** Never called. */
    Short get() throws Throwable;
  }

  /** Witness of a {@code Character} expression. */
  @FunctionalInterface
  interface OfBoxedChar {
    /** Never called. */
    Character get() throws Throwable;
  }

  /** Witness of a {@code Integer} expression. */
  @FunctionalInterface
  interface OfBoxedInt {
    /** Never called. */
    Integer get() throws Throwable;
  }

  /** Witness of a {@code Long} expression. */
  @FunctionalInterface
  interface OfBoxedLong {
    /** Never called. */
    Long get() throws Throwable;
  }

  /** Witness of a {@code Float} expression. */
  @FunctionalInterface
  interface OfBoxedFloat {
    /** Never called. */
    Float get() throws Throwable;
  }

  /** Witness of a {@code Double} expression. */
  @FunctionalInterface
  interface OfBoxedDouble {
    /** Never called. */
    Double get() throws Throwable;
  }

  /** {@code value}, the branch's value, as the {@code boolean} it is. */
  static boolean branch(Object value, OfBoolean witness) {
    return as(value, witness);
  }

  /** {@code value}, the branch's value, as the {@code byte} it is. */
  static byte branch(Object value, OfByte witness) {
    return as(value, witness);
  }

  /** {@code value}, the branch's value, as the {@code short} it is. */
  static short branch(Object value, OfShort witness) {
    return as(value, witness);
  }

  /** {@code value}, the branch's value, as the {@code char} it is. */
  static char branch(Object value, OfChar witness) {
    return as(value, witness);
  }

  /** {@code value}, the branch's value, as the {@code int} it is. */
  static int branch(Object value, OfInt witness) {
    return as(value, witness);
  }

  /** {@code value}, the branch's value, as the {@code long} it is. */
  static long branch(Object value, OfLong witness) {
    return as(value, witness);
  }

  /** {@code value}, the branch's value, as the {@code float} it is. */
  static float branch(Object value, OfFloat witness) {
    return as(value, witness);
  }

  /** {@code value}, the branch's value, as the {@code double} it is. */
  static double branch(Object value, OfDouble witness) {
    return as(value, witness);
  }

  /** {@code value}, the branch's value, as the {@code Boolean} it is. */
  static Boolean branch(Object value, OfBoxedBoolean witness) {
    return (Boolean) value;
  }

  /** {@code value}, the branch's value, as the {@code Byte} it is. */
  static Byte branch(Object value, OfBoxedByte witness) {
    return (Byte) value;
  }

  /** {@code value}, the branch's value, as the {@code Short} it is. */
  static Short branch(Object value, OfBoxedShort witness) {
    return (Short) value;
  }

  /** {@code value}, the branch's value, as the {@code Character} it is. */
  static Character branch(Object value, OfBoxedChar witness) {
    return (Character) value;
  }

  /** {@code value}, the branch's value, as the {@code Integer} it is. */
  static Integer branch(Object value, OfBoxedInt witness) {
    return (Integer) value;
  }

  /** {@code value}, the branch's value, as the {@code Long} it is. */
  static Long branch(Object value, OfBoxedLong witness) {
    return (Long) value;
  }

  /** {@code value}, the branch's value, as the {@code Float} it is. */
  static Float branch(Object value, OfBoxedFloat witness) {
    return (Float) value;
  }

  /** {@code value}, the branch's value, as the {@code Double} it is. */
  static Double branch(Object value, OfBoxedDouble witness) {
    return (Double) value;
  }

  /** {@code value}, the branch's value, as the reference it is. */
  @SuppressWarnings("unchecked")
  static <T> T branch(Object value, Witness<T> witness) {
    return (T) value;
  }
}
