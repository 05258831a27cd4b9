/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.processor.fuzz;

import dev.asyncfn.testing.AsyncCase;
import dev.asyncfn.testing.AsyncCompiler;
import dev.asyncfn.testing.CompileDiagnostic;
import dev.asyncfn.testing.Compiled;
import dev.asyncfn.testing.Driver;
import dev.asyncfn.testing.JavaSource;
import dev.asyncfn.testing.Oracle;
import java.lang.reflect.InvocationTargetException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compiles generated programs through the processor and compares each method's future with its
 * synchronous twin under three drivers (always pending first, always ready, seeded random).
 *
 * <p>A batch of programs is compiled in one javac run (javac's start-up dominates); a program with
 * errors is compiled again on its own, checked against a stand-in companion without the processor
 * (errors there mean the program itself is invalid: a generator bug), and its errors are attributed
 * to methods (by line in the user file, by the name of a generated machine). Those methods get a
 * verdict from their diagnostics and a trivial body, and the program is compiled again, so that
 * its other methods still run.
 */
final class DifferentialRunner {

  /** One method's result, with what a report needs to show it. */
  record MethodResult(Program program, String method, Verdict verdict, String source,
      Map<String, String> generated) {}

  private static final Pattern MACHINE_FILE = Pattern.compile("Async_(m\\d+)(?:_\\d+)?\\.java$");
  private static final Pattern FACTORY = Pattern.compile("\\b(m\\d+)\\(");
  private static final int MAX_ATTRIBUTION_ROUNDS = 6;

  private final AsyncCompiler compiler = AsyncCompiler.create().withOptions("-Xmaxerrs", "10000");
  private final Duration timeLimit;

  DifferentialRunner(Duration timeLimit) {
    this.timeLimit = timeLimit;
  }

  /** The path of a program's source. */
  static String path(Program p) {
    return p.packageName().replace('.', '/') + "/" + p.className() + ".java";
  }

  static JavaSource source(Program p) {
    return new JavaSource(path(p), ProgramPrinter.print(p).text());
  }

  /** Runs every method of every program; results in program and method order. */
  List<MethodResult> run(List<Program> programs) {
    List<JavaSource> sources = new ArrayList<>();
    for (Program p : programs) {
      sources.add(source(p));
    }
    Map<String, Compiled> compiled = compiler.compileIsolated(sources);
    List<MethodResult> out = new ArrayList<>();
    for (Program p : programs) {
      Compiled c = compiled.get(path(p));
      out.addAll(c.success() ? runAll(p, c, Map.of()) : isolate(p, c));
    }
    return out;
  }

  /** Runs one program on its own. */
  List<MethodResult> run(Program p) {
    return run(List.of(p));
  }

  /** Whether the program is valid Java without the processor (against a stand-in companion). */
  Compiled compilePlain(Program p) {
    return compilePlain(List.of(p));
  }

  /** The programs compiled together without the processor, each with a stand-in companion. */
  Compiled compilePlain(List<Program> programs) {
    List<JavaSource> sources = new ArrayList<>();
    for (Program p : programs) {
      sources.add(source(p));
      sources.add(new JavaSource(p.packageName().replace('.', '/') + "/" + p.companion() + ".java",
          ProgramPrinter.stubCompanion(p)));
    }
    return compiler.withoutProcessor().compile(sources);
  }

  private List<MethodResult> isolate(Program p, Compiled failed) {
    String original = ProgramPrinter.print(p).text();
    Compiled plain = compilePlain(p);
    List<MethodResult> out = new ArrayList<>();
    if (!plain.success()) {
      Verdict v = invalid(plain);
      for (Program.Method m : p.methods()) {
        out.add(new MethodResult(p, m.name(), v, original, Map.of()));
      }
      return out;
    }
    Map<String, Verdict> verdicts = new LinkedHashMap<>();
    Map<String, Map<String, String>> generatedFor = new LinkedHashMap<>();
    Program current = p;
    Compiled c = failed;
    for (int round = 0; round < MAX_ATTRIBUTION_ROUNDS && !c.success(); round++) {
      Map<String, List<CompileDiagnostic>> byMethod = attribute(current, c);
      if (byMethod.isEmpty()) {
        break;
      }
      Map<String, String> generated = c.generatedSourcesFor(p.packageName(), p.className());
      for (Map.Entry<String, List<CompileDiagnostic>> e : byMethod.entrySet()) {
        boolean inGenerated = e.getValue().stream().allMatch(d -> d.file() != null
            && !d.file().equals(path(p)));
        verdicts.put(e.getKey(), Classifier.ofDiagnostics(e.getValue(), inGenerated));
        generatedFor.put(e.getKey(), generated);
      }
      current = Stubs.replace(current, byMethod.keySet());
      c = compiler.compile(List.of(source(current)));
    }
    if (!c.success()) {
      Verdict v = Classifier.ofDiagnostics(c.errors(), false);
      v = new Verdict(v.kind(), "unattributed: " + v.signature(), c.report());
      for (Program.Method m : p.methods()) {
        verdicts.putIfAbsent(m.name(), v);
      }
    } else {
      for (MethodResult r : runAll(current, c, verdicts)) {
        verdicts.putIfAbsent(r.method(), r.verdict());
      }
    }
    for (Program.Method m : p.methods()) {
      out.add(new MethodResult(p, m.name(), verdicts.get(m.name()), original,
          generatedFor.getOrDefault(m.name(), Map.of())));
    }
    return out;
  }

  /**
   * The verdict of a program javac rejects (or crashes on) without the processor: its first
   * message, or what javac printed when it failed without one.
   */
  private static Verdict invalid(Compiled plain) {
    List<CompileDiagnostic> errors = plain.errors();
    String first = errors.isEmpty()
        ? plain.diagnostics().stream().map(CompileDiagnostic::message).findFirst().orElse("?")
        : errors.get(0).message();
    return new Verdict(Verdict.Kind.INVALID, Classifier.blur(firstLine(first)), plain.report());
  }

  /**
   * The errors of {@code c} by the method they belong to. Errors in the companion are echoes of
   * a method's failure and count only when nothing else is attributed.
   */
  private static Map<String, List<CompileDiagnostic>> attribute(Program p, Compiled c) {
    ProgramPrinter.Printed printed = ProgramPrinter.print(p);
    Map<String, List<CompileDiagnostic>> out = new LinkedHashMap<>();
    List<CompileDiagnostic> inCompanion = new ArrayList<>();
    String companionPath = p.packageName().replace('.', '/') + "/" + p.companion() + ".java";
    for (CompileDiagnostic d : c.errors()) {
      String method = null;
      if (d.file() == null) {
        method = methodNamedIn(p, d.message());
      } else if (d.file().equals(path(p))) {
        method = printed.methodAt(d.line());
      } else if (d.file().equals(companionPath)) {
        inCompanion.add(d);
        continue;
      } else {
        Matcher m = MACHINE_FILE.matcher(d.file());
        method = m.find() ? m.group(1) : null;
      }
      if (method != null) {
        out.computeIfAbsent(method, k -> new ArrayList<>()).add(d);
      }
    }
    if (out.isEmpty()) {
      String companion = c.generatedSources().get(companionPath);
      for (CompileDiagnostic d : inCompanion) {
        String method = companion == null ? null : factoryAt(companion, d.line());
        if (method != null) {
          out.computeIfAbsent(method, k -> new ArrayList<>()).add(d);
        }
      }
    }
    return out;
  }

  /** A method of {@code p} that a message without position names ("... of F.m3 ..."). */
  private static String methodNamedIn(Program p, String message) {
    for (Program.Method m : p.methods()) {
      if (message.contains(p.className() + "." + m.name() + "(")
          || message.contains(" " + m.name() + "(")) {
        return m.name();
      }
    }
    return null;
  }

  /** The factory of the companion that contains {@code line}. */
  private static String factoryAt(String companion, long line) {
    String[] lines = companion.split("\n", -1);
    for (int i = (int) Math.min(line, lines.length) - 1; i >= 0; i--) {
      if (lines[i].contains("public static")) {
        Matcher m = FACTORY.matcher(lines[i]);
        return m.find() ? m.group(1) : null;
      }
    }
    return null;
  }

  private List<MethodResult> runAll(Program p, Compiled c, Map<String, Verdict> skip) {
    String source = ProgramPrinter.print(p).text();
    Map<String, String> generated = c.generatedSourcesFor(p.packageName(), p.className());
    List<MethodResult> out = new ArrayList<>();
    Set<String> skipped = skip.keySet();
    for (Program.Method m : p.methods()) {
      if (!skipped.contains(m.name())) {
        out.add(new MethodResult(p, m.name(), check(p, c, m), source, generated));
      }
    }
    return out;
  }

  /**
   * The verdict of one method of {@code p} alone, as {@link #run} would give it, without running
   * the other methods: what the minimiser asks of every candidate.
   */
  Verdict verdictOf(Program p, String method) {
    Compiled c = compiler.compile(List.of(source(p)));
    Program current = p;
    if (!c.success()) {
      Compiled plain = compilePlain(p);
      if (!plain.success()) {
        return invalid(plain);
      }
      for (int round = 0; round < MAX_ATTRIBUTION_ROUNDS && !c.success(); round++) {
        Map<String, List<CompileDiagnostic>> byMethod = attribute(current, c);
        if (byMethod.containsKey(method)) {
          List<CompileDiagnostic> errors = byMethod.get(method);
          boolean inGenerated = errors.stream().allMatch(d -> d.file() != null
              && !d.file().equals(path(p)));
          return Classifier.ofDiagnostics(errors, inGenerated);
        }
        if (byMethod.isEmpty()) {
          break;
        }
        current = Stubs.replace(current, byMethod.keySet());
        c = compiler.compile(List.of(source(current)));
      }
      if (!c.success()) {
        Verdict v = Classifier.ofDiagnostics(c.errors(), false);
        return new Verdict(v.kind(), "unattributed: " + v.signature(), c.report());
      }
    }
    return check(current, c, current.method(method));
  }

  /** Compares one method's future with its twin under the three drivers. */
  Verdict check(Program p, Compiled c, Program.Method m) {
    // The random driver's seed depends on the program and the method's name only, so that a
    // minimised program keeps the draws of the original.
    Oracle oracle =
        Oracle.of(c)
            .withDrivers(Driver.READY, Driver.PENDING_FIRST,
                Driver.random(p.seed() * 31 + m.name().hashCode()))
            .withTimeLimit(timeLimit);
    AsyncCase ac =
        AsyncCase.of(p.binaryName(), m.name(), m.args().toArray()).beforeEachRun(RESET);
    try {
      return Classifier.ofReport(oracle.compare(ac));
    } catch (AssertionError e) {
      return Classifier.ofOracleFailure(e);
    }
  }

  /** Calls the generated class's {@code reset()}: both runs of a case share its static fields. */
  static final Consumer<Class<?>> RESET =
      type -> {
        try {
          var reset = type.getDeclaredMethod("reset");
          reset.setAccessible(true);
          reset.invoke(null);
        } catch (InvocationTargetException e) {
          throw new IllegalStateException("reset() failed", e.getCause());
        } catch (ReflectiveOperationException e) {
          throw new IllegalStateException("the generated class has no reset()", e);
        }
      };

  private static String firstLine(String s) {
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
