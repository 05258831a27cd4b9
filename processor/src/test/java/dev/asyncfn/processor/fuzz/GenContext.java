/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.processor.fuzz;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * What the expression and statement generators share while one method is generated: the seeded
 * random source (the only one: same seed, same program), the scope, the methods it may call, and
 * the checked exceptions it may throw at the current point.
 */
final class GenContext {
  final Random rnd;
  final String className;
  final boolean isStatic;
  final JType returnType;
  /** Methods generated before this one, which it may call. */
  final List<Program.Method> callable;
  final Scope scope;

  /** Checked exceptions that may escape at the current point (caught around it, or declared). */
  Set<String> allowedChecked = new HashSet<>();

  /**
   * Checked exceptions the constructs generated since the innermost try began can throw (to
   * choose valid catches); the statement generator swaps it around try blocks.
   */
  Set<String> thrownChecked = new HashSet<>();

  /** Names of the generated methods this one calls. */
  final Set<String> called = new HashSet<>();

  /** Field names already used as local names in this method (a field is hidden at most once). */
  final Set<String> shadowed = new HashSet<>();

  /**
   * Whether this method has called an instance method by its simple name: from then on it declares
   * no {@code var} local and no multi-catch parameter. On JDK 17 to 24 javac cannot type a body with such a call in a ?: branch
   * before compiling it (JDK-8347989), and the processor rejects a later {@code var} whose
   * initializer it cannot type itself, by design ([asyncfn/VarNotTypedByJavac]).
   */
  boolean simpleNameCall;

  ExprGenerator expr;
  StmtGenerator stmt;

  private int counter;

  GenContext(
      Random rnd,
      String className,
      boolean isStatic,
      JType returnType,
      List<Program.Method> callable,
      Scope scope) {
    this.rnd = rnd;
    this.className = className;
    this.isStatic = isStatic;
    this.returnType = returnType;
    this.callable = List.copyOf(callable);
    this.scope = scope;
  }

  /** True with probability {@code p}. */
  boolean chance(double p) {
    return rnd.nextDouble() < p;
  }

  /** Uniform in {@code [0, n)}. */
  int nextInt(int n) {
    return rnd.nextInt(n);
  }

  /** Uniform in {@code [lo, hi]}. */
  int between(int lo, int hi) {
    return lo + rnd.nextInt(hi - lo + 1);
  }

  /** The start of a call of the instance method {@code bump}, by simple name or through this. */
  String bumpCall() {
    String call = pick("bump(", "this.bump(");
    simpleNameCall |= call.equals("bump(");
    return call;
  }

  /** {@code type}, unless it is {@code var} in a method that may no longer declare one. */
  String localType(String type, JType inferred) {
    return simpleNameCall && type.equals("var") ? inferred.source() : type;
  }

  <T> T pick(List<T> xs) {
    return xs.get(rnd.nextInt(xs.size()));
  }

  @SafeVarargs
  final <T> T pick(T... xs) {
    return xs[rnd.nextInt(xs.length)];
  }

  /**
   * An index chosen with the given weights (a weight of 0 is never chosen).
   *
   * @throws IllegalArgumentException if every weight is 0
   */
  int weighted(int... weights) {
    int total = 0;
    for (int w : weights) {
      total += w;
    }
    if (total == 0) {
      throw new IllegalArgumentException("no choice has a weight");
    }
    int r = rnd.nextInt(total);
    for (int i = 0; i < weights.length; i++) {
      r -= weights[i];
      if (r < 0) {
        return i;
      }
    }
    throw new AssertionError();
  }

  /** A fresh name {@code prefix + n}, unique in the method. */
  String fresh(String prefix) {
    return prefix + (++counter);
  }

  /** A fresh tag for a logged value, e.g. {@code "t7"}: its place in the trace shows the order. */
  String tag() {
    return "\"t" + (++counter) + "\"";
  }

  /** Records that a construct throwing {@code type} (checked) was generated. */
  void throwsChecked(String type) {
    thrownChecked.add(type);
  }

  /** Whether {@code type} may escape here. */
  boolean mayThrow(String type) {
    return allowedChecked.contains(type);
  }

  /** Methods it may call that return a value of {@code type} boxed, or any if type is null. */
  List<Program.Method> callableReturning(JType type) {
    List<Program.Method> out = new ArrayList<>();
    for (Program.Method m : callable) {
      boolean typeOk =
          type == null || m.returnType() != null && m.returnType().boxed() == type;
      boolean checkedOk = m.throwsType() == null || mayThrow(m.throwsType());
      if (typeOk && checkedOk) {
        out.add(m);
      }
    }
    return out;
  }
}
