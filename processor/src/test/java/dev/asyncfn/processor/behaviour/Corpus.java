/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.processor.behaviour;

import static org.junit.jupiter.api.Assertions.fail;

import dev.asyncfn.testing.AsyncCase;
import dev.asyncfn.testing.AsyncCompiler;
import dev.asyncfn.testing.Compiled;
import dev.asyncfn.testing.JavaSource;
import dev.asyncfn.testing.Oracle;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;

/**
 * The behaviour corpus: every case source under {@code src/test/resources/cases/}, compiled through
 * the processor once per test JVM (javac start-up dominates, so all sources go into one javac run;
 * {@link AsyncCompiler#compileIsolated} sets apart only the sources that fail), and the glue that
 * turns {@link AsyncCase}s into named dynamic tests checked by the {@link Oracle}.
 *
 * <p>Convention: {@code cases/<category>/<Outer>.java} declares package {@code cases.<category>}
 * and is the only source in that package, so a failure is attributed to its source.
 */
final class Corpus {
  private static Map<String, Compiled> compiled;

  private Corpus() {}

  /**
   * The line (first after the licence header) of a case source that only compiles on a newer JDK,
   * e.g. JDK 21.
   */
  private static final Pattern REQUIRES = Pattern.compile("// corpus: requires JDK (\\d+)");

  /** Every case source the running JDK compiles, sorted by path. */
  static List<JavaSource> sources() {
    return allSources().stream().filter(s -> requiredJdk(s) <= currentJdk()).collect(Collectors.toList());
  }

  /** The JDK {@code s} needs (17 unless a line before its package says otherwise). */
  static int requiredJdk(JavaSource s) {
    String head =
        s.text().lines().takeWhile(l -> !l.startsWith("package ")).collect(Collectors.joining("\n"));
    Matcher m = REQUIRES.matcher(head);
    return m.find() ? Integer.parseInt(m.group(1)) : 17;
  }

  private static int currentJdk() {
    return Runtime.version().feature();
  }

  /** Every case source, sorted by path. */
  private static List<JavaSource> allSources() {
    URL root = Corpus.class.getClassLoader().getResource("cases");
    if (root == null) {
      throw new IllegalStateException("no cases/ directory on the test class path");
    }
    try (Stream<Path> files = Files.walk(Path.of(root.toURI()))) {
      Path base = Path.of(root.toURI()).getParent();
      return files
          .filter(p -> p.toString().endsWith(".java"))
          .map(p -> base.relativize(p).toString().replace('\\', '/'))
          .sorted()
          .map(JavaSource::fromResource)
          .collect(Collectors.toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Every case of every behaviour test class. */
  static List<AsyncCase> allCases() {
    List<AsyncCase> all = new ArrayList<>();
    Stream.of(
            ControlFlowBehaviourTest.ALL,
            ExceptionsBehaviourTest.ALL,
            ExpressionsBehaviourTest.ALL,
            TypesAndMembersBehaviourTest.ALL)
        .flatMap(List::stream)
        .forEach(all::addAll);
    return all;
  }

  /**
   * The compilation that {@code sourcePath} was part of. On first use, compiles every source that
   * has at least one enabled case (a source whose cases are all disabled is not compiled: it would
   * only cost time).
   */
  static synchronized Compiled compiledFor(String sourcePath) {
    if (compiled == null) {
      Set<String> needed =
          allCases().stream()
              .filter(c -> c.disabledReason().isEmpty())
              .map(Corpus::sourceOf)
              .collect(Collectors.toSet());
      // a source without @Async methods supports the cases (a superclass in another package)
      List<JavaSource> toCompile =
          sources().stream()
              .filter(s -> needed.contains(s.path()) || !s.text().contains("@Async"))
              .collect(Collectors.toList());
      compiled = compiler(toCompile).compileIsolated(toCompile);
    }
    Compiled c = compiled.get(sourcePath);
    if (c == null) {
      throw new IllegalStateException(
          "no case source " + sourcePath + "; the corpus has " + compiled.keySet());
    }
    return c;
  }

  /** The processor's compiler at the newest release {@code sources} need (17 for most). */
  static AsyncCompiler compiler(List<JavaSource> sources) {
    int release = sources.stream().mapToInt(Corpus::requiredJdk).max().orElse(17);
    return AsyncCompiler.create().atRelease(release);
  }

  /** {@code cases.loops.Loops$Inner} -> {@code cases/loops/Loops.java}. */
  static String sourceOf(AsyncCase c) {
    return c.packageName().replace('.', '/') + "/" + c.outerSimpleName() + ".java";
  }

  /** One dynamic test per case, named after it; a disabled case is skipped with its reason. */
  static Stream<DynamicTest> oracleTests(List<AsyncCase> cases) {
    return cases.stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> check(c)));
  }

  private static void check(AsyncCase c) {
    if (c.disabledReason().isPresent()) {
      Assumptions.abort(c.disabledReason().get());
    }
    allSources().stream()
        .filter(s -> s.path().equals(sourceOf(c)) && requiredJdk(s) > currentJdk())
        .findFirst()
        .ifPresent(s -> Assumptions.abort(s.path() + " needs JDK " + requiredJdk(s)));
    Compiled compiledCase = compiledFor(sourceOf(c));
    if (!compiledCase.success()) {
      fail(c.name() + ": " + sourceOf(c) + " does not compile through the processor\n"
          + compiledCase.report());
    }
    Oracle.of(compiledCase).check(c);
  }
}
