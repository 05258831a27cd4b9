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

  /** {@code value} as the {@code int} it was stored from. */
  static int as(Object value, OfInt witness) {
    return (Integer) value;
  }

  /** {@code value} as the {@code long} it was stored from. */
  static long as(Object value, OfLong witness) {
    return (Long) value;
  }

  /** {@code value} as the {@code float} it was stored from. */
  static float as(Object value, OfFloat witness) {
    return (Float) value;
  }

  /** {@code value} as the {@code double} it was stored from. */
  static double as(Object value, OfDouble witness) {
    return (Double) value;
  }
}
