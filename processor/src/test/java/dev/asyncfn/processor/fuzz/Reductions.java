/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.processor.fuzz;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every program one edit smaller than a given one, for the {@link Minimiser}: a method dropped or
 * emptied, a statement deleted, a compound statement replaced by its body, a catch or finally
 * dropped, a switch case dropped, an expression replaced by one of its operands or by the
 * simplest value of its type. Many of them are not valid Java any more; the minimiser's check
 * throws those away.
 *
 * <p>Ordered roughly by how much they remove, so the big cuts are tried first.
 */
final class Reductions {
  private static final Pattern CALL = Pattern.compile("Async\\.(m\\d+)\\(");

  private Reductions() {}

  /** The candidates for {@code p}, focusing on {@code target} and the methods it calls. */
  static List<Program> of(Program p, String target) {
    List<Program> out = new ArrayList<>();
    Set<String> needed = reachable(p, target);
    // Methods the target does not reach go first, all at once.
    if (needed.size() < p.methods().size()) {
      out.add(keep(p, needed));
    }
    for (Program.Method m : p.methods()) {
      if (!m.name().equals(target)) {
        out.add(Stubs.replace(p, List.of(m.name())));
      }
    }
    for (Program.Method m : p.methods()) {
      for (Stmt.Block b : blockVariants(m.body())) {
        out.add(p.replace(m.withBody(b)));
      }
    }
    // Parameters of a method nothing calls (its callers would need their arguments changed).
    for (Program.Method m : p.methods()) {
      if (!calledByOthers(p, m.name())) {
        for (int i = 0; i < m.params().size(); i++) {
          out.add(p.replace(m.withoutParam(i)));
        }
      }
    }
    return out;
  }

  private static boolean calledByOthers(Program p, String name) {
    for (Program.Method m : p.methods()) {
      if (!m.name().equals(name)
          && ProgramPrinter.method(p, m).contains("Async." + name + "(")) {
        return true;
      }
    }
    return false;
  }

  /** {@code target} and every method it calls, directly or not. */
  static Set<String> reachable(Program p, String target) {
    Set<String> seen = new LinkedHashSet<>();
    List<String> todo = new ArrayList<>(List.of(target));
    while (!todo.isEmpty()) {
      String name = todo.remove(todo.size() - 1);
      if (!seen.add(name)) {
        continue;
      }
      Matcher m = CALL.matcher(ProgramPrinter.method(p, p.method(name)));
      while (m.find()) {
        todo.add(m.group(1));
      }
    }
    return seen;
  }

  private static Program keep(Program p, Set<String> names) {
    List<Program.Method> out = new ArrayList<>();
    for (Program.Method m : p.methods()) {
      if (names.contains(m.name())) {
        out.add(m);
      }
    }
    return p.withMethods(out);
  }

  // ---- statements ---------------------------------------------------------------------------

  static List<Stmt.Block> blockVariants(Stmt.Block b) {
    List<Stmt.Block> out = new ArrayList<>();
    List<Stmt> ss = b.stmts();
    // Halves first (ddmin's coarse step), then single statements.
    if (ss.size() >= 4) {
      out.add(new Stmt.Block(ss.subList(ss.size() / 2, ss.size())));
      out.add(new Stmt.Block(ss.subList(0, ss.size() / 2)));
    }
    for (int i = 0; i < ss.size(); i++) {
      List<Stmt> without = new ArrayList<>(ss);
      without.remove(i);
      out.add(new Stmt.Block(without));
    }
    for (int i = 0; i < ss.size(); i++) {
      for (List<Stmt> inlined : inlinings(ss.get(i))) {
        List<Stmt> with = new ArrayList<>(ss.subList(0, i));
        with.addAll(inlined);
        with.addAll(ss.subList(i + 1, ss.size()));
        out.add(new Stmt.Block(with));
      }
    }
    for (int i = 0; i < ss.size(); i++) {
      for (Stmt v : stmtVariants(ss.get(i))) {
        List<Stmt> with = new ArrayList<>(ss);
        with.set(i, v);
        out.add(new Stmt.Block(with));
      }
    }
    return out;
  }

  /** The statements a compound statement could be replaced with (its bodies, unwrapped). */
  private static List<List<Stmt>> inlinings(Stmt s) {
    List<List<Stmt>> out = new ArrayList<>();
    if (s instanceof Stmt.Block b) {
      out.add(b.stmts());
    } else if (s instanceof Stmt.If i) {
      out.add(i.then().stmts());
      if (i.orElse() != null) {
        out.add(i.orElse().stmts());
      }
    } else if (s instanceof Stmt.While w) {
      out.add(w.body().stmts());
    } else if (s instanceof Stmt.DoWhile d) {
      out.add(d.body().stmts());
    } else if (s instanceof Stmt.For f) {
      out.add(f.body().stmts());
    } else if (s instanceof Stmt.ForEach f) {
      out.add(f.body().stmts());
    } else if (s instanceof Stmt.Labeled l) {
      out.add(List.of(l.body()));
    } else if (s instanceof Stmt.Try t) {
      out.add(t.body().stmts());
    } else if (s instanceof Stmt.Switch w) {
      for (Stmt.Case c : w.block().cases()) {
        if (c.body() != null) {
          out.add(c.body().stmts());
        }
      }
    }
    return out;
  }

  /** {@code s} with one of its parts made smaller. */
  private static List<Stmt> stmtVariants(Stmt s) {
    List<Stmt> out = new ArrayList<>();
    if (s instanceof Stmt.Try t) {
      for (int i = 0; i < t.catches().size(); i++) {
        List<Stmt.Catch> cs = new ArrayList<>(t.catches());
        cs.remove(i);
        out.add(new Stmt.Try(t.resources(), t.body(), cs, t.finallyBlock()));
      }
      if (t.finallyBlock() != null) {
        out.add(new Stmt.Try(t.resources(), t.body(), t.catches(), null));
      }
      for (int i = 0; i < t.resources().size(); i++) {
        List<Stmt.Local> rs = new ArrayList<>(t.resources());
        rs.remove(i);
        out.add(new Stmt.Try(rs, t.body(), t.catches(), t.finallyBlock()));
      }
    }
    if (s instanceof Stmt.If i && i.orElse() != null) {
      out.add(new Stmt.If(i.cond(), i.then(), null));
    }
    List<Object> kids = s.children();
    for (int j = 0; j < kids.size(); j++) {
      for (Object v : childVariants(kids.get(j))) {
        List<Object> with = new ArrayList<>(kids);
        with.set(j, v);
        out.add(s.withChildren(with));
      }
    }
    return out;
  }

  private static List<?> childVariants(Object child) {
    if (child instanceof Stmt.Block b) {
      return blockVariants(b);
    }
    if (child instanceof Stmt s) {
      return stmtVariants(s);
    }
    if (child instanceof Expr e) {
      return exprVariants(e);
    }
    if (child instanceof Stmt.SwitchBlock b) {
      return switchVariants(b);
    }
    return List.of();
  }

  private static List<Stmt.SwitchBlock> switchVariants(Stmt.SwitchBlock b) {
    List<Stmt.SwitchBlock> out = new ArrayList<>();
    List<Stmt.Case> cases = b.cases();
    for (int i = 0; i < cases.size(); i++) {
      List<Stmt.Case> without = new ArrayList<>(cases);
      without.remove(i);
      out.add(new Stmt.SwitchBlock(b.arrow(), without));
    }
    for (int i = 0; i < cases.size(); i++) {
      Stmt.Case c = cases.get(i);
      List<Stmt.Case> variants = new ArrayList<>();
      if (c.value() != null) {
        for (Expr v : exprVariants(c.value())) {
          variants.add(new Stmt.Case(c.label(), v, null));
        }
      }
      if (c.body() != null) {
        for (Stmt.Block v : blockVariants(c.body())) {
          variants.add(new Stmt.Case(c.label(), null, v));
        }
      }
      for (Stmt.Case v : variants) {
        List<Stmt.Case> with = new ArrayList<>(cases);
        with.set(i, v);
        out.add(new Stmt.SwitchBlock(b.arrow(), with));
      }
    }
    return out;
  }

  /** The simplest expressions of {@code t} (several where one may not fit the context). */
  private static List<String> simplest(JType t) {
    return switch (t) {
      case BOOLEAN, BOOLEAN_BOX -> List.of("false", "true");
      case STRING -> List.of("\"\"", "null");
      case INTEGER, LONG_BOX, DOUBLE_BOX, OBJECT -> List.of("null", "0");
      case INT_ARRAY, BOX, RES, BYTE_BOX, SHORT_BOX, CHAR_BOX -> List.of("null");
      default -> List.of(Stubs.defaultValue(t).toString());
    };
  }

  private static String simplestAwait(JType t) {
    return switch (t) {
      case INTEGER -> "await(later(0))";
      case STRING -> "await(later(\"\"))";
      case LONG_BOX -> "await(later(0L))";
      case BOOLEAN_BOX -> "await(later(false))";
      case OBJECT -> "await(later((Object) 0))";
      default -> null;
    };
  }

  // ---- expressions --------------------------------------------------------------------------

  /** {@code e} replaced by a simpler expression of its type, or with a part made smaller. */
  static List<Expr> exprVariants(Expr e) {
    List<Expr> out = new ArrayList<>();
    boolean leaf = e.children().isEmpty();
    if (!e.has(Expr.Flag.LVALUE)) {
      Set<String> seen = new HashSet<>();
      // An operand of the same type in its place (drops an operator, a call, a branch).
      for (Object c : e.children()) {
        if (c instanceof Expr sub && sub.type() == e.type() && !sub.has(Expr.Flag.NULL)
            && seen.add(sub.toString())) {
          out.add(sub);
        }
      }
      if (!leaf) {
        for (String text : simplest(e.type())) {
          out.add(Expr.leaf(e.type(), text, Expr.Flag.CONSTANT));
        }
      }
      // Any await (of another method, of a failing future) as the simplest await of its type.
      String simpleAwait = simplestAwait(e.type());
      if (simpleAwait != null && e.parts().get(0) instanceof String head
          && head.startsWith("await(") && !e.toString().equals(simpleAwait)) {
        out.add(Expr.leaf(e.type(), simpleAwait));
      }
    }
    List<Object> parts = e.parts();
    for (int j = 0; j < parts.size(); j++) {
      Object part = parts.get(j);
      List<?> variants =
          part instanceof Expr sub ? exprVariants(sub)
              : part instanceof Stmt.SwitchBlock b ? switchVariants(b) : List.of();
      for (Object v : variants) {
        List<Object> with = new ArrayList<>(parts);
        with.set(j, v);
        out.add(e.withParts(with));
      }
    }
    return out;
  }
}
