package dev.asyncfn.runtime.support;

import dev.asyncfn.runtime.Poll;

/**
 * A never-invoked lambda whose only job is to carry the static type of an expression, for
 * generated code. For generated code only.
 *
 * <p>The processor runs before javac has typed the method bodies, so where it must hold a value of
 * a type it cannot name (the output of an awaited future, an operand kept across an await) it
 * stores the value untyped and reads it back through {@code Witness.get(poll, () -> expr)}: javac
 * infers {@code T} from {@code expr}, the same expression the user wrote, and the lambda is never
 * called. Example of generated code:
 *
 * <pre>{@code
 * var v1 = Witness.get(p1, true ? null : () -> Futures.await(TcpStream.connect(host, 80)));
 * }</pre>
 *
 * <p>The {@code true ? null :} form keeps the lambda out of the bytecode (javac drops the dead
 * branch), so reading a value allocates nothing.
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

  /** The ready value of {@code poll}, typed as the witnessed expression. */
  @SuppressWarnings("unchecked")
  static <T> T get(Poll<?> poll, Witness<T> witness) {
    return (T) poll.get();
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
