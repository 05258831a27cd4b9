/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.processor.fuzz;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * An expression of a random program: a sequence of source text, sub-expressions and (for switch
 * expressions) blocks, with its type. One shape for every kind of expression keeps the printer and
 * the minimiser generic: they only need the parts.
 *
 * <p>Compound expressions carry their own parentheses in their text, so printing never has to
 * think about precedence. Immutable.
 */
final class Expr {

  /** What the generator knows about an expression beyond its type. */
  enum Flag {
    /** A variable: may be assigned, compound-assigned, incremented. */
    LVALUE,
    /** A compile-time constant (JLS 15.29). */
    CONSTANT,
    /** The {@code null} literal. */
    NULL,
    /**
     * Typed by its target (a conditional or switch whose branches only agree on the target, or
     * {@code null}): may only stand where the generator put it.
     */
    POLY,
    /** Contains an {@code await}. */
    AWAITS
  }

  private final JType type;
  private final List<Object> parts;
  private final Set<Flag> flags;

  private Expr(JType type, List<Object> parts, Set<Flag> flags) {
    this.type = type;
    this.parts = List.copyOf(parts);
    EnumSet<Flag> all = flags.isEmpty() ? EnumSet.noneOf(Flag.class) : EnumSet.copyOf(flags);
    for (Object p : parts) {
      if (p instanceof Expr e && e.has(Flag.AWAITS)
          || p instanceof Stmt.Block b && b.awaits()) {
        all.add(Flag.AWAITS);
      }
    }
    this.flags = all;
  }

  /** An expression of {@code type} made of {@code parts} (strings, expressions, blocks). */
  static Expr of(JType type, Object... parts) {
    return new Expr(type, List.of(parts), Set.of());
  }

  /** The same with {@code flags}. */
  static Expr of(JType type, Set<Flag> flags, Object... parts) {
    return new Expr(type, List.of(parts), flags);
  }

  /** A literal or other leaf written as {@code text}. */
  static Expr leaf(JType type, String text, Flag... flags) {
    return new Expr(type, List.of(text), flags.length == 0 ? Set.of() : EnumSet.of(flags[0], flags));
  }

  JType type() {
    return type;
  }

  List<Object> parts() {
    return parts;
  }

  boolean has(Flag f) {
    return flags.contains(f);
  }

  /** The same expression with {@code f} added. */
  Expr with(Flag f) {
    EnumSet<Flag> more = EnumSet.noneOf(Flag.class);
    more.addAll(flags);
    more.add(f);
    return new Expr(type, parts, more);
  }

  /** The same expression with other parts (the minimiser's edits), flags kept. */
  Expr withParts(List<Object> newParts) {
    EnumSet<Flag> kept = EnumSet.noneOf(Flag.class);
    kept.addAll(flags);
    kept.remove(Flag.AWAITS);
    return new Expr(type, newParts, kept);
  }

  /** The sub-expressions and blocks, in order. */
  List<Object> children() {
    List<Object> out = new ArrayList<>();
    for (Object p : parts) {
      if (!(p instanceof String)) {
        out.add(p);
      }
    }
    return out;
  }

  /** One-line source text (blocks of switch expressions included), for messages and tests. */
  @Override
  public String toString() {
    return ProgramPrinter.inline(this);
  }
}
