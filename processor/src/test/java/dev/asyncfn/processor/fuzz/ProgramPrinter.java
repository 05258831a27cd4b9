/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.processor.fuzz;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Prints a {@link Program} as a Java source file (Google style, two-space indents), with only the
 * fields and helpers its methods use, so a minimised program reads as a small, complete class.
 * Also prints a stand-in companion ({@link #stubCompanion}) that lets the plain program compile
 * without the processor, to tell invalid programs (a generator bug) from rejected ones.
 *
 * <p>Deterministic: the same program gives the same bytes.
 */
final class ProgramPrinter {

  /** A printed program: its text, and the lines each method spans (1-based, inclusive). */
  record Printed(String text, Map<String, int[]> methodLines) {

    /** The method whose lines contain {@code line}, or null. */
    String methodAt(long line) {
      for (Map.Entry<String, int[]> e : methodLines.entrySet()) {
        if (line >= e.getValue()[0] && line <= e.getValue()[1]) {
          return e.getKey();
        }
      }
      return null;
    }
  }

  /**
   * A member the methods may use: its name, when it is used, its text, the statement that resets
   * it (static fields) and the members it needs.
   */
  private record Member(String name, Pattern use, String text, String reset, List<String> needs) {
    Member(String name, Pattern use, String text, List<String> needs) {
      this(name, use, text, null, needs);
    }
  }

  private static final List<Member> STATICS =
      List.of(
          field("sc", "static int sc;", "sc = 0;"),
          field("sl", "static long sl;", "sl = 0L;"),
          field("ss", "static String ss = \"s\";", "ss = \"s\";"),
          field("sn", "static Integer sn;", "sn = null;"));

  private static final List<Member> INSTANCE_FIELDS =
      List.of(
          field("count", "int count = 1;", null),
          field("name", "String name = \"n\";", null),
          field("boxed", "Integer boxed;", null),
          field("total", "long total = 10L;", null),
          field("arr", "int[] arr = {1, 2, 3};", null),
          new Member("bx", word("bx"), "Box bx = new Box(4);", List.of("Box")));

  private static final List<Member> HELPERS =
      List.of(
          new Member("f3", call("f3"),
              """
              static int f3(int a, int b, int c) {
                log("f3(" + a + ", " + b + ", " + c + ")");
                return a * 100 + b * 10 + c;
              }
              """, List.of()),
          tracer("i", "int"),
          tracer("l", "long"),
          tracer("d", "double"),
          tracer("b", "boolean"),
          tracer("s", "String"),
          tracer("n", "Integer"),
          tracer("ch", "char"),
          tracer("sh", "short"),
          tracer("by", "byte"),
          new Member("vo", call("vo"),
              """
              static String vo(String tag, Object o) {
                String shown = o == null ? "null" : o.getClass().getSimpleName() + " " + o;
                log(tag + " " + shown);
                return shown;
              }
              """, List.of()),
          new Member("sbump", call("sbump"),
              """
              static int sbump(int x) {
                sc += x;
                log("sbump " + sc);
                return sc;
              }
              """, List.of("sc")),
          new Member("bump", call("bump"),
              """
              int bump(int x) {
                count += x;
                log("bump " + count);
                return count;
              }
              """, List.of("count")),
          new Member("Box", word("Box"),
              """
              static final class Box {
                int v;

                Box(int v) {
                  this.v = v;
                }

                @Override
                public String toString() {
                  return "Box(" + v + ")";
                }
              }
              """, List.of()),
          new Member("Res", word("Res"),
              """
              static final class Res implements AutoCloseable {
                final String name;
                final boolean failClose;

                Res(String name, boolean failOpen, boolean failClose) {
                  log("open " + name);
                  if (failOpen) {
                    throw new IllegalStateException("open " + name);
                  }
                  this.name = name;
                  this.failClose = failClose;
                }

                int get() {
                  log("get " + name);
                  return name.length();
                }

                @Override
                public void close() {
                  log("close " + name);
                  if (failClose) {
                    throw new IllegalArgumentException("close " + name);
                  }
                }
              }
              """, List.of()));

  private static final String IMPORTS =
      """
      import static dev.asyncfn.runtime.Futures.await;
      import static dev.asyncfn.testing.TestFutures.later;
      import static dev.asyncfn.testing.TestFutures.laterIo;
      import static dev.asyncfn.testing.TestFutures.ready;
      import static dev.asyncfn.testing.Trace.log;
      import static dev.asyncfn.testing.Trace.logged;

      import dev.asyncfn.Async;
      import dev.asyncfn.testing.TestFutures;
      import java.io.IOException;
      import java.util.List;
      import java.util.Objects;
      import java.util.concurrent.TimeoutException;
      """;

  private ProgramPrinter() {}

  private static Member field(String name, String decl, String reset) {
    return new Member(name, word(name), decl, reset, List.of());
  }

  private static Member tracer(String name, String type) {
    return new Member(name, call(name),
        "static " + type + " " + name + "(String tag, " + type + " v) {\n"
            + "  log(tag + \"=\" + v);\n"
            + "  return v;\n"
            + "}\n", List.of());
  }

  private static Pattern word(String name) {
    return Pattern.compile("\\b" + name + "\\b");
  }

  private static Pattern call(String name) {
    return Pattern.compile("(?<![\\w.])" + name + "\\(|\\." + name + "\\(");
  }

  /** Prints {@code p}. */
  static Printed print(Program p) {
    List<String> methodTexts = new ArrayList<>();
    for (Program.Method m : p.methods()) {
      methodTexts.add(method(p, m));
    }
    String all = String.join("\n", methodTexts);
    List<Member> used = used(all);

    StringBuilder sb = new StringBuilder();
    sb.append("package ").append(p.packageName()).append(";\n\n");
    sb.append(IMPORTS).append('\n');
    sb.append("/** Generated from seed ").append(p.seed()).append(". */\n");
    sb.append("public class ").append(p.className()).append(" {\n");
    List<String> resets = new ArrayList<>();
    boolean anyField = false;
    for (Member m : concat(STATICS, INSTANCE_FIELDS)) {
      if (used.contains(m)) {
        sb.append("  ").append(m.text()).append('\n');
        if (m.reset() != null) {
          resets.add(m.reset());
        }
        anyField = true;
      }
    }
    if (anyField) {
      sb.append('\n');
    }
    // Both runs of a case share static fields: the test calls reset() before each.
    sb.append("  static void reset() {\n");
    for (String r : resets) {
      sb.append("    ").append(r).append('\n');
    }
    sb.append("  }\n");
    for (Member m : HELPERS) {
      if (used.contains(m)) {
        sb.append('\n').append(indent(m.text(), 1));
      }
    }
    Map<String, int[]> lines = new LinkedHashMap<>();
    for (int i = 0; i < p.methods().size(); i++) {
      sb.append('\n');
      int start = lineCount(sb) + 1;
      sb.append(indent(methodTexts.get(i), 1));
      lines.put(p.methods().get(i).name(), new int[] {start, lineCount(sb)});
    }
    sb.append("}\n");
    return new Printed(sb.toString(), lines);
  }

  /** The members {@code text} uses, with what those need, in declaration order. */
  private static List<Member> used(String text) {
    List<Member> all = concat(concat(STATICS, INSTANCE_FIELDS), HELPERS);
    List<String> names = new ArrayList<>();
    for (Member m : all) {
      if (m.use().matcher(text).find()) {
        names.add(m.name());
      }
    }
    // Needs are one level deep (bump needs count, bx needs Box): one pass suffices.
    for (Member m : all) {
      if (names.contains(m.name())) {
        names.addAll(m.needs());
      }
    }
    List<Member> out = new ArrayList<>();
    for (Member m : all) {
      if (names.contains(m.name())) {
        out.add(m);
      }
    }
    return out;
  }

  private static <T> List<T> concat(List<T> a, List<T> b) {
    List<T> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }

  private static int lineCount(StringBuilder sb) {
    int n = 0;
    for (int i = 0; i < sb.length(); i++) {
      if (sb.charAt(i) == '\n') {
        n++;
      }
    }
    return n;
  }

  private static String indent(String text, int levels) {
    String pad = "  ".repeat(levels);
    StringBuilder sb = new StringBuilder();
    for (String line : text.split("\n", -1)) {
      if (!line.isEmpty()) {
        sb.append(pad).append(line);
      }
      sb.append('\n');
    }
    sb.setLength(sb.length() - 1);
    return sb.toString();
  }

  /** One method, unindented, ending in a newline. */
  static String method(Program p, Program.Method m) {
    StringBuilder sb = new StringBuilder();
    sb.append("@Async\n");
    sb.append(m.isStatic() ? "static " : "");
    sb.append(m.returnType() == null ? "void" : m.returnType().source()).append(' ');
    sb.append(m.name()).append('(');
    for (int i = 0; i < m.params().size(); i++) {
      Program.Param param = m.params().get(i);
      sb.append(i == 0 ? "" : ", ").append(param.type().source()).append(' ').append(param.name());
    }
    sb.append(')');
    if (m.throwsType() != null) {
      sb.append(" throws ").append(m.throwsType());
    }
    sb.append(' ').append(block(m.body(), 0)).append('\n');
    return sb.toString();
  }

  /**
   * The companion the processor would generate, with factories that return null: only for
   * compiling the plain program (whose bodies call other methods' factories) without the
   * processor.
   */
  static String stubCompanion(Program p) {
    StringBuilder sb = new StringBuilder();
    sb.append("package ").append(p.packageName()).append(";\n\n");
    sb.append("import dev.asyncfn.runtime.Future;\n");
    sb.append("import dev.asyncfn.runtime.ThrowingFuture;\n\n");
    sb.append("public final class ").append(p.companion()).append(" {\n");
    for (Program.Method m : p.methods()) {
      String out = m.returnType() == null ? "Void" : m.returnType().boxed().source();
      String type =
          m.throwsType() == null
              ? "Future<" + out + ">"
              : "ThrowingFuture<" + out + ", " + qualified(m.throwsType()) + ">";
      sb.append("  public static ").append(type).append(' ').append(m.name()).append('(');
      List<String> params = new ArrayList<>();
      if (!m.isStatic()) {
        params.add(p.className() + " self");
      }
      for (Program.Param param : m.params()) {
        params.add(qualifiedType(param.type()) + " " + param.name());
      }
      sb.append(String.join(", ", params)).append(") {\n    return null;\n  }\n");
    }
    sb.append("}\n");
    return sb.toString();
  }

  private static String qualified(String exception) {
    return exception.equals("IOException")
        ? "java.io.IOException"
        : "java.util.concurrent." + exception;
  }

  private static String qualifiedType(JType t) {
    return t.source();
  }

  // ---- statements ---------------------------------------------------------------------------

  private static String pad(int indent) {
    return "  ".repeat(indent);
  }

  /** {@code {...}} with its statements at {@code indent + 1}, the brace at {@code indent}. */
  static String block(Stmt.Block b, int indent) {
    if (b.stmts().isEmpty()) {
      return "{}";
    }
    StringBuilder sb = new StringBuilder("{\n");
    for (Stmt s : b.stmts()) {
      statement(s, indent + 1, sb);
    }
    sb.append(pad(indent)).append('}');
    return sb.toString();
  }

  /** Appends {@code s} as full lines at {@code indent}. */
  static void statement(Stmt s, int indent, StringBuilder sb) {
    sb.append(pad(indent));
    if (s instanceof Stmt.Block b) {
      sb.append(block(b, indent));
    } else if (s instanceof Stmt.ExprStmt e) {
      sb.append(expr(e.expr(), indent)).append(';');
    } else if (s instanceof Stmt.Local l) {
      sb.append(l.typeText()).append(' ').append(l.name()).append(" = ")
          .append(expr(l.init(), indent)).append(';');
    } else if (s instanceof Stmt.If i) {
      sb.append("if (").append(condition(i.cond(), indent)).append(") ")
          .append(block(i.then(), indent));
      if (i.orElse() != null) {
        sb.append(" else ").append(block(i.orElse(), indent));
      }
    } else if (s instanceof Stmt.While w) {
      sb.append("while (").append(condition(w.cond(), indent)).append(") ")
          .append(block(w.body(), indent));
    } else if (s instanceof Stmt.DoWhile d) {
      sb.append("do ").append(block(d.body(), indent)).append(" while (")
          .append(condition(d.cond(), indent)).append(");");
    } else if (s instanceof Stmt.For f) {
      List<String> ups = new ArrayList<>();
      for (Expr u : f.updates()) {
        ups.add(expr(u, indent));
      }
      sb.append("for (").append(f.init()).append("; ").append(condition(f.cond(), indent))
          .append("; ").append(String.join(", ", ups)).append(") ")
          .append(block(f.body(), indent));
    } else if (s instanceof Stmt.ForEach f) {
      sb.append("for (").append(f.typeText()).append(' ').append(f.name()).append(" : ")
          .append(expr(f.iterable(), indent)).append(") ").append(block(f.body(), indent));
    } else if (s instanceof Stmt.Labeled l) {
      StringBuilder inner = new StringBuilder();
      statement(l.body(), indent, inner);
      sb.append(l.label()).append(": ")
          .append(inner.substring(pad(indent).length()).stripTrailing());
    } else if (s instanceof Stmt.Switch w) {
      sb.append("switch (").append(condition(w.selector(), indent)).append(") ")
          .append(switchBlock(w.block(), indent));
    } else if (s instanceof Stmt.Try t) {
      tryStatement(t, indent, sb);
    } else if (s instanceof Stmt.Throw t) {
      sb.append("throw ").append(expr(t.expr(), indent)).append(';');
    } else if (s instanceof Stmt.Return r) {
      sb.append(r.expr() == null ? "return;" : "return " + expr(r.expr(), indent) + ";");
    } else if (s instanceof Stmt.Jump j) {
      sb.append(j.keyword()).append(j.label() == null ? "" : " " + j.label()).append(';');
    } else if (s instanceof Stmt.Yield y) {
      // "yield (a).b" would parse as a call of a method named yield: wrap it whole.
      // javac reads "yield (a, b)" as a call of a method named yield when a comma stands at the
      // first level of the parentheses: another pair puts it one level down.
      String value = expr(y.expr(), indent);
      sb.append("yield ").append(value.startsWith("(") ? "(" + value + ")" : value).append(';');
    } else {
      throw new IllegalStateException("unexpected statement " + s);
    }
    sb.append('\n');
  }

  private static void tryStatement(Stmt.Try t, int indent, StringBuilder sb) {
    sb.append("try ");
    if (!t.resources().isEmpty()) {
      List<String> rs = new ArrayList<>();
      for (Stmt.Local r : t.resources()) {
        rs.add(r.typeText() + " " + r.name() + " = " + expr(r.init(), indent));
      }
      sb.append('(').append(String.join("; ", rs)).append(") ");
    }
    sb.append(block(t.body(), indent));
    for (Stmt.Catch c : t.catches()) {
      sb.append(" catch (").append(c.types()).append(' ').append(c.name()).append(") ")
          .append(block(c.body(), indent));
    }
    if (t.finallyBlock() != null) {
      sb.append(" finally ").append(block(t.finallyBlock(), indent));
    }
  }

  /** A condition or selector without the parentheses its expression already has. */
  private static String condition(Expr e, int indent) {
    String text = expr(e, indent);
    return isWrapped(text) ? text.substring(1, text.length() - 1) : text;
  }

  /** Whether {@code text} is one parenthesised expression, e.g. {@code (a + b)}. */
  private static boolean isWrapped(String text) {
    if (!text.startsWith("(") || !text.endsWith(")")) {
      return false;
    }
    int depth = 0;
    boolean inString = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"' || c == '\'') {
        inString = !inString;
      } else if (!inString && c == '(') {
        depth++;
      } else if (!inString && c == ')') {
        depth--;
        if (depth == 0 && i < text.length() - 1) {
          return false;
        }
      }
    }
    return true;
  }

  private static String switchBlock(Stmt.SwitchBlock b, int indent) {
    StringBuilder sb = new StringBuilder("{\n");
    for (Stmt.Case c : b.cases()) {
      sb.append(pad(indent + 1)).append(c.label());
      if (b.arrow()) {
        sb.append(" -> ");
        if (c.value() != null) {
          sb.append(expr(c.value(), indent + 1)).append(";\n");
        } else {
          sb.append(block(c.body(), indent + 1)).append('\n');
        }
      } else if (c.body().stmts().stream().anyMatch(s -> s instanceof Stmt.Local)) {
        // A local declared in a group would be in scope in the groups after it, where it could
        // hide a field of the same name: braces end its scope with the group, as generated.
        sb.append(": ").append(block(c.body(), indent + 1)).append('\n');
      } else {
        sb.append(":\n");
        for (Stmt s : c.body().stmts()) {
          statement(s, indent + 2, sb);
        }
      }
    }
    sb.append(pad(indent)).append('}');
    return sb.toString();
  }

  // ---- expressions --------------------------------------------------------------------------

  /** An expression; the blocks of switch expressions in it are laid out from {@code indent}. */
  static String expr(Expr e, int indent) {
    StringBuilder sb = new StringBuilder();
    for (Object part : e.parts()) {
      if (part instanceof String s) {
        sb.append(s);
      } else if (part instanceof Expr sub) {
        sb.append(expr(sub, indent));
      } else if (part instanceof Stmt.SwitchBlock b) {
        sb.append(switchBlock(b, indent));
      } else {
        throw new IllegalStateException("unexpected part " + part);
      }
    }
    return sb.toString();
  }

  /** An expression on one line (for messages). */
  static String inline(Expr e) {
    return expr(e, 0).replaceAll("\\s*\n\\s*", " ");
  }
}
