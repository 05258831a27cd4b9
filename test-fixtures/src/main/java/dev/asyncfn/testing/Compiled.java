/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.testing;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The result of one {@link AsyncCompiler} run: whether it succeeded, what was printed, what the
 * processor generated, and the compiled classes.
 *
 * <p>Every assertion helper here throws {@link AssertionError} with the full diagnostics and, where
 * it helps, the generated sources, so that a failing test says why without a debugger.
 *
 * <h2>Thread safety</h2>
 *
 * Immutable once returned; {@link #classLoader()} is shared by all callers.
 */
public final class Compiled {
  private final boolean success;
  private final List<JavaSource> sources;
  private final List<CompileDiagnostic> diagnostics;
  private final Map<String, String> generatedSources;
  private final Map<String, byte[]> classes;
  private final ClassLoader parent;
  private volatile ClassLoader loader;

  Compiled(
      boolean success,
      List<JavaSource> sources,
      List<CompileDiagnostic> diagnostics,
      Map<String, String> generatedSources,
      Map<String, byte[]> classes,
      ClassLoader parent) {
    this.success = success;
    this.sources = List.copyOf(sources);
    this.diagnostics = List.copyOf(diagnostics);
    this.generatedSources = Map.copyOf(generatedSources);
    this.classes = Map.copyOf(classes);
    this.parent = parent;
  }

  /** Whether javac reported no error. */
  public boolean success() {
    return success;
  }

  /** The sources that were compiled, as given. */
  public List<JavaSource> sources() {
    return sources;
  }

  /** The source whose path or file name is {@code name}. */
  public JavaSource source(String name) {
    for (JavaSource s : sources) {
      if (s.path().equals(name) || s.fileName().equals(name)) {
        return s;
      }
    }
    throw new IllegalArgumentException("no source " + name + " in " + sources);
  }

  /** Everything javac and the processor printed, in order. */
  public List<CompileDiagnostic> diagnostics() {
    return diagnostics;
  }

  /** The errors. */
  public List<CompileDiagnostic> errors() {
    return diagnostics.stream().filter(CompileDiagnostic::isError).collect(Collectors.toList());
  }

  /** The warnings. */
  public List<CompileDiagnostic> warnings() {
    return diagnostics.stream().filter(CompileDiagnostic::isWarning).collect(Collectors.toList());
  }

  /** The diagnostics whose message contains {@code text} (e.g. {@code "[asyncfn/AwaitInLambda]"}). */
  public List<CompileDiagnostic> diagnosticsContaining(String text) {
    return diagnostics.stream()
        .filter(d -> d.message().contains(text))
        .collect(Collectors.toList());
  }

  /** Path (e.g. {@code cases/loops/LoopsAsync.java}) -> text of every generated source. */
  public Map<String, String> generatedSources() {
    return generatedSources;
  }

  /**
   * The generated sources whose package is {@code packageName} and whose file name starts with
   * {@code prefix}: for a user class {@code Loops}, its companion {@code LoopsAsync} and its state
   * machines, which the design names so they sort together.
   */
  public Map<String, String> generatedSourcesFor(String packageName, String prefix) {
    String dir = packageName.isEmpty() ? "" : packageName.replace('.', '/') + "/";
    return generatedSources.entrySet().stream()
        .filter(e -> e.getKey().startsWith(dir + prefix) && e.getKey().indexOf('/', dir.length()) < 0)
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a,
            java.util.TreeMap::new));
  }

  /** Binary names of every class compiled. */
  public java.util.Set<String> classNames() {
    return new java.util.TreeSet<>(classes.keySet());
  }

  /**
   * A class loader over the compiled classes, parented by the loader that loaded the fixtures, so
   * {@link Trace} and {@link TestFutures} are shared with the test.
   */
  public ClassLoader classLoader() {
    ClassLoader l = loader;
    if (l == null) {
      synchronized (this) {
        if (loader == null) {
          MemoryClassLoader l2 = new MemoryClassLoader(classes, parent);
          // Surefire enables assertions through the test's class loader, not -ea: give compiled
          // classes the same status as the fixtures, so a case's assert behaves as in its test.
          l2.setDefaultAssertionStatus(Compiled.class.desiredAssertionStatus());
          loader = l2;
        }
        l = loader;
      }
    }
    return l;
  }

  /**
   * Loads a compiled class by binary name.
   *
   * @throws AssertionError if it was not compiled, listing what was
   */
  public Class<?> loadClass(String binaryName) {
    try {
      return Class.forName(binaryName, true, classLoader());
    } catch (ClassNotFoundException e) {
      throw new AssertionError(
          "class " + binaryName + " was not compiled; compiled: " + classNames() + "\n" + report(),
          e);
    }
  }

  /**
   * Asserts the compilation succeeded.
   *
   * @return this
   * @throws AssertionError with the diagnostics and generated sources otherwise
   */
  public Compiled assertSuccess() {
    if (!success) {
      throw new AssertionError("compilation failed\n" + report());
    }
    return this;
  }

  /**
   * The one diagnostic of {@code kind} containing {@code text} reported at {@code file}:{@code
   * line}.
   *
   * @throws AssertionError listing every diagnostic if there is none
   */
  public CompileDiagnostic assertDiagnostic(
      javax.tools.Diagnostic.Kind kind, String text, String file, long line) {
    for (CompileDiagnostic d : diagnostics) {
      boolean kindMatches =
          d.kind() == kind
              || (kind == javax.tools.Diagnostic.Kind.WARNING && d.isWarning());
      if (kindMatches && d.message().contains(text) && d.isIn(file) && d.line() == line) {
        return d;
      }
    }
    throw new AssertionError(
        "expected a "
            + kind.toString().toLowerCase(java.util.Locale.ROOT)
            + " containing \""
            + text
            + "\" at "
            + file
            + ":"
            + line
            + "\n"
            + report());
  }

  /** Diagnostics, then every generated source with line numbers: what a failing test prints. */
  public String report() {
    StringBuilder sb = new StringBuilder();
    sb.append("diagnostics (").append(diagnostics.size()).append("):\n");
    for (CompileDiagnostic d : diagnostics) {
      sb.append("  ").append(d).append('\n');
    }
    sb.append(describeGenerated(generatedSources));
    return sb.toString();
  }

  /** Generated sources with numbered lines, for failure messages. */
  static String describeGenerated(Map<String, String> generated) {
    StringBuilder sb = new StringBuilder();
    sb.append("generated sources (").append(generated.size()).append("):\n");
    generated.forEach(
        (path, text) -> {
          sb.append("---- ").append(path).append('\n');
          String[] lines = text.split("\n", -1);
          for (int i = 0; i < lines.length; i++) {
            sb.append(String.format("%4d  %s%n", i + 1, lines[i]));
          }
        });
    return sb.toString();
  }
}
