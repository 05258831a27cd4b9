/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.processor.fuzz;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Trivial bodies for methods set aside: a rejected method keeps its signature (its callers still
 * compile) but does nothing, so the rest of its program can still run.
 */
final class Stubs {
  private Stubs() {}

  /** {@code p} with the methods named in {@code names} reduced to {@code return <default>;}. */
  static Program replace(Program p, Collection<String> names) {
    List<Program.Method> out = new ArrayList<>();
    for (Program.Method m : p.methods()) {
      out.add(names.contains(m.name()) ? m.withBody(trivialBody(m.returnType())) : m);
    }
    return p.withMethods(out);
  }

  /** {@code return <the type's default>;}, or an empty body for void. */
  static Stmt.Block trivialBody(JType returnType) {
    if (returnType == null) {
      return new Stmt.Block(List.of());
    }
    return new Stmt.Block(List.of(new Stmt.Return(defaultValue(returnType))));
  }

  /** The simplest expression of type {@code t}. */
  static Expr defaultValue(JType t) {
    String text =
        switch (t) {
          case BOOLEAN -> "false";
          case BYTE -> "(byte) 0";
          case SHORT -> "(short) 0";
          case CHAR -> "'a'";
          case INT -> "0";
          case LONG -> "0L";
          case DOUBLE -> "0.0";
          default -> "null";
        };
    return Expr.leaf(t, text, Expr.Flag.CONSTANT);
  }
}
