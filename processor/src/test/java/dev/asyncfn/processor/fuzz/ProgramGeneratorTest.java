/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.processor.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.asyncfn.testing.Compiled;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The generator: deterministic, valid Java, and every construct it promises. */
class ProgramGeneratorTest {

  @Test
  void theSameSeedGivesTheSameBytes() {
    for (long seed : new long[] {0, 42, 100_036}) {
      assertEquals(print(seed), print(seed));
    }
    assertNotEquals(print(42), print(43));
  }

  @Test
  void generatedProgramsAreValidJavaWithoutTheProcessor() {
    List<Program> programs = new ArrayList<>();
    for (long seed = 900_000; seed < 900_012; seed++) {
      programs.add(ProgramGenerator.generate(seed));
    }
    Compiled c = new DifferentialRunner(Duration.ofSeconds(10)).compilePlain(programs);
    assertTrue(c.success(), () -> "a generator bug: invalid programs\n" + c.report());
  }

  /**
   * Every construct the generator is meant to produce appears in the first 200 programs: the
   * positions of awaits, the control flow, and the constructs of issue 19.
   */
  @Test
  void programsContainEveryPromisedConstruct() {
    Map<String, Pattern> constructs = new LinkedHashMap<>();
    constructs.put("await as a binary operand", Pattern.compile("[-+*] await\\("));
    constructs.put("await as an argument", Pattern.compile("\\w\\(\"t\\d+\", await\\("));
    constructs.put("await as a receiver", Pattern.compile("await\\([^;]*\\)\\)\\.\\w+\\("));
    constructs.put("await as an array index", Pattern.compile("\\[await\\("));
    constructs.put("await in an array element", Pattern.compile("new int\\[] \\{[^}]*await\\("));
    constructs.put("await in a condition", Pattern.compile("if \\([^\\n]*await\\("));
    constructs.put("await in a ?: branch", Pattern.compile("\\? await\\("));
    constructs.put("await after && or ||", Pattern.compile("(&&|\\|\\|) [^;]*await\\("));
    constructs.put("await in a compound assignment", Pattern.compile("[-+*&|^]= [^;]*await\\("));
    constructs.put("await in an array target", Pattern.compile("\\[[^]]*await\\([^]]*] [-+*]?="));
    constructs.put("nested await", Pattern.compile("await\\(later\\(await\\("));
    constructs.put("await in a string concatenation", Pattern.compile("\" \\+ [^;]*await\\("));
    constructs.put("await under a cast", Pattern.compile("\\(\\((int|long|short|byte|char|double)"
        + "\\) await\\("));
    constructs.put("await of another generated method", Pattern.compile("await\\(FAsync\\.m\\d"));
    constructs.put("labelled loop", Pattern.compile("L\\d+: (for|while|do)"));
    constructs.put("labelled continue", Pattern.compile("continue L\\d+;"));
    constructs.put("labelled break", Pattern.compile("break L\\d+;"));
    constructs.put("do-while", Pattern.compile("\\} while \\("));
    constructs.put("for-each", Pattern.compile("for \\(\\w+ x\\d+ : "));
    constructs.put("old switch", Pattern.compile("case [^\\n]*:\\n"));
    constructs.put("arrow switch", Pattern.compile("case [^\\n]* -> "));
    constructs.put("switch expression", Pattern.compile("= switch \\("));
    constructs.put("yield", Pattern.compile("yield "));
    constructs.put("try-with-resources", Pattern.compile("try \\((Res|var) r\\d+"));
    constructs.put("multi-catch", Pattern.compile("catch \\(\\w+ \\| "));
    constructs.put("finally", Pattern.compile("} finally \\{"));
    constructs.put("checked throw", Pattern.compile("throw new (IOException|TimeoutException)"));
    constructs.put("return in try", Pattern.compile("try \\{[^}]*return "));
    constructs.put("throws clause", Pattern.compile("\\) throws (IOException|TimeoutException)"));
    // Issue 19.
    constructs.put("static field by class name, assigned later", Pattern.compile(
        "F\\.s[cls]\\b[^;\\n]*\\((F\\.)?s[cls] \\+?= "));
    constructs.put("null box", Pattern.compile("\\(\\((Integer|Long)\\) null\\)"));
    constructs.put("constant cast", Pattern.compile("\\(\\((int|short|byte|char)\\) -?\\d+L?\\)"));
    constructs.put("reference conditional", Pattern.compile(
        "\\? await\\(later\\(\\(\\(Integer\\) null\\)\\)\\) : "));
    constructs.put("instance method by simple name", Pattern.compile("[^.]bump\\("));
    constructs.put("instance field by simple name", Pattern.compile("[ (]count\\b"));
    constructs.put("var local", Pattern.compile("var v\\d+ = "));
    constructs.put("local hiding a field", Pattern.compile(
        "(int|long|String|Integer|var|Box) (sc|sl|ss|sn|count|name) = "));
    StringBuilder all = new StringBuilder();
    for (long seed = 0; seed < 200; seed++) {
      all.append(print(seed));
    }
    List<String> missing = new ArrayList<>();
    constructs.forEach((name, p) -> {
      if (!p.matcher(all).find()) {
        missing.add(name);
      }
    });
    assertEquals(List.of(), missing, "constructs the generator no longer produces");
  }

  private static String print(long seed) {
    return ProgramPrinter.print(ProgramGenerator.generate(seed)).text();
  }
}
