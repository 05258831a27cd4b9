/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.processor.fuzz;

import static dev.asyncfn.processor.fuzz.JType.BOOLEAN;
import static dev.asyncfn.processor.fuzz.JType.BOX;
import static dev.asyncfn.processor.fuzz.JType.CHAR;
import static dev.asyncfn.processor.fuzz.JType.INT;
import static dev.asyncfn.processor.fuzz.JType.INTEGER;
import static dev.asyncfn.processor.fuzz.JType.INT_ARRAY;
import static dev.asyncfn.processor.fuzz.JType.LONG;
import static dev.asyncfn.processor.fuzz.JType.OBJECT;
import static dev.asyncfn.processor.fuzz.JType.RES;
import static dev.asyncfn.processor.fuzz.JType.STRING;

import dev.asyncfn.processor.fuzz.Expr.Flag;
import dev.asyncfn.processor.fuzz.Scope.Kind;
import dev.asyncfn.processor.fuzz.Scope.Var;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Generates statements: locals, assignments, calls and awaits, if/else, bounded loops with labels,
 * switch statements and expressions, try/catch/finally with resources, throws and returns.
 *
 * <p>Two rules keep every program valid and terminating without any flow analysis:
 *
 * <ul>
 *   <li>A jump ({@code return}, {@code break}, {@code continue}, {@code throw}, {@code yield}) is
 *       only ever the last statement of the then-block of an {@code if} without a jumping else, of
 *       a switch group or rule, or of a catch block. So every other statement can complete
 *       normally (JLS 14.22), and no statement is ever unreachable.
 *   <li>Every loop counts with a variable nothing else assigns ({@code for (int i = 0; i < 3 &&
 *       ...; i++)}, {@code while (g++ < 3 && ...)}), and a method only calls methods generated
 *       before it: every program terminates.
 * </ul>
 */
final class StmtGenerator {

  /**
   * Where a statement stands: which jumps are legal there.
   *
   * @param canBreak an unlabelled break has a target (a loop or switch statement)
   * @param canContinue an unlabelled continue has a target (a loop)
   * @param breakLabels labels a break may name
   * @param continueLabels labels of loops a continue may name
   * @param canReturn false inside a switch expression
   * @param yieldType the type of the innermost switch expression's result, or null
   * @param loops how many loops enclose it
   * @param depth how many compound statements enclose it
   */
  record Flow(
      boolean canBreak,
      boolean canContinue,
      List<String> breakLabels,
      List<String> continueLabels,
      boolean canReturn,
      JType yieldType,
      int loops,
      int depth) {

    static Flow top() {
      return new Flow(false, false, List.of(), List.of(), true, null, 0, 0);
    }

    Flow deeper() {
      return new Flow(canBreak, canContinue, breakLabels, continueLabels, canReturn, yieldType,
          loops, depth + 1);
    }

    Flow inLoop(String label) {
      return new Flow(true, true, plus(breakLabels, label), plus(continueLabels, label), canReturn,
          yieldType, loops + 1, depth + 1);
    }

    Flow inSwitch() {
      return new Flow(true, canContinue, breakLabels, continueLabels, canReturn, yieldType, loops,
          depth + 1);
    }

    Flow inLabeledBlock(String label) {
      return new Flow(canBreak, canContinue, plus(breakLabels, label), continueLabels, canReturn,
          yieldType, loops, depth + 1);
    }

    private static List<String> plus(List<String> xs, String x) {
      if (x == null) {
        return xs;
      }
      List<String> out = new ArrayList<>(xs);
      out.add(x);
      return out;
    }
  }

  private static final int MAX_DEPTH = 3;
  private static final List<String> UNCHECKED =
      List.of("IllegalStateException", "IllegalArgumentException", "ArithmeticException",
          "NullPointerException", "ArrayIndexOutOfBoundsException", "ClassCastException",
          "StringIndexOutOfBoundsException");

  private final GenContext g;
  private final ExprGenerator x;
  private int budget;

  StmtGenerator(GenContext g, ExprGenerator x) {
    this.g = g;
    this.x = x;
  }

  /** A method body of about {@code size} statements, ending in a return of its type. */
  Stmt.Block body(int size) {
    budget = size;
    List<Stmt> out = new ArrayList<>(statements(Flow.top(), size));
    if (g.returnType != null) {
      out.add(new Stmt.Return(x.assign(g.returnType, 3)));
    }
    return new Stmt.Block(out);
  }

  /** A block of up to {@code n} statements in a scope of its own. */
  Stmt.Block block(Flow f, int n) {
    return block(f, n, List::of);
  }

  /**
   * A block of up to {@code n} statements, then what {@code end} makes (a jump, a break, a
   * yield), generated in the block's scope: a jump's expression may name the block's locals, and
   * one of them may hide a field.
   */
  Stmt.Block block(Flow f, int n, Supplier<List<Stmt>> end) {
    g.scope.push();
    try {
      List<Stmt> out = new ArrayList<>(statements(f, n));
      out.addAll(end.get());
      return new Stmt.Block(out);
    } finally {
      g.scope.pop();
    }
  }

  private List<Stmt> statements(Flow f, int n) {
    List<Stmt> out = new ArrayList<>();
    for (int i = 0; i < n && budget > 0; i++) {
      budget--;
      out.addAll(statement(f));
    }
    return out;
  }

  /** One statement (a loop with a guard comes with the guard's declaration). */
  private List<Stmt> statement(Flow f) {
    boolean nest = f.depth() < MAX_DEPTH;
    int k =
        g.weighted(
            18, // local
            16, // assignment
            12, // call or await
            7, // log
            nest ? 10 : 0, // if
            nest && f.loops() < 2 ? 7 : 0, // loop
            nest ? 5 : 0, // switch
            // javac 17 crashes (Code.newLocal on a null type) compiling a try statement inside a
            // switch expression that is a method argument: none inside switch expressions.
            nest && f.yieldType() == null ? 7 : 0, // try
            nest ? 2 : 0, // labelled block
            nest ? 1 : 0); // block
    return switch (k) {
      case 0 -> List.of(local());
      case 1 -> List.of(assignment());
      case 2 -> List.of(callOrAwait());
      case 3 -> List.of(log());
      case 4 -> List.of(ifStatement(f));
      case 5 -> loop(f);
      case 6 -> List.of(switchStatement(f));
      case 7 -> List.of(tryStatement(f));
      case 8 -> List.of(labeledBlock(f));
      default -> List.of(block(f.deeper(), g.between(1, 3)));
    };
  }

  // ---- simple statements --------------------------------------------------------------------

  private Stmt local() {
    JType t = g.chance(0.9) ? x.valueType() : g.pick(INT_ARRAY, BOX);
    String name = g.fresh("v");
    if (g.chance(0.08)) {
      // Sometimes the local hides a field: the field is then only reachable qualified.
      for (Var fv : g.scope.fields()) {
        if (!g.shadowed.contains(fv.name()) && !g.scope.hasLocal(fv.name())) {
          name = fv.name();
          g.shadowed.add(name);
          break;
        }
      }
    }
    int style = g.weighted(60, 30, 10);
    g.scope.reserve(name);
    Stmt s;
    boolean writable = true;
    if (style == 1) {
      Expr init = x.exact(t, 3);
      s = new Stmt.Local(g.localType("var", t), name, init);
    } else {
      writable = style == 0;
      s = new Stmt.Local((writable ? "" : "final ") + t.source(), name, x.assign(t, 3));
    }
    g.scope.declareReserved(new Var(name, t, Kind.LOCAL, writable, null));
    return s;
  }

  private Stmt assignment() {
    List<JType> types = new ArrayList<>();
    for (Var v : g.scope.locals()) {
      if (v.writable() && v.type() != null) {
        types.add(v.type());
      }
    }
    for (Var v : g.scope.fields()) {
      if (v.writable() && !g.scope.forms(v).isEmpty()) {
        types.add(v.type());
      }
    }
    types.add(INT);
    Expr e = x.assignment(g.pick(types), 3, false);
    return e == null ? log() : new Stmt.ExprStmt(e);
  }

  private Stmt callOrAwait() {
    int d = 3;
    String tag = g.tag();
    List<Program.Method> callable = g.callableReturning(null);
    int k = g.weighted(16, callable.isEmpty() ? 0 : 14, 10, 6, g.isStatic ? 0 : 6, 6, 4, 3);
    Expr e =
        switch (k) {
          case 0 -> Expr.of(OBJECT, "await(later(", x.exact(x.printable(), ExprGenerator.Pos.TARGETED,
              d), "))");
          case 1 -> x.asyncCall(g.pick(callable), d);
          case 2 -> Expr.of(INT, "i(" + tag + ", ", x.assign(INT, d), ")");
          case 3 -> Expr.of(INT, "f3(", x.assign(INT, d), ", ", x.assign(INT, d), ", ",
              x.assign(INT, d), ")");
          case 4 -> Expr.of(INT, g.bumpCall(), x.assign(INT, d), ")");
          case 5 -> Expr.of(INT, g.pick("sbump(", g.className + ".sbump("), x.assign(INT, d), ")");
          case 6 -> Expr.of(STRING, "vo(" + tag + ", ", x.assign(OBJECT, d), ")");
          default -> Expr.of(INTEGER, "n(" + tag + ", ", x.assign(INTEGER, d), ")");
        };
    return new Stmt.ExprStmt(e);
  }

  private Stmt log() {
    return new Stmt.ExprStmt(
        Expr.of(STRING, "log(\"" + g.fresh("t") + " \" + ", x.exact(x.printable(), 3), ")"));
  }

  // ---- if, jumps ----------------------------------------------------------------------------

  private Stmt ifStatement(Flow f) {
    Expr cond = x.condition(3);
    Flow inner = f.deeper();
    Stmt.Block then = block(inner, g.between(1, 3), () -> maybeJump(inner, 0.35));
    Stmt.Block orElse = null;
    if (g.chance(0.4)) {
      // Not both branches may jump: the if could not complete normally.
      boolean thenJumps = endsInJump(then);
      orElse = block(inner, g.between(1, 3), () -> thenJumps ? List.of() : maybeJump(inner, 0.2));
    }
    return new Stmt.If(cond, then, orElse);
  }

  private static boolean endsInJump(Stmt.Block b) {
    if (b.stmts().isEmpty()) {
      return false;
    }
    Stmt last = b.stmts().get(b.stmts().size() - 1);
    return last instanceof Stmt.Return || last instanceof Stmt.Jump || last instanceof Stmt.Throw
        || last instanceof Stmt.Yield;
  }

  /** With probability {@code p}, a jump that is legal at {@code f}. */
  private List<Stmt> maybeJump(Flow f, double p) {
    return g.chance(p) ? List.of(jump(f)) : List.of();
  }

  private Stmt jump(Flow f) {
    int k =
        g.weighted(
            f.canReturn() ? 30 : 0,
            f.canBreak() ? 15 : 0,
            f.breakLabels().isEmpty() ? 0 : 10,
            f.canContinue() ? 12 : 0,
            f.continueLabels().isEmpty() ? 0 : 8,
            f.yieldType() != null ? 30 : 0,
            12);
    return switch (k) {
      case 0 -> new Stmt.Return(g.returnType == null ? null : x.assign(g.returnType, 3));
      case 1 -> new Stmt.Jump("break", null);
      case 2 -> new Stmt.Jump("break", g.pick(f.breakLabels()));
      case 3 -> new Stmt.Jump("continue", null);
      case 4 -> new Stmt.Jump("continue", g.pick(f.continueLabels()));
      case 5 -> new Stmt.Yield(x.assign(f.yieldType(), 3));
      default -> throwStatement();
    };
  }

  private Stmt throwStatement() {
    String tag = g.tag();
    List<String> checked = new ArrayList<>();
    for (String c : List.of("IOException", "TimeoutException")) {
      if (g.mayThrow(c)) {
        checked.add(c);
      }
    }
    String type =
        !checked.isEmpty() && g.chance(0.4)
            ? g.pick(checked)
            : g.pick("IllegalStateException", "IllegalArgumentException", "ArithmeticException");
    if (checked.contains(type)) {
      g.throwsChecked(type);
    }
    return new Stmt.Throw(Expr.of(OBJECT, "new " + type + "(" + tag + " + ", x.exact(x.printable(),
        2), ")"));
  }

  // ---- loops --------------------------------------------------------------------------------

  private List<Stmt> loop(Flow f) {
    String label = g.chance(0.3) ? g.fresh("L") : null;
    Flow inner = f.inLoop(label);
    int bound = g.between(1, 3);
    int k = g.weighted(40, 20, 12, 28);
    List<Stmt> out = new ArrayList<>();
    Stmt loop;
    switch (k) {
      case 0 -> {
        String i = g.fresh("i");
        g.scope.push();
        g.scope.declare(new Var(i, INT, Kind.LOCAL, false, null));
        Expr cond = extraCondition(Expr.leaf(BOOLEAN, "(" + i + " < " + bound + ")"));
        List<Expr> updates = new ArrayList<>();
        updates.add(Expr.leaf(INT, i + "++"));
        if (g.chance(0.2)) {
          // A second update, which may await: evaluated after each iteration.
          Expr u = x.assignment(INT, 2, false);
          if (u != null) {
            updates.add(u);
          }
        }
        Stmt.Block body = block(inner, g.between(1, 4));
        g.scope.pop();
        loop = new Stmt.For("int " + i + " = 0", cond, updates, body);
      }
      case 1, 2 -> {
        String guard = g.fresh("g");
        out.add(new Stmt.Local("int", guard, Expr.leaf(INT, "0", Flag.CONSTANT)));
        g.scope.declare(new Var(guard, INT, Kind.LOCAL, false, null));
        Expr cond = extraCondition(Expr.leaf(BOOLEAN, "(" + guard + "++ < " + bound + ")"));
        Stmt.Block body = block(inner, g.between(1, 4));
        loop = k == 1 ? new Stmt.While(cond, body) : new Stmt.DoWhile(body, cond);
      }
      default -> {
        String v = g.fresh("x");
        Expr iterable;
        String type;
        JType elem;
        if (g.chance(0.6)) {
          iterable = x.receiver(INT_ARRAY, 2);
          type = g.pick("int", "int", "long", "var", "Integer");
          elem = type.equals("long") ? LONG : type.equals("Integer") ? INTEGER : INT;
          type = g.localType(type, elem);
        } else {
          iterable =
              Expr.of(OBJECT, "List.of(", x.exact(g.pick(INT, INTEGER), ExprGenerator.Pos.TARGETED,
                  2), ", ", x.exact(g.pick(INT, INTEGER), ExprGenerator.Pos.TARGETED, 2), ")");
          type = g.pick("Integer", "int", "var", "long");
          elem = type.equals("long") ? LONG : type.equals("int") ? INT : INTEGER;
          type = g.localType(type, elem);
        }
        g.scope.push();
        g.scope.declare(new Var(v, elem, Kind.LOCAL, g.chance(0.3), null));
        Stmt.Block body = block(inner, g.between(1, 4));
        g.scope.pop();
        loop = new Stmt.ForEach(type, v, iterable, body);
      }
    }
    out.add(label == null ? loop : new Stmt.Labeled(label, loop));
    return out;
  }

  /** {@code cond && c} sometimes: the bound still holds, and the condition may await. */
  private Expr extraCondition(Expr cond) {
    if (!g.chance(0.3)) {
      return cond;
    }
    return Expr.of(BOOLEAN, "(", cond, " && ", x.condition(2), ")");
  }

  private Stmt labeledBlock(Flow f) {
    String label = g.fresh("L");
    Stmt.Block b = block(f.inLabeledBlock(label), g.between(1, 4));
    return new Stmt.Labeled(label, b);
  }

  // ---- switches -----------------------------------------------------------------------------

  /** A selector and the labels its cases may use. */
  private record Selector(Expr expr, List<String> labels) {}

  private Selector selector(int depth) {
    int k = g.weighted(45, 15, 10, 15, 15);
    return switch (k) {
      case 0 -> new Selector(Expr.of(INT, "(", x.exact(x.intFamily(), depth), " & 3)"),
          List.of("0", "1", "2", "3"));
      case 1 -> new Selector(x.receiver(INT, depth), List.of("0", "1", "2", "5", "-1"));
      case 2 -> new Selector(x.receiver(INTEGER, depth), List.of("0", "1", "3", "7"));
      case 3 -> new Selector(x.receiver(STRING, depth),
          List.of("\"a\"", "\"bc\"", "\"\"", "\"xyz\""));
      default -> new Selector(x.receiver(CHAR, depth), List.of("'a'", "'b'", "'x'", "'Z'"));
    };
  }

  /** Up to {@code n} labels of {@code sel}, each used once, as case labels. */
  private List<String> caseLabels(Selector sel, int n) {
    List<String> pool = new ArrayList<>(sel.labels());
    List<String> out = new ArrayList<>();
    for (int i = 0; i < n && !pool.isEmpty(); i++) {
      int groupSize = g.chance(0.25) && pool.size() > 1 ? 2 : 1;
      List<String> group = new ArrayList<>();
      for (int j = 0; j < groupSize; j++) {
        group.add(pool.remove(g.nextInt(pool.size())));
      }
      out.add("case " + String.join(", ", group));
    }
    return out;
  }

  private Stmt switchStatement(Flow f) {
    Selector sel = selector(3);
    boolean arrow = g.chance(0.5);
    Flow inner = f.inSwitch();
    List<String> labels = caseLabels(sel, g.between(1, 3));
    if (g.chance(0.7)) {
      labels.add("default");
    }
    List<Stmt.Case> cases = new ArrayList<>();
    for (int c = 0; c < labels.size(); c++) {
      String label = labels.get(c);
      // The last case never ends in a return or throw: with a default, a switch whose every case
      // jumps away cannot complete normally, and the statement after it would not compile.
      boolean last = c == labels.size() - 1;
      Supplier<List<Stmt>> end;
      if (last && (arrow || g.chance(0.5))) {
        end = List::of;
      } else if (!arrow && (last || g.chance(0.6))) {
        end = () -> List.of(new Stmt.Jump("break", null));
      } else {
        end = () -> maybeJump(inner, 0.2);
      }
      cases.add(new Stmt.Case(label, null, block(inner, g.between(0, 3), end)));
    }
    return new Stmt.Switch(sel.expr(), new Stmt.SwitchBlock(arrow, cases));
  }

  /**
   * A switch expression yielding {@code want}, in an assignment context (its results are typed by
   * the target, like a conditional's operands).
   */
  Expr switchExpression(JType want, int depth) {
    Selector sel = selector(Math.min(depth, 2));
    boolean arrow = g.chance(0.65);
    // One level of nesting inside, at most one loop: the blocks of a switch expression stay small.
    Flow inner = new Flow(false, false, List.of(), List.of(), false, want, 1, MAX_DEPTH - 1);
    List<String> labels = caseLabels(sel, g.between(1, 3));
    labels.add("default");
    List<Stmt.Case> cases = new ArrayList<>();
    int saved = budget;
    budget = Math.min(budget, 3);
    for (String label : labels) {
      if (arrow && g.chance(0.5)) {
        cases.add(new Stmt.Case(label, x.assign(want, depth - 1), null));
      } else {
        Stmt.Block b = block(inner, g.between(0, 2),
            () -> List.of(new Stmt.Yield(x.assign(want, depth - 1))));
        cases.add(new Stmt.Case(label, null, b));
      }
    }
    budget = saved;
    return Expr.of(want, EnumSet.of(Flag.POLY), "switch (", sel.expr(), ") ",
        new Stmt.SwitchBlock(arrow, cases));
  }

  // ---- try ----------------------------------------------------------------------------------

  private Stmt tryStatement(Flow f) {
    Flow inner = f.deeper();
    Set<String> outerAllowed = g.allowedChecked;
    Set<String> outerThrown = g.thrownChecked;
    g.allowedChecked = new HashSet<>(List.of("IOException", "TimeoutException"));
    g.thrownChecked = new HashSet<>();
    g.scope.push();
    List<Stmt.Local> resources = new ArrayList<>();
    Stmt.Block body;
    try {
      if (g.chance(0.3)) {
        int n = g.between(1, 2);
        for (int i = 0; i < n; i++) {
          String r = g.fresh("r");
          Expr init =
              Expr.of(RES, "new Res(\"" + r + "\", ", failFlag(), ", ", failFlag(), ")");
          resources.add(new Stmt.Local(g.localType(g.chance(0.7) ? "Res" : "var", RES), r, init));
          g.scope.declare(new Var(r, RES, Kind.LOCAL, false, null));
        }
      }
      body = block(inner, g.between(1, 4));
    } finally {
      g.scope.pop();
    }
    Set<String> bodyThrown = g.thrownChecked;
    g.allowedChecked = outerAllowed;
    g.thrownChecked = outerThrown;

    List<Stmt.Catch> catches = new ArrayList<>();
    Set<String> mustCatch = new LinkedHashSet<>(bodyThrown);
    mustCatch.removeAll(outerAllowed);
    List<String> pool = new ArrayList<>(UNCHECKED);
    int specific = g.weighted(30, 40, 25, 5);
    for (int i = 0; i < specific; i++) {
      List<String> alternatives = new ArrayList<>();
      // one type after a simple-name call of an instance method: javac 17 cannot type a
      // multi-catch parameter then (the var locals' limit, GenContext.simpleNameCall)
      int alts = g.chance(0.3) && !g.simpleNameCall ? 2 : 1;
      for (int j = 0; j < alts && !pool.isEmpty(); j++) {
        alternatives.add(pool.remove(g.nextInt(pool.size())));
      }
      // A checked type may join a clause only if the body can throw it (JLS 11.2.3).
      for (String c : bodyThrown) {
        if (g.chance(0.5) && catches.stream().noneMatch(cl -> cl.types().contains(c))
            && !alternatives.contains(c) && !(g.simpleNameCall && !alternatives.isEmpty())) {
          alternatives.add(c);
          mustCatch.remove(c);
        }
      }
      String types = String.join(" | ", alternatives);
      catches.add(catchClause(types, inner, checkedIn(types), outerAllowed));
    }
    if (g.chance(0.2)) {
      catches.add(catchClause("RuntimeException", inner, List.of(), outerAllowed));
    }
    if (!mustCatch.isEmpty() || g.chance(0.2)) {
      // A precise rethrow of Exception throws what the body throws and no earlier clause caught.
      List<String> uncaught = new ArrayList<>(bodyThrown);
      for (Stmt.Catch c : catches) {
        uncaught.removeAll(checkedIn(c.types()));
      }
      catches.add(catchClause("Exception", inner, uncaught, outerAllowed));
    }
    // What the body throws and no catch catches escapes to the enclosing try (which may need to
    // catch it) or the method (which allows it).
    boolean catchAll = catches.stream().anyMatch(c -> c.types().equals("Exception"));
    for (String t : bodyThrown) {
      boolean caught = catchAll || catches.stream().anyMatch(c -> checkedIn(c.types()).contains(t));
      if (!caught) {
        g.throwsChecked(t);
      }
    }
    Stmt.Block fin = null;
    if (g.chance(0.4) || catches.isEmpty() && resources.isEmpty()) {
      // No jump at the end of a finally block: the try statement could not complete normally.
      // (A return inside an if in it is generated as anywhere else.)
      fin = block(inner, g.between(1, 3));
    }
    return new Stmt.Try(resources, body, catches, fin);
  }

  private Expr failFlag() {
    return g.chance(0.75) ? Expr.leaf(BOOLEAN, "false", Flag.CONSTANT) : x.assign(BOOLEAN, 2);
  }

  /**
   * {@code catch (types e) { log; ...; [throw] }}; {@code rethrown} is what {@code throw e} would
   * throw (checked), which decides whether the precise rethrow is legal here (JLS 11.2.2).
   */
  private Stmt.Catch catchClause(
      String types, Flow f, List<String> rethrown, Set<String> outerAllowed) {
    String e = g.fresh("e");
    g.scope.push();
    try {
      List<Stmt> out = new ArrayList<>();
      out.add(new Stmt.ExprStmt(Expr.of(STRING, "log(\"" + e + " \" + " + e + ")")));
      out.addAll(statements(f, g.between(0, 2)));
      if (g.chance(0.2)) {
        // Rethrown as it is (it escapes to the enclosing try or method), or wrapped.
        if (outerAllowed.containsAll(rethrown) && g.chance(0.5)) {
          rethrown.forEach(g::throwsChecked);
          out.add(new Stmt.Throw(Expr.leaf(OBJECT, e)));
        } else {
          out.add(new Stmt.Throw(Expr.leaf(OBJECT, "new IllegalStateException(\"" + e + "\", " + e
              + ")")));
        }
      }
      return new Stmt.Catch(types, e, new Stmt.Block(out));
    } finally {
      g.scope.pop();
    }
  }

  private static List<String> checkedIn(String types) {
    List<String> out = new ArrayList<>();
    for (String t : types.split(" \\| ")) {
      if (t.equals("IOException") || t.equals("TimeoutException")) {
        out.add(t);
      }
    }
    return out;
  }
}
