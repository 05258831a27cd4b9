/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.processor.fuzz;

import java.util.Set;

/**
 * The Java types random programs use, with the conversions between them that the generator relies
 * on (JLS 5.1 and 5.2). Kept small on purpose: every rule here must match javac exactly, or the
 * generator writes programs that do not compile.
 */
enum JType {
  BOOLEAN("boolean"),
  BYTE("byte"),
  SHORT("short"),
  CHAR("char"),
  INT("int"),
  LONG("long"),
  DOUBLE("double"),
  BOOLEAN_BOX("Boolean"),
  BYTE_BOX("Byte"),
  SHORT_BOX("Short"),
  CHAR_BOX("Character"),
  INTEGER("Integer"),
  LONG_BOX("Long"),
  DOUBLE_BOX("Double"),
  STRING("String"),
  OBJECT("Object"),
  INT_ARRAY("int[]"),
  /** The generated class's mutable holder, {@code Box}, with an {@code int v} field. */
  BOX("Box"),
  /** The generated class's resource, {@code Res}, which logs its close and may fail it. */
  RES("Res");

  private static final Set<JType> INTEGRAL = Set.of(BYTE, SHORT, CHAR, INT, LONG);

  private final String source;

  JType(String source) {
    this.source = source;
  }

  /** How the type is written in source. */
  String source() {
    return source;
  }

  boolean isPrimitive() {
    return ordinal() <= DOUBLE.ordinal();
  }

  boolean isBox() {
    return ordinal() >= BOOLEAN_BOX.ordinal() && ordinal() <= DOUBLE_BOX.ordinal();
  }

  /** The box of a primitive; a reference type itself. */
  JType boxed() {
    return switch (this) {
      case BOOLEAN -> BOOLEAN_BOX;
      case BYTE -> BYTE_BOX;
      case SHORT -> SHORT_BOX;
      case CHAR -> CHAR_BOX;
      case INT -> INTEGER;
      case LONG -> LONG_BOX;
      case DOUBLE -> DOUBLE_BOX;
      default -> this;
    };
  }

  /** The primitive of a box; any other type itself. */
  JType unboxed() {
    return switch (this) {
      case BOOLEAN_BOX -> BOOLEAN;
      case BYTE_BOX -> BYTE;
      case SHORT_BOX -> SHORT;
      case CHAR_BOX -> CHAR;
      case INTEGER -> INT;
      case LONG_BOX -> LONG;
      case DOUBLE_BOX -> DOUBLE;
      default -> this;
    };
  }

  /** A numeric primitive or its box: an operand of arithmetic after unboxing. */
  boolean isNumeric() {
    JType u = unboxed();
    return u.isPrimitive() && u != BOOLEAN;
  }

  /** An integral primitive or its box: an operand of {@code % & | ^ << ~}. */
  boolean isIntegral() {
    return INTEGRAL.contains(unboxed());
  }

  boolean isBooleanLike() {
    return unboxed() == BOOLEAN;
  }

  /** JLS 5.1.2: whether primitive {@code this} widens (or is identical) to primitive {@code to}. */
  boolean widensTo(JType to) {
    if (this == to) {
      return true;
    }
    return switch (this) {
      case BYTE -> to == SHORT || to == INT || to == LONG || to == DOUBLE;
      case SHORT, CHAR -> to == INT || to == LONG || to == DOUBLE;
      case INT -> to == LONG || to == DOUBLE;
      case LONG -> to == DOUBLE;
      default -> false;
    };
  }

  /**
   * JLS 5.2 without constant narrowing (which invocation contexts do not allow): identity,
   * widening, boxing to exactly the box, unboxing then widening, or a widening reference to
   * Object.
   */
  boolean assignableTo(JType to) {
    if (this == to || to == OBJECT) {
      return true;
    }
    if (isPrimitive() && to.isPrimitive()) {
      return widensTo(to);
    }
    if (isPrimitive()) {
      return boxed() == to;
    }
    if (isBox() && to.isPrimitive()) {
      return unboxed().widensTo(to);
    }
    return false;
  }

  /** JLS 5.6.2: the type of {@code a op b} for numeric operands (after unboxing). */
  static JType promote(JType a, JType b) {
    JType x = a.unboxed();
    JType y = b.unboxed();
    if (x == DOUBLE || y == DOUBLE) {
      return DOUBLE;
    }
    if (x == LONG || y == LONG) {
      return LONG;
    }
    return INT;
  }

  /** JLS 5.6.1: the type of {@code -a}, {@code ~a}, and of {@code a << n}. */
  JType promoted() {
    JType u = unboxed();
    return u == LONG || u == DOUBLE ? u : INT;
  }

  @Override
  public String toString() {
    return source;
  }
}
