/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.processor.fuzz;

import static dev.asyncfn.processor.fuzz.JType.BOOLEAN;
import static dev.asyncfn.processor.fuzz.JType.BOOLEAN_BOX;
import static dev.asyncfn.processor.fuzz.JType.BOX;
import static dev.asyncfn.processor.fuzz.JType.BYTE;
import static dev.asyncfn.processor.fuzz.JType.BYTE_BOX;
import static dev.asyncfn.processor.fuzz.JType.CHAR;
import static dev.asyncfn.processor.fuzz.JType.CHAR_BOX;
import static dev.asyncfn.processor.fuzz.JType.DOUBLE;
import static dev.asyncfn.processor.fuzz.JType.DOUBLE_BOX;
import static dev.asyncfn.processor.fuzz.JType.INT;
import static dev.asyncfn.processor.fuzz.JType.INTEGER;
import static dev.asyncfn.processor.fuzz.JType.INT_ARRAY;
import static dev.asyncfn.processor.fuzz.JType.LONG;
import static dev.asyncfn.processor.fuzz.JType.LONG_BOX;
import static dev.asyncfn.processor.fuzz.JType.OBJECT;
import static dev.asyncfn.processor.fuzz.JType.RES;
import static dev.asyncfn.processor.fuzz.JType.SHORT;
import static dev.asyncfn.processor.fuzz.JType.SHORT_BOX;
import static dev.asyncfn.processor.fuzz.JType.STRING;

import dev.asyncfn.processor.fuzz.Expr.Flag;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Generates typed expressions with side effects and awaits in every position.
 *
 * <p>Every expression has an exact standalone type, except where the generator places a form typed
 * by its target (an {@link #assign} context). The rules that keep the output valid Java, and that
 * matter because javac's typing differs by context:
 *
 * <ul>
 *   <li>A conditional is typed operand by operand against its target when it stands in an
 *       assignment or invocation context and either operand is a call of a generic method such as
 *       {@code await} (javac's "poly" conditional, JLS 15.25), and by binary numeric promotion
 *       otherwise. So mixed operands ({@code c ? await(later(n)) : v} with {@code Integer n}, {@code
 *       long v}) and {@code null} operands only appear where no target exists ({@link Pos#EXACT})
 *       or where each operand alone fits the target ({@link #assign}).
 *   <li>The argument of a generic method ({@code later}, {@code logged}) is inferred with the
 *       other constraints, and the argument of an overloaded method selects the overload, so those
 *       get no mixed conditionals ({@link Pos#TARGETED}, {@link Pos#NO_COND}).
 *   <li>Casts and compound assignments only convert where JLS 5.5 and 15.26.2 allow ({@code
 *       (Integer) longValue} and {@code integer += 1L} do not compile).
 * </ul>
 */
final class ExprGenerator {

  /** Where an exact-typed expression stands. */
  enum Pos {
    /** No target type: operands, conditions, receivers, {@code var} initialisers, casts. */
    EXACT,
    /** A target types each operand of a conditional: only same-typed operands, no null. */
    TARGETED,
    /** The argument of an overloaded method: no conditional at the top. */
    NO_COND
  }

  static final List<JType> INT_FAMILY =
      List.of(INT, INTEGER, CHAR, SHORT, BYTE, CHAR_BOX, SHORT_BOX, BYTE_BOX);
  private static final int[] INT_FAMILY_WEIGHTS = {40, 30, 8, 6, 5, 4, 4, 3};
  static final List<JType> NUMERIC =
      List.of(INT, INTEGER, LONG, LONG_BOX, DOUBLE, DOUBLE_BOX, CHAR, SHORT, BYTE);
  private static final int[] NUMERIC_WEIGHTS = {30, 22, 12, 10, 5, 4, 5, 4, 3};

  /** Types whose string form is deterministic (arrays and resources print identity hashes). */
  static final List<JType> PRINTABLE =
      List.of(INT, INTEGER, STRING, LONG, LONG_BOX, BOOLEAN, BOOLEAN_BOX, CHAR, CHAR_BOX, DOUBLE,
          DOUBLE_BOX, SHORT, SHORT_BOX, BYTE, BYTE_BOX, OBJECT, BOX);
  private static final int[] PRINTABLE_WEIGHTS =
      {25, 18, 18, 8, 5, 6, 2, 4, 1, 3, 1, 2, 1, 2, 1, 3, 2};

  private final GenContext g;

  ExprGenerator(GenContext g) {
    this.g = g;
  }

  // ---- entry points -------------------------------------------------------------------------

  /**
   * An expression assignable to {@code want} in an assignment or invocation context (a local's
   * initialiser, a return, an argument of a method that is neither generic nor overloaded): may be
   * {@code null}, a conditional typed by the target, a switch expression, or any exact type that
   * converts to {@code want}.
   */
  Expr assign(JType want, int depth) {
    if (!want.isPrimitive() && g.chance(want == BOX || want == INT_ARRAY ? 0.02 : 0.06)) {
      return Expr.leaf(want, "null", Flag.NULL, Flag.POLY);
    }
    if (depth > 0 && g.chance(0.07)) {
      Expr cond = condition(depth - 1);
      return Expr.of(want, EnumSet.of(Flag.POLY), "(", cond, " ? ", assign(want, depth - 1), " : ",
          assign(want, depth - 1), ")");
    }
    if (depth > 1 && g.chance(0.025)) {
      return g.stmt.switchExpression(want, depth - 1);
    }
    if (depth > 0 && !want.isPrimitive() && g.chance(0.04)) {
      Expr e = referenceConditional(want, depth);
      if (e != null) {
        return e;
      }
    }
    return exact(sourceFor(want), Pos.TARGETED, depth);
  }

  /**
   * {@code c ? await(later(n)) : p} with a box {@code n} (often null) and a primitive {@code p}
   * in a context typed by a reference: javac makes it a reference conditional (JLS 15.25, since
   * {@code await} is generic), so {@code n} is passed on, not unboxed (issue 19, item 3).
   */
  private Expr referenceConditional(JType want, int depth) {
    List<JType> boxes = new ArrayList<>();
    for (JType b : List.of(INTEGER, LONG_BOX, DOUBLE_BOX, CHAR_BOX, BOOLEAN_BOX)) {
      if (b.assignableTo(want)) {
        boxes.add(b);
      }
    }
    if (boxes.isEmpty()) {
      return null;
    }
    JType box = g.pick(boxes);
    Expr boxed = g.chance(0.5) ? Expr.of(box, "await(later(", nullable(box), "))")
        : awaitOf(box, depth);
    Expr primitive = exact(box.unboxed(), Pos.TARGETED, depth - 1);
    boolean swap = g.chance(0.3);
    return Expr.of(want, EnumSet.of(Flag.POLY), "(", condition(depth - 1), " ? ",
        swap ? primitive : boxed, " : ", swap ? boxed : primitive, ")");
  }

  /** A box-typed variable or a typed null, for operands that should often be null. */
  private Expr nullable(JType box) {
    List<Scope.Var> vars = g.scope.ofType(box, false);
    return !vars.isEmpty() && g.chance(0.6)
        ? read(g.pick(vars))
        : Expr.leaf(box, "((" + box.source() + ") null)");
  }

  /** An expression of exactly {@code t} that stands without a target (an operand). */
  Expr exact(JType t, int depth) {
    return exact(t, Pos.EXACT, depth);
  }

  /** An expression of exactly {@code t} standing at {@code pos}. */
  Expr exact(JType t, Pos pos, int depth) {
    if (depth <= 0) {
      return leaf(t);
    }
    for (int attempt = 0; attempt < 4; attempt++) {
      int form =
          g.weighted(
              22, // leaf
              awaitable(t) ? 24 : 0,
              20, // operator
              10, // call
              pos == Pos.NO_COND ? 0 : 7,
              8, // assignment expression
              6, // cast
              8, // member
              t == INT || t == LONG || t == STRING ? 4 : 0); // read, then write across an await
      Expr e =
          switch (form) {
            case 0 -> leaf(t);
            case 1 -> awaitOf(t, depth);
            case 2 -> operator(t, depth);
            case 3 -> call(t, depth);
            case 4 -> conditional(t, pos, depth);
            case 5 -> assignment(t, depth, true);
            case 6 -> cast(t, depth);
            case 7 -> member(t, depth);
            default -> hazard(t, depth);
          };
      if (e != null) {
        return e;
      }
    }
    return leaf(t);
  }

  /**
   * The receiver of a method call or field access, or the selector of a switch: no conditional
   * with a null operand, since javac 17 crashes ("Invalid pool entry") generating a member access
   * on a conditional whose constant condition folds it to null, e.g. {@code (true ? null :
   * "").equals(x)}.
   */
  Expr receiver(JType t, int depth) {
    return exact(t, Pos.TARGETED, depth);
  }

  /**
   * A boolean condition (boolean or Boolean). javac types a condition (of an if, a loop, a {@code
   * ?:}) against boolean, so a conditional there is typed operand by operand: {@link
   * Pos#TARGETED}.
   */
  Expr condition(int depth) {
    return exact(g.chance(0.85) ? BOOLEAN : BOOLEAN_BOX, Pos.TARGETED, depth);
  }

  /** A numeric type of the int family (what promotes to int), weighted towards int and Integer. */
  JType intFamily() {
    return INT_FAMILY.get(g.weighted(INT_FAMILY_WEIGHTS));
  }

  /** Any numeric type, primitive or boxed. */
  JType numeric() {
    return NUMERIC.get(g.weighted(NUMERIC_WEIGHTS));
  }

  /** A type whose values print deterministically. */
  JType printable() {
    return PRINTABLE.get(g.weighted(PRINTABLE_WEIGHTS));
  }

  /** A type for a local, parameter or return value. */
  JType valueType() {
    return printable();
  }

  // ---- leaves -------------------------------------------------------------------------------

  /** A variable of type {@code t} or a literal. */
  Expr leaf(JType t) {
    List<Scope.Var> vars = g.scope.ofType(t, false);
    if (!vars.isEmpty() && g.chance(0.6)) {
      return read(g.pick(vars));
    }
    return literal(t);
  }

  /** A read of {@code v}, by simple or qualified name. */
  Expr read(Scope.Var v) {
    String form = g.pick(g.scope.forms(v));
    return v.writable() ? Expr.leaf(v.type(), form, Flag.LVALUE) : Expr.leaf(v.type(), form);
  }

  Expr literal(JType t) {
    int k = g.chance(0.9) ? g.between(-3, 12) : g.pick(0, 1000, 100_000, -70_000, 2_000_000_000);
    return switch (t) {
      case BOOLEAN -> constant(t, g.chance(0.5) ? "true" : "false");
      case BYTE -> constant(t, "((byte) " + k + ")");
      case SHORT -> constant(t, "((short) " + k + ")");
      case CHAR -> constant(t, "'" + g.pick("a", "b", "c", "x", "Z") + "'");
      case INT -> constant(t, String.valueOf(k));
      case LONG -> constant(t, k + "L");
      case DOUBLE -> constant(t, g.pick("1.5", "-0.25", "3.0", "0.1", "1e10"));
      case BOOLEAN_BOX -> Expr.leaf(t, g.chance(0.5) ? "Boolean.TRUE" : "Boolean.FALSE");
      case BYTE_BOX -> Expr.leaf(t, "Byte.valueOf((byte) " + k + ")");
      case SHORT_BOX -> Expr.leaf(t, "Short.valueOf((short) " + k + ")");
      case CHAR_BOX -> Expr.leaf(t, "Character.valueOf('" + g.pick("q", "r") + "')");
      case INTEGER ->
          g.chance(0.12)
              ? Expr.leaf(t, "((Integer) null)")
              : Expr.leaf(t, "Integer.valueOf(" + k + ")");
      case LONG_BOX ->
          g.chance(0.12) ? Expr.leaf(t, "((Long) null)") : Expr.leaf(t, "Long.valueOf(" + k + "L)");
      case DOUBLE_BOX -> Expr.leaf(t, "Double.valueOf(" + g.pick("0.5", "-2.0") + ")");
      case STRING -> constant(t, g.pick("\"a\"", "\"bc\"", "\"\"", "\"xyz\""));
      case OBJECT -> Expr.leaf(t, g.pick("((Object) \"o\")", "((Object) (" + k + "))"));
      // Parenthesised: an array creation cannot be indexed directly (JLS 15.10.3).
      case INT_ARRAY -> Expr.leaf(t, "(new int[] {" + k + ", 2, 3})");
      case BOX -> Expr.leaf(t, "new Box(" + k + ")");
      case RES -> throw new IllegalArgumentException("no literal of Res");
    };
  }

  private static Expr constant(JType t, String text) {
    return Expr.leaf(t, text, Flag.CONSTANT);
  }

  /**
   * A variable read, then written across an await later in the same expression: {@code (v + (v
   * += await(...)))} or {@code f3(F.sc, sc += await(later(5)), 0)}. The read must be held before
   * the await (JLS 15.7), whatever form names the variable (issue 19, item 1). Fields are
   * preferred: a local's read is easy to hold.
   */
  private Expr hazard(JType t, int depth) {
    List<Scope.Var> vars = new ArrayList<>();
    for (Scope.Var v : g.scope.ofType(t, true)) {
      vars.add(v);
      if (v.kind() != Scope.Kind.LOCAL) {
        vars.add(v);
        vars.add(v);
      }
    }
    if (vars.isEmpty()) {
      return null;
    }
    Scope.Var v = g.pick(vars);
    Expr before = Expr.leaf(t, g.pick(g.scope.forms(v)));
    Expr target = Expr.leaf(t, g.pick(g.scope.forms(v)), Flag.LVALUE);
    Expr value = g.chance(0.6) ? awaitOf(t.boxed(), depth - 1)
        : Expr.of(t, "(", exact(t, depth - 1), " + ", awaitOf(t.boxed(), depth - 1), ")");
    String op = t == STRING || g.chance(0.6) ? " += " : " = ";
    Expr write = Expr.of(t, "(", target, op, value, ")");
    if (t == INT && g.chance(0.5)) {
      return Expr.of(t, "f3(", before, ", ", write, ", ", assign(INT, depth - 1), ")");
    }
    return Expr.of(t, "(", before, " + ", write, ")");
  }

  // ---- awaits -------------------------------------------------------------------------------

  private static boolean awaitable(JType t) {
    return !t.isPrimitive() && t != RES;
  }

  /**
   * {@code await(f)} of a future of {@code t}: a controllable future of a value computed before
   * it ({@code later}, {@code laterIo}, {@code ready}), one that fails, or another generated
   * method's future; sometimes the generic {@code logged(tag, v)}, typed the same way.
   */
  Expr awaitOf(JType t, int depth) {
    if (!awaitable(t)) {
      return null;
    }
    String tag = g.tag();
    int kind =
        g.weighted(
            52, // later
            5, // ready
            g.mayThrow("IOException") ? 8 : 0, // laterIo
            2, // laterFail
            g.mayThrow("IOException") || g.mayThrow("TimeoutException") ? 2 : 0, // laterThrow
            7, // logged (not an await, but typed the same way)
            g.callableReturning(t).isEmpty() ? 0 : 24);
    return switch (kind) {
      case 0 -> Expr.of(t, "await(later(", laterArg(t, depth), "))");
      case 1 -> Expr.of(t, "await(ready(", laterArg(t, depth), "))");
      case 2 -> {
        g.throwsChecked("IOException");
        yield Expr.of(t, "await(laterIo(", laterArg(t, depth), "))");
      }
      case 3 ->
          Expr.of(t, "await(TestFutures.<" + t.source() + ">laterFail(new IllegalStateException("
              + tag + ")))");
      case 4 -> {
        String x = g.mayThrow("IOException") ? "IOException" : "TimeoutException";
        g.throwsChecked(x);
        yield Expr.of(t, "await(TestFutures.<" + t.source() + ", " + x + ">laterThrow(new " + x
            + "(" + tag + ")))");
      }
      case 5 -> Expr.of(t, "logged(" + tag + ", ", laterArg(t, depth), ")");
      default -> asyncCall(g.pick(g.callableReturning(t)), depth);
    };
  }

  /** The argument of {@code later(x)} typed so that the future's output is {@code t}. */
  private Expr laterArg(JType t, int depth) {
    JType u = t.isBox() && g.chance(0.7) ? t.unboxed() : t;
    return exact(u, Pos.TARGETED, depth - 1);
  }

  /** {@code await(FAsync.m(args))}: a call of an earlier generated method. */
  Expr asyncCall(Program.Method m, int depth) {
    List<Object> parts = new ArrayList<>();
    parts.add("await(" + g.className + "Async." + m.name() + "(");
    boolean first = true;
    if (!m.isStatic()) {
      parts.add(g.isStatic || g.chance(0.2) ? "new " + g.className + "()" : "this");
      first = false;
    }
    for (Program.Param p : m.params()) {
      if (!first) {
        parts.add(", ");
      }
      first = false;
      parts.add(assign(p.type(), depth - 1));
    }
    parts.add("))");
    if (m.throwsType() != null) {
      g.throwsChecked(m.throwsType());
    }
    g.called.add(m.name());
    JType t = m.returnType() == null ? OBJECT : m.returnType().boxed();
    return Expr.of(t, parts.toArray());
  }

  // ---- operators ----------------------------------------------------------------------------

  private Expr operator(JType t, int depth) {
    int d = depth - 1;
    switch (t) {
      case INT -> {
        int k = g.weighted(60, 8, 10);
        if (k == 0) {
          return binary(t, exact(intFamily(), d), arithmeticOp(true), exact(intFamily(), d));
        } else if (k == 1) {
          return binary(t, exact(intFamily(), d), g.pick(" << ", " >> ", " >>> "),
              exact(intFamily(), d));
        }
        // "(- " with a space: "(--3)" would be a decrement of a literal.
        return Expr.of(t, "(" + g.pick("- ", "~"), exact(intFamily(), d), ")");
      }
      case LONG -> {
        Expr a = exact(g.chance(0.7) ? LONG : LONG_BOX, d);
        Expr b = exact(g.chance(0.5) ? intFamily() : g.pick(LONG, LONG_BOX), d);
        if (g.chance(0.1)) {
          return binary(t, a, " << ", b);
        }
        return g.chance(0.5) ? binary(t, a, arithmeticOp(true), b) : binary(t, b, arithmeticOp(true), a);
      }
      case DOUBLE -> {
        Expr a = exact(g.chance(0.7) ? DOUBLE : DOUBLE_BOX, d);
        Expr b = exact(numeric(), d);
        String op = g.pick(" + ", " - ", " * ", " / ");
        return g.chance(0.5) ? binary(t, a, op, b) : binary(t, b, op, a);
      }
      case BOOLEAN -> {
        return booleanOperator(d);
      }
      case STRING -> {
        Expr s = exact(STRING, d);
        Expr x = exact(printable(), d);
        return g.chance(0.5) ? binary(t, s, " + ", x) : binary(t, x, " + ", s);
      }
      default -> {
        return null;
      }
    }
  }

  private String arithmeticOp(boolean integral) {
    int k = g.weighted(30, 20, 15, 3, 3, integral ? 4 : 0, integral ? 4 : 0, integral ? 4 : 0);
    return new String[] {" + ", " - ", " * ", " / ", " % ", " & ", " | ", " ^ "}[k];
  }

  private static Expr binary(JType t, Expr a, String op, Expr b) {
    return Expr.of(t, "(", a, op, b, ")");
  }

  private Expr booleanOperator(int d) {
    int k = g.weighted(25, 12, 20, 6, 8, 4, 4);
    switch (k) {
      case 0 -> {
        return binary(BOOLEAN, exact(numeric(), d), g.pick(" < ", " <= ", " > ", " >= "),
            exact(numeric(), d));
      }
      case 1 -> {
        // == and != compare values when either side is primitive; two different boxes do not
        // compile, two equal boxes compare identity (kept, but rare).
        JType a = numeric();
        JType b = numeric();
        if (!a.isPrimitive() && !b.isPrimitive() && (a != b || g.chance(0.7))) {
          b = b.unboxed();
        }
        return binary(BOOLEAN, exact(a, d), g.pick(" == ", " != "), exact(b, d));
      }
      case 2 -> {
        return binary(BOOLEAN, condition(d), g.pick(" && ", " || "), condition(d));
      }
      case 3 -> {
        return binary(BOOLEAN, condition(d), g.pick(" & ", " | ", " ^ "), condition(d));
      }
      case 4 -> {
        return Expr.of(BOOLEAN, "(!", condition(d), ")");
      }
      case 5 -> {
        JType r = g.pick(INTEGER, STRING, OBJECT, BOX, LONG_BOX);
        return binary(BOOLEAN, exact(r, d), g.pick(" == ", " != "), Expr.leaf(r, "null"));
      }
      default -> {
        return Expr.of(BOOLEAN, "(", exact(OBJECT, d), " instanceof " + g.pick("Integer", "String",
            "Long") + ")");
      }
    }
  }

  // ---- calls --------------------------------------------------------------------------------

  private Expr call(JType t, int depth) {
    int d = depth - 1;
    String tag = g.tag();
    switch (t) {
      case INT -> {
        int k = g.weighted(12, 14, g.isStatic ? 0 : 10, 8, 6);
        return switch (k) {
          case 0 -> Expr.of(t, "f3(", assign(INT, d), ", ", assign(INT, d), ", ", assign(INT, d),
              ")");
          case 1 -> Expr.of(t, "i(" + tag + ", ", assign(INT, d), ")");
          case 2 -> Expr.of(t, g.bumpCall(), assign(INT, d), ")");
          case 3 -> Expr.of(t, g.pick("sbump(", g.className + ".sbump("), assign(INT, d), ")");
          default -> Expr.of(t, "Math.max(", exact(intFamily(), Pos.NO_COND, d), ", ",
              exact(intFamily(), Pos.NO_COND, d), ")");
        };
      }
      case LONG -> {
        return g.chance(0.7)
            ? Expr.of(t, "l(" + tag + ", ", assign(LONG, d), ")")
            : Expr.of(t, "Math.max(", exact(g.pick(LONG, LONG_BOX), Pos.NO_COND, d), ", ",
                exact(intFamily(), Pos.NO_COND, d), ")");
      }
      case DOUBLE -> {
        return Expr.of(t, "d(" + tag + ", ", assign(DOUBLE, d), ")");
      }
      case BOOLEAN -> {
        return g.chance(0.6)
            ? Expr.of(t, "b(" + tag + ", ", assign(BOOLEAN, d), ")")
            : Expr.of(t, "Objects.equals(", assign(OBJECT, d), ", ", assign(OBJECT, d), ")");
      }
      case CHAR -> {
        return Expr.of(t, "ch(" + tag + ", ", assign(CHAR, d), ")");
      }
      case SHORT -> {
        return Expr.of(t, "sh(" + tag + ", ", assign(SHORT, d), ")");
      }
      case BYTE -> {
        return Expr.of(t, "by(" + tag + ", ", assign(BYTE, d), ")");
      }
      case STRING -> {
        int k = g.weighted(10, 14, 8, 6, 4);
        return switch (k) {
          case 0 -> Expr.of(t, "s(" + tag + ", ", assign(STRING, d), ")");
          case 1 -> Expr.of(t, "vo(" + tag + ", ", assign(OBJECT, d), ")");
          case 2 -> Expr.of(t, "Objects.toString(", assign(OBJECT, d), ")");
          case 3 -> Expr.of(t, "String.valueOf(", exact(printable(), Pos.NO_COND, d), ")");
          default -> Expr.of(t, "Integer.toString(", exact(intFamily(), Pos.NO_COND, d), ")");
        };
      }
      case INTEGER -> {
        return g.chance(0.6)
            ? Expr.of(t, "n(" + tag + ", ", assign(INTEGER, d), ")")
            : Expr.of(t, "Integer.valueOf(", exact(intFamily(), Pos.NO_COND, d), ")");
      }
      case LONG_BOX -> {
        return Expr.of(t, "Long.valueOf(", exact(g.pick(LONG, INT, LONG_BOX, INTEGER), Pos.NO_COND,
            d), ")");
      }
      case DOUBLE_BOX -> {
        return Expr.of(t, "Double.valueOf(", exact(numeric(), Pos.NO_COND, d), ")");
      }
      case BOOLEAN_BOX -> {
        return Expr.of(t, "Boolean.valueOf(", exact(BOOLEAN, Pos.NO_COND, d), ")");
      }
      case CHAR_BOX -> {
        return Expr.of(t, "Character.valueOf(", exact(CHAR, Pos.NO_COND, d), ")");
      }
      case SHORT_BOX -> {
        return Expr.of(t, "Short.valueOf(", exact(SHORT, Pos.NO_COND, d), ")");
      }
      case BYTE_BOX -> {
        return Expr.of(t, "Byte.valueOf(", exact(BYTE, Pos.NO_COND, d), ")");
      }
      case BOX -> {
        return Expr.of(t, "new Box(", assign(INT, d), ")");
      }
      case INT_ARRAY -> {
        return Expr.of(t, "(new int[] {", assign(INT, d), ", ", assign(INT, d), ", ",
            assign(INT, d), "})");
      }
      default -> {
        return null;
      }
    }
  }

  // ---- conditionals -------------------------------------------------------------------------

  /** {@code (c ? a : b)} of exactly {@code t}: see the class comment for which operands. */
  private Expr conditional(JType t, Pos pos, int depth) {
    int d = depth - 1;
    Expr cond = condition(d);
    if (pos != Pos.EXACT) {
      return Expr.of(t, "(", cond, " ? ", exact(t, Pos.TARGETED, d), " : ",
          exact(t, Pos.TARGETED, d), ")");
    }
    List<JType[]> options = new ArrayList<>();
    options.add(new JType[] {t, t});
    if (t.isPrimitive()) {
      options.add(new JType[] {t, t.boxed()});
      options.add(new JType[] {t.boxed(), t});
    }
    if (t == LONG || t == DOUBLE) {
      // Binary numeric promotion of unequal numeric operands (no byte, short or char: a constant
      // int operand would then give the narrower type, JLS 15.25 table).
      List<JType> mix = List.of(INT, INTEGER, LONG, LONG_BOX, DOUBLE, DOUBLE_BOX);
      for (JType a : mix) {
        for (JType b : mix) {
          if (a != b && a.unboxed() != b.unboxed() && JType.promote(a, b) == t) {
            options.add(new JType[] {a, b});
          }
        }
      }
    }
    // Which operand is null is decided before generating the operands: a generated operand
    // thrown away would leave its checked exceptions counted.
    boolean nullable = !t.isPrimitive() && t != RES;
    int nullAt = nullable && g.chance(0.15) ? g.between(1, 2) : 0;
    JType[] pair = g.chance(0.45) ? options.get(0) : g.pick(options);
    Expr a = nullAt == 1 ? Expr.leaf(t, "null", Flag.NULL) : exact(pair[0], d);
    Expr b = nullAt == 2 ? Expr.leaf(t, "null", Flag.NULL) : exact(pair[1], d);
    return Expr.of(t, "(", cond, " ? ", a, " : ", b, ")");
  }

  // ---- assignments --------------------------------------------------------------------------

  /**
   * An assignment, compound assignment or increment whose variable has type {@code t}, so the
   * expression has type {@code t}; parenthesised when it is an operand.
   */
  Expr assignment(JType t, int depth, boolean parens) {
    Expr lv = lvalue(t, depth - 1);
    if (lv == null) {
      return null;
    }
    int d = depth - 1;
    List<String> compound = compoundOps(t);
    boolean incr = t.isNumeric() && (t.isPrimitive() || t == INTEGER || t == LONG_BOX
        || t == DOUBLE_BOX);
    int k = g.weighted(35, compound.isEmpty() ? 0 : 40, incr ? 25 : 0);
    Object[] parts =
        switch (k) {
          case 0 -> new Object[] {lv, " = ", assign(t, d)};
          case 1 -> {
            String op = g.pick(compound);
            yield new Object[] {lv, op, compoundOperand(t, op, d)};
          }
          default -> g.chance(0.5)
              ? new Object[] {lv, g.pick("++", "--")}
              : new Object[] {g.pick("++", "--"), lv};
        };
    if (parens) {
      Object[] wrapped = new Object[parts.length + 2];
      wrapped[0] = "(";
      System.arraycopy(parts, 0, wrapped, 1, parts.length);
      wrapped[wrapped.length - 1] = ")";
      parts = wrapped;
    }
    return Expr.of(t, parts);
  }

  /** The compound operators a variable of type {@code t} allows (JLS 15.26.2). */
  private static List<String> compoundOps(JType t) {
    if (t == STRING) {
      return List.of(" += ");
    }
    if (t == BOOLEAN) {
      return List.of(" &= ", " |= ", " ^= ");
    }
    if (t == DOUBLE || t == DOUBLE_BOX) {
      return List.of(" += ", " -= ", " *= ");
    }
    if (t.isPrimitive() || t == INTEGER || t == LONG_BOX) {
      return List.of(" += ", " -= ", " *= ", " += ", " -= ", " &= ", " |= ", " ^= ", " /= ");
    }
    return List.of();
  }

  /**
   * The right operand of {@code x op= e}: any numeric for a primitive {@code x} (the result is
   * cast back), but for a boxed {@code x} only what promotes to its primitive, since {@code
   * (Integer) (x + 1L)} is not a legal cast.
   */
  private Expr compoundOperand(JType t, String op, int d) {
    if (t == STRING) {
      return exact(printable(), d);
    }
    if (t == BOOLEAN) {
      return condition(d);
    }
    boolean bitwise = op.contains("&") || op.contains("|") || op.contains("^");
    JType r;
    if (t == INTEGER || bitwise && t != LONG && t != LONG_BOX) {
      r = intFamily();
    } else if (t == LONG_BOX || bitwise) {
      r = g.chance(0.6) ? intFamily() : g.pick(LONG, LONG_BOX);
    } else {
      r = numeric();
    }
    return exact(r, d);
  }

  /** A variable of type {@code t}: a local, parameter, field, array element or box field. */
  Expr lvalue(JType t, int depth) {
    List<Scope.Var> vars = g.scope.ofType(t, true);
    if (vars.isEmpty() && t != INT) {
      return null;
    }
    int k =
        g.weighted(vars.isEmpty() ? 0 : 70, t == INT ? 15 : 0, t == INT ? 12 : 0);
    return switch (k) {
      case 0 -> read(g.pick(vars)).with(Flag.LVALUE);
      case 1 -> Expr.of(INT, EnumSet.of(Flag.LVALUE), receiver(INT_ARRAY, Math.max(0, depth - 1)),
          "[", index(depth - 1), "]");
      default -> Expr.of(INT, EnumSet.of(Flag.LVALUE), receiver(BOX, Math.max(0, depth - 1)), ".v");
    };
  }

  /** An array index: mostly in range (arrays here have length 3), sometimes anything. */
  Expr index(int depth) {
    int k = g.weighted(40, 25, 20, 15);
    return switch (k) {
      case 0 -> constant(INT, String.valueOf(g.between(0, 2)));
      case 1 -> Expr.of(INT, "(", exact(intFamily(), Math.max(0, depth)), " & 1)");
      case 2 -> Expr.of(INT, "Math.floorMod(", exact(intFamily(), Pos.NO_COND, Math.max(0, depth)),
          ", 3)");
      // javac types an index against int: a conditional there is typed operand by operand.
      default -> exact(intFamily(), Pos.TARGETED, Math.max(0, depth));
    };
  }

  // ---- casts --------------------------------------------------------------------------------

  private Expr cast(JType t, int depth) {
    int d = depth - 1;
    String to = "((" + t.source() + ") ";
    if (t.isPrimitive() && t != BOOLEAN) {
      if (g.chance(0.3)) {
        // Constant casts, narrowing included: a constant needs no holding (issue 19, item 5).
        String c =
            switch (t) {
              case INT -> g.pick("26L", "-3L", "2.75", "'z'", "1e10", "4000000000L");
              case LONG -> g.pick("7", "-2.5", "'a'");
              case DOUBLE -> g.pick("3", "-9L");
              case SHORT -> g.pick("70000", "-3", "'b'");
              case BYTE -> g.pick("200", "-1", "300L");
              default -> g.pick("65", "98L", "-1");
            };
        return constant(t, to + c + ")");
      }
      List<JType> from = new ArrayList<>();
      for (JType x : NUMERIC) {
        // JLS 5.5: any primitive numeric narrows or widens; a box only unboxes then widens.
        if (x.isPrimitive() || x.unboxed().widensTo(t)) {
          from.add(x);
        }
      }
      return Expr.of(t, to, exact(g.pick(from), d), ")");
    }
    return switch (t) {
      case BOOLEAN -> Expr.of(t, to, exact(BOOLEAN_BOX, d), ")");
      case INTEGER, LONG_BOX, DOUBLE_BOX, CHAR_BOX, SHORT_BOX, BYTE_BOX, BOOLEAN_BOX ->
          g.chance(0.85)
              ? Expr.of(t, to, signSafe(exact(t.unboxed(), d)), ")")
              : Expr.of(t, to + "null)");
      case OBJECT -> Expr.of(t, to, signSafe(exact(printable(), d)), ")");
      case STRING -> Expr.of(t, to, exact(g.chance(0.9) ? STRING : OBJECT, d), ")");
      default -> null;
    };
  }

  /**
   * {@code e}, parenthesised if it is a negative literal: {@code (Object) -2} parses as a
   * subtraction from a variable named Object.
   */
  private static Expr signSafe(Expr e) {
    boolean negative = e.parts().size() == 1 && e.parts().get(0) instanceof String s
        && s.startsWith("-");
    return negative ? Expr.of(e.type(), "(", e, ")") : e;
  }

  // ---- members ------------------------------------------------------------------------------

  private Expr member(JType t, int depth) {
    int d = depth - 1;
    switch (t) {
      case INT -> {
        List<Scope.Var> res = g.scope.ofType(RES, false);
        int k = g.weighted(25, 25, 8, 15, res.isEmpty() ? 0 : 10);
        return switch (k) {
          case 0 -> Expr.of(t, receiver(STRING, d), ".length()");
          case 1 -> Expr.of(t, EnumSet.of(Flag.LVALUE), receiver(INT_ARRAY, d), "[", index(d), "]");
          case 2 -> Expr.of(t, receiver(INT_ARRAY, d), ".length");
          case 3 -> Expr.of(t, EnumSet.of(Flag.LVALUE), receiver(BOX, d), ".v");
          default -> Expr.of(t, read(g.pick(res)), ".get()");
        };
      }
      case CHAR -> {
        return Expr.of(t, receiver(STRING, d), ".charAt(", index(d), ")");
      }
      case BOOLEAN -> {
        int k = g.weighted(10, 10, 6);
        return switch (k) {
          case 0 -> Expr.of(t, receiver(STRING, d), ".isEmpty()");
          case 1 -> Expr.of(t, receiver(STRING, d), ".equals(", assign(OBJECT, d), ")");
          default -> Expr.of(t, receiver(STRING, d), ".startsWith(", assign(STRING, d), ")");
        };
      }
      case STRING -> {
        int k = g.weighted(10, 5, 8, 5);
        return switch (k) {
          case 0 -> Expr.of(t, receiver(STRING, d), ".toUpperCase()");
          case 1 -> Expr.of(t, receiver(STRING, d), ".trim()");
          case 2 -> Expr.of(t, receiver(STRING, d), ".concat(", assign(STRING, d), ")");
          // A small count: a huge one would exhaust the heap of the test JVM.
          default -> Expr.of(t, receiver(STRING, d), ".repeat(Math.floorMod(", exact(intFamily(),
              Pos.NO_COND, d), ", 3))");
        };
      }
      default -> {
        return null;
      }
    }
  }

  // ---- conversions --------------------------------------------------------------------------

  /** A type assignable to {@code want} (itself most often). */
  private JType sourceFor(JType want) {
    if (g.chance(0.6)) {
      return want;
    }
    List<JType> from = new ArrayList<>();
    for (JType x : PRINTABLE) {
      if (x.assignableTo(want)) {
        from.add(x);
      }
    }
    if (want == INT_ARRAY || want == RES) {
      return want;
    }
    return from.isEmpty() ? want : g.pick(from);
  }

  /** For tests: every type an exact expression can have. */
  static Set<JType> exactTypes() {
    Set<JType> out = EnumSet.allOf(JType.class);
    out.remove(RES);
    return out;
  }
}
