/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.processor.fuzz;

import static dev.asyncfn.processor.fuzz.JType.BOOLEAN;
import static dev.asyncfn.processor.fuzz.JType.BYTE;
import static dev.asyncfn.processor.fuzz.JType.CHAR;
import static dev.asyncfn.processor.fuzz.JType.DOUBLE;
import static dev.asyncfn.processor.fuzz.JType.INT;
import static dev.asyncfn.processor.fuzz.JType.INTEGER;
import static dev.asyncfn.processor.fuzz.JType.INT_ARRAY;
import static dev.asyncfn.processor.fuzz.JType.LONG;
import static dev.asyncfn.processor.fuzz.JType.LONG_BOX;
import static dev.asyncfn.processor.fuzz.JType.OBJECT;
import static dev.asyncfn.processor.fuzz.JType.SHORT;
import static dev.asyncfn.processor.fuzz.JType.STRING;

import dev.asyncfn.processor.fuzz.Scope.Kind;
import dev.asyncfn.processor.fuzz.Scope.Var;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Generates one class of {@code @Async} methods from a seed: same seed, same program, same bytes.
 *
 * <p>Each method is static or an instance method, returns one of the common types (or nothing),
 * may declare a checked exception, and calls only methods generated before it whose own calls are
 * at most one level deep, so call chains stay short and every program terminates.
 */
final class ProgramGenerator {

  private static final JType[] RETURN_TYPES =
      {INT, STRING, INTEGER, LONG, null, BOOLEAN, DOUBLE, OBJECT, CHAR, LONG_BOX, SHORT, BYTE};
  private static final int[] RETURN_WEIGHTS = {22, 16, 14, 8, 10, 5, 4, 5, 3, 3, 2, 2};
  private static final JType[] PARAM_TYPES =
      {INT, INTEGER, STRING, LONG, BOOLEAN, DOUBLE, CHAR, LONG_BOX, SHORT, BYTE, OBJECT};
  private static final int[] PARAM_WEIGHTS = {30, 20, 18, 8, 8, 4, 4, 3, 2, 2, 3};

  private ProgramGenerator() {}

  /** The package of the program generated from {@code seed}. */
  static String packageName(long seed) {
    return "fuzz.s" + seed;
  }

  /** The program of {@code seed}. */
  static Program generate(long seed) {
    Random rnd = new Random(seed);
    String className = "F";
    int count = 3 + rnd.nextInt(7);
    List<Program.Method> methods = new ArrayList<>();
    Map<String, Integer> callDepth = new HashMap<>();
    for (int k = 0; k < count; k++) {
      List<Program.Method> callable = new ArrayList<>();
      for (Program.Method m : methods) {
        if (callDepth.get(m.name()) <= 1) {
          callable.add(m);
        }
      }
      Generated gen = method(rnd, className, k, callable);
      Program.Method m = gen.method();
      methods.add(m);
      int depth = 0;
      for (String callee : gen.called()) {
        depth = Math.max(depth, callDepth.get(callee) + 1);
      }
      callDepth.put(m.name(), depth);
    }
    return new Program(seed, packageName(seed), className, methods);
  }

  /** A generated method and the methods it calls. */
  private record Generated(Program.Method method, Set<String> called) {}

  private static Generated method(
      Random rnd, String className, int k, List<Program.Method> callable) {
    boolean isStatic = rnd.nextDouble() < 0.6;
    JType ret = pick(rnd, RETURN_TYPES, RETURN_WEIGHTS);
    double t = rnd.nextDouble();
    String throwsType = t < 0.12 ? "IOException" : t < 0.16 ? "TimeoutException" : null;

    List<Var> fields = new ArrayList<>();
    fields.add(new Var("sc", INT, Kind.STATIC_FIELD, true, className + ".sc"));
    fields.add(new Var("sl", LONG, Kind.STATIC_FIELD, true, className + ".sl"));
    fields.add(new Var("ss", STRING, Kind.STATIC_FIELD, true, className + ".ss"));
    fields.add(new Var("sn", INTEGER, Kind.STATIC_FIELD, true, className + ".sn"));
    if (!isStatic) {
      fields.add(new Var("count", INT, Kind.INSTANCE_FIELD, true, "this.count"));
      fields.add(new Var("name", STRING, Kind.INSTANCE_FIELD, true, "this.name"));
      fields.add(new Var("boxed", INTEGER, Kind.INSTANCE_FIELD, true, "this.boxed"));
      fields.add(new Var("total", LONG, Kind.INSTANCE_FIELD, true, "this.total"));
      fields.add(new Var("arr", INT_ARRAY, Kind.INSTANCE_FIELD, true, "this.arr"));
      fields.add(new Var("bx", JType.BOX, Kind.INSTANCE_FIELD, true, "this.bx"));
    }
    Scope scope = new Scope(fields);
    GenContext g = new GenContext(rnd, className, isStatic, ret, callable, scope);
    if (throwsType != null) {
      g.allowedChecked.add(throwsType);
    }
    ExprGenerator x = new ExprGenerator(g);
    StmtGenerator s = new StmtGenerator(g, x);
    g.expr = x;
    g.stmt = s;

    int paramCount = rnd.nextInt(5);
    List<Program.Param> params = new ArrayList<>();
    List<Object> args = new ArrayList<>();
    for (int i = 0; i < paramCount; i++) {
      JType pt = pick(rnd, PARAM_TYPES, PARAM_WEIGHTS);
      String name = "p" + i;
      params.add(new Program.Param(pt, name));
      scope.declare(new Var(name, pt, Kind.LOCAL, true, null));
      args.add(argument(rnd, pt));
    }
    int size = 4 + rnd.nextInt(15);
    Stmt.Block body = s.body(size);
    return new Generated(
        new Program.Method("m" + k, isStatic, ret, params, throwsType, body, args), g.called);
  }

  /** A test argument of type {@code t}: small values, nulls for references. */
  private static Object argument(Random rnd, JType t) {
    int k = rnd.nextInt(12) - 2;
    return switch (t) {
      case INT -> k;
      case INTEGER -> rnd.nextDouble() < 0.3 ? null : (Integer) k;
      case STRING -> new String[] {"a", "bc", "", null, "xyz"}[rnd.nextInt(5)];
      case LONG -> (long) k;
      case LONG_BOX -> rnd.nextDouble() < 0.25 ? null : (Long) (long) k;
      case BOOLEAN -> rnd.nextBoolean();
      case DOUBLE -> k / 4.0;
      case CHAR -> "abxZ".charAt(rnd.nextInt(4));
      case SHORT -> (short) k;
      case BYTE -> (byte) k;
      case OBJECT -> new Object[] {null, 5, "o", 7L}[rnd.nextInt(4)];
      default -> throw new IllegalArgumentException("no argument of " + t);
    };
  }

  private static <T> T pick(Random rnd, T[] xs, int[] weights) {
    int total = 0;
    for (int w : weights) {
      total += w;
    }
    int r = rnd.nextInt(total);
    for (int i = 0; i < xs.length; i++) {
      r -= weights[i];
      if (r < 0) {
        return xs[i];
      }
    }
    throw new AssertionError();
  }
}
