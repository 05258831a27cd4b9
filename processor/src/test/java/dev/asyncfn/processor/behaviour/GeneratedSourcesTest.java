/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.processor.behaviour;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.asyncfn.testing.AsyncCompiler;
import dev.asyncfn.testing.Compiled;
import dev.asyncfn.testing.JavaSource;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Properties of the generated sources that the behaviour corpus relies on a person reading them:
 * the same input gives the same bytes, every file says it is generated (without a date), and each
 * state's comment names a line of the original file that really holds an await.
 */
class GeneratedSourcesTest {
  private static final List<String> SAMPLE =
      List.of(
          "cases/order/Order.java", "cases/trycatch/TryCatch.java", "cases/switches/Switches.java");
  private static final Pattern STATE_COMMENT =
      Pattern.compile("// state (\\d+): resumes after (.+) at (\\w+\\.java):(\\d+)");

  private static List<JavaSource> sources;
  private static Compiled first;

  @BeforeAll
  static void compile() {
    sources = SAMPLE.stream().map(JavaSource::fromResource).toList();
    first = AsyncCompiler.create().compile(sources).assertSuccess();
  }

  /**
   * Compiled alone and compiled within the whole corpus (another javac run, other classes in the
   * same rounds), a class gets byte-identical generated sources.
   */
  @Test
  void theSameInputGivesTheSameGeneratedSources() {
    Compiled corpus = Corpus.compiledFor(SAMPLE.get(0)).assertSuccess();
    int compared = 0;
    for (Map.Entry<String, String> e : first.generatedSources().entrySet()) {
      assertEquals(e.getValue(), corpus.generatedSources().get(e.getKey()), e.getKey());
      compared++;
    }
    assertTrue(compared > 10, "compared " + compared + " generated files");
  }

  @Test
  void everyGeneratedFileIsMarkedGeneratedWithoutADate() {
    assertFalse(first.generatedSources().isEmpty());
    first
        .generatedSources()
        .forEach(
            (path, text) -> {
              assertTrue(
                  text.contains("@Generated(\"dev.asyncfn.processor.AsyncProcessor\")"), path);
              assertFalse(text.contains("date ="), path + " has a date in @Generated");
            });
  }

  /**
   * In the first round {@code var a = StructureAsync.fibVar(n - 1)} has an error type (the
   * companion does not exist yet); the machine is generated a round later, when javac gives the
   * var its full type, so the hoisted field is declared precisely instead of through a witness.
   */
  @Test
  void aVarHoldingACompanionsFutureIsTypedFromTheNextRound() {
    String machine =
        Corpus.compiledFor("cases/structure/Structure.java")
            .assertSuccess()
            .generatedSources()
            .get("cases/structure/StructureAsync_fibVar.java");
    assertTrue(machine != null, "no machine generated for Structure.fibVar");
    assertTrue(machine.contains("private Future<Long> a;"), machine);
  }

  @Test
  void stateCommentsPointAtLinesThatAwait() {
    int checked = 0;
    for (Map.Entry<String, String> e : first.generatedSources().entrySet()) {
      Matcher m = STATE_COMMENT.matcher(e.getValue());
      while (m.find()) {
        JavaSource original = first.source(m.group(3));
        int line = Integer.parseInt(m.group(4));
        String[] lines = original.text().split("\n", -1);
        assertTrue(line >= 1 && line <= lines.length, e.getKey() + ": " + m.group());
        assertTrue(
            lines[line - 1].contains("await("),
            e.getKey() + ": \"" + m.group() + "\" but line " + line + " of " + m.group(3)
                + " is: " + lines[line - 1].trim());
        checked++;
      }
    }
    assertTrue(checked > 20, "expected state comments in the generated machines, found " + checked);
  }
}
