/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.processor.behaviour;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.asyncfn.testing.AsyncCase;
import dev.asyncfn.testing.Compiled;
import dev.asyncfn.testing.JavaSource;
import dev.asyncfn.testing.Oracle;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Checks the corpus itself, without the processor: every case source is valid Java, and every
 * case's synchronous twin does what the case declares ({@code expect}/{@code throwing}) in both
 * modes. So a failing oracle test points at the processor, not at a wrong case.
 *
 * <p>Sources that call their own companion ({@code FooAsync.m(..)}: recursion, awaiting another
 * {@code @Async} method) cannot compile without the processor and are left to the oracle tests.
 */
class CorpusTwinsTest {

  static List<AsyncCase> allCases() {
    return Corpus.allCases();
  }

  private static boolean callsOwnCompanion(JavaSource s) {
    String simple = s.fileName().replace(".java", "");
    return s.text().contains(simple + "Async.");
  }

  @TestFactory
  Stream<DynamicTest> twinsDoWhatTheCasesDeclare() {
    List<JavaSource> standalone =
        Corpus.sources().stream().filter(s -> !callsOwnCompanion(s)).collect(Collectors.toList());
    Compiled plain = Corpus.compiler(standalone).withoutProcessor().compile(standalone);
    plain.assertSuccess();
    Oracle oracle = Oracle.of(plain);
    Set<String> compiledPaths =
        standalone.stream().map(JavaSource::path).collect(Collectors.toSet());
    return allCases().stream()
        .filter(c -> compiledPaths.contains(Corpus.sourceOf(c)))
        .map(c -> DynamicTest.dynamicTest(c.name(), () -> oracle.checkTwin(c)));
  }

  @Test
  void theCorpusIsBigAndEverySourceHasCases() {
    List<AsyncCase> all = allCases();
    assertTrue(all.size() >= 60, "issue 3 asks for at least 60 oracle cases, have " + all.size());
    Set<String> used = all.stream().map(Corpus::sourceOf).collect(Collectors.toSet());
    Set<String> unused = new TreeSet<>();
    for (JavaSource s : Corpus.sources()) {
      // a source without @Async methods supports others (a superclass in another package)
      if (!used.contains(s.path()) && s.text().contains("@Async")) {
        unused.add(s.path());
      }
    }
    assertTrue(unused.isEmpty(), "case sources without cases: " + unused);
    Map<String, Long> perName =
        all.stream().collect(Collectors.groupingBy(AsyncCase::name, Collectors.counting()));
    perName.values().removeIf(n -> n == 1);
    assertTrue(perName.isEmpty(), "duplicate case names: " + perName);
  }
}
