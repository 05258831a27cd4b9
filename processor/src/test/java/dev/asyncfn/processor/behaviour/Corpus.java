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

  /** Every case source, sorted by path. */
  static List<JavaSource> sources() {
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
      List<JavaSource> toCompile =
          sources().stream().filter(s -> needed.contains(s.path())).collect(Collectors.toList());
      compiled = AsyncCompiler.create().compileIsolated(toCompile);
    }
    Compiled c = compiled.get(sourcePath);
    if (c == null) {
      throw new IllegalStateException(
          "no case source " + sourcePath + "; the corpus has " + compiled.keySet());
    }
    return c;
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
    Compiled compiledCase = compiledFor(sourceOf(c));
    if (!compiledCase.success()) {
      fail(c.name() + ": " + sourceOf(c) + " does not compile through the processor\n"
          + compiledCase.report());
    }
    Oracle.of(compiledCase).check(c);
  }
}
