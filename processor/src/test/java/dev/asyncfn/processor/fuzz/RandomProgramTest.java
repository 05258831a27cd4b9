/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.processor.fuzz;

import static org.junit.jupiter.api.Assertions.fail;

import dev.asyncfn.testing.AsyncCase;
import dev.asyncfn.testing.AsyncCompiler;
import dev.asyncfn.testing.Compiled;
import dev.asyncfn.testing.Driver;
import dev.asyncfn.testing.JavaSource;
import dev.asyncfn.testing.Oracle;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The random-program differential test in the normal build (issue 16): generated programs of
 * fixed seeds, compiled through the processor in one javac run, each method's future compared
 * with its synchronous twin under three drivers (pending first, ready, seeded random); and the
 * minimised programs of the bugs random programs found, as permanent regression cases.
 *
 * <p>The long run is {@code processor/fuzz/run} (docs/testing.md). A seed names a program only
 * for one version of the generator: after changing the generator, choose passing seeds again
 * ({@code processor/fuzz/run --seed N --methods 500 --minimise 0}, then {@code programs.txt}).
 */
class RandomProgramTest {

  /** Programs every method of which matches its twin today (68 methods). */
  private static final long[] PASSING = {
    700_011, 700_021, 700_026, 700_035, 700_041, 700_046, 700_062, 700_063
  };

  /**
   * Programs that show a bug the processor still has, each with the bugs (FINDINGS.md has the
   * minimised programs): skipped. When its bugs are fixed, move a seed to {@link #PASSING}.
   */
  private static final List<KnownBug> KNOWN_BUG_SEEDS =
      List.of(
          new KnownBug(700_022, "issue 19 item 1, m0: f3(F.sc, (sc += (2 + await(later(0)))), ...)"
              + " passes the value F.sc has after the await"),
          new KnownBug(700_005, "issue 19 item 1, m4: (F.ss + (ss += ...await...)) reads F.ss after"
              + " the await; m2: a switch expression yielding char and an awaited Byte, as an"
              + " argument, does not compile (the held value is typed lub(Character, Byte))"),
          new KnownBug(700_025, "issue 19 item 3, m0: Objects.equals(x, true ? await(later((Double)"
              + " null)) : 1.5) unboxes the null (NullPointerException; the twin passes null)"),
          new KnownBug(700_045, "issue 19 item 5, m5: the held constant casts (byte) 1000 and (short)"
              + " -3 are read back with the wrong witness (ClassCastException); item 1, m6"),
          new KnownBug(700_060, "issue 19 item 5, m3: await(FAsync.m1((int) 26L, sc, 4 +"
              + " await(later(0)), p2)) holds the constant cast (reference to as is ambiguous); m5: p1 = switch (...) { ... await ...; yield Short...; default ->"
              + " F.sc } does not compile; m0: a for-each over a null array throws an NPE without"
              + " the JDK's message"),
          new KnownBug(700_070, "issue 19 item 6, m1: var v7 = F.sc; ... false ? bump(-3) : (F.sl +"
              + " await(later(0L))) crashes the processor (Lowerer.typeOfLocal); items 4 and 5"),
          new KnownBug(700_002, "issue 19 item 5, m2: the held constant cast (short) 100000 as a"
              + " byte argument does not compile (possible lossy conversion from short to byte)"));

  /**
   * Minimised programs of the bugs found ({@code src/test/resources/fuzz/regressions/<name>/},
   * details in FINDINGS.md), skipped while their bug is open. Enable one by making its bug null.
   */
  private static final List<Regression> REGRESSIONS =
      List.of(
          Regression.of("static_field_by_class_name", "m1",
              "issue 19 item 1: F.sc, read before the await in f3(F.sc, (F.sc +="
                  + " await(later(3))), 3), is not held: the future calls f3(3, 3, 3), the twin"
                  + " f3(0, 3, 3)"),
          Regression.of("static_field_concatenation", "m4",
              "issue 19 item 1: (F.ss + (F.ss += await(later(ss)))) reads F.ss after the await:"
                  + " the future returns \"ssss\", the twin \"sss\""),
          Regression.of("null_box_shift_operand", "m5",
              "issue 19 item 2: F.sn >> await(FAsync.m2(F.sc)) with F.sn null runs m2 (trace"
                  + " [t7=6]) before the NullPointerException the twin throws first"),
          Regression.of("null_box_compound_assignment", "m3",
              "issue 19 item 2: F.sn ^= await(laterFail(...)) with F.sn null throws the awaited"
                  + " IllegalStateException; the twin unboxes F.sn first (NullPointerException)"),
          Regression.of("reference_conditional_unboxed", "m2",
              "issue 19 item 3: p0 = (true ? await(later((Long) null)) : F.sl) is a reference"
                  + " conditional (await is generic): the twin assigns null, the future unboxes"
                  + " it (NullPointerException)",
              -2L),
          Regression.of("numeric_conditional_not_unboxed", "m0",
              "new, item 3's mirror: return (true ? F.sn : (0 + await(later(0)))) is a numeric"
                  + " conditional (both operands numeric, neither a generic call): the twin"
                  + " unboxes the null F.sn (NullPointerException), the future returns null"),
          Regression.of("mixed_conditional_held", "m4",
              "issue 19 item 4: this.total + (false ? await(later(0L)) : Integer.valueOf(0))"
                  + " does not compile in the machine (bad operand types for binary operator +:"
                  + " the held conditional is read back as lub(Long, Integer))"),
          Regression.of("switch_expression_held", "m3",
              "issue 19 item 4, for a switch expression: an int[] element switch (ss) { ..."
                  + " yield Short.valueOf((short) 8); default -> 8; } held across a later await"
                  + " does not compile (inferred type does not conform to upper bound(s))"),
          Regression.of("same_type_conditional_held_as_box", "m0",
              "new, item 4's root without a mix: (false ? sc : 8) !="
                  + " await(later(Double.valueOf(12))) does not compile in the machine: the held"
                  + " int conditional is read back as Integer, and Integer != Double is illegal"),
          Regression.of("constant_cast_held_ambiguous", "m3",
              "issue 19 item 5: ((byte) 1) + await(later(0L)) holds the constant cast and reads"
                  + " it back through an ambiguous witness (reference to as is ambiguous)"),
          Regression.of("constant_cast_held_class_cast", "m1",
              "issue 19 item 5: ((short) -1) + await(later(\"\")).length() holds the constant"
                  + " cast and reads it back as a Byte (ClassCastException); the twin returns -1"),
          Regression.of("var_and_simple_name_call_crash", "m1",
              "issue 19 item 6: a conditional calling the instance method bump(...) by simple"
                  + " name, then a var local, crash the processor (NullPointerException in"
                  + " Lowerer.typeOfLocal via Attr.isBooleanOrNumeric); no await near the call"
                  + " is needed",
              -1));

  /**
   * {@code -Dasyncfn.fuzz.runKnownBugs=true} runs the skipped cases too, to see which bugs are
   * fixed (a fixed one passes).
   */
  private static final boolean RUN_KNOWN_BUGS = Boolean.getBoolean("asyncfn.fuzz.runKnownBugs");

  /** A program seed that shows a known bug. */
  record KnownBug(long seed, String bug) {}

  /**
   * A minimised program and the call that fails.
   *
   * @param name its folder under {@code fuzz/regressions/}, also its package's last part
   * @param method the {@code @Async} method of its class {@code F}
   * @param args the arguments
   * @param bug the open bug it shows, or null once fixed (then the case runs)
   */
  record Regression(String name, String method, List<Object> args, String bug) {
    static Regression of(String name, String method, String bug, Object... args) {
      return new Regression(name, method, Arrays.asList(args), bug);
    }

    String path() {
      return "fuzz/regressions/" + name + "/F.java";
    }
  }

  @TestFactory
  Stream<DynamicTest> everyMethodOfThePassingProgramsMatchesItsTwin() {
    List<Program> programs = new ArrayList<>();
    for (long seed : PASSING) {
      programs.add(ProgramGenerator.generate(seed));
    }
    List<DifferentialRunner.MethodResult> results =
        new DifferentialRunner(Duration.ofSeconds(20)).run(programs);
    return results.stream()
        .map(r -> DynamicTest.dynamicTest(
            "program " + r.program().seed() + " " + r.method(),
            () -> {
              if (r.verdict().failed()) {
                fail(r.verdict().key() + "\n" + r.verdict().details() + "\n" + r.source());
              }
            }));
  }

  @TestFactory
  Stream<DynamicTest> programsWithKnownBugs() {
    if (!RUN_KNOWN_BUGS) {
      return KNOWN_BUG_SEEDS.stream()
          .map(k -> DynamicTest.dynamicTest("program " + k.seed(),
              () -> Assumptions.abort(k.bug())));
    }
    List<Program> programs = new ArrayList<>();
    for (KnownBug k : KNOWN_BUG_SEEDS) {
      programs.add(ProgramGenerator.generate(k.seed()));
    }
    return new DifferentialRunner(Duration.ofSeconds(20)).run(programs).stream()
        .map(r -> DynamicTest.dynamicTest(
            "program " + r.program().seed() + " " + r.method(),
            () -> {
              if (r.verdict().failed()) {
                fail(r.verdict().key() + "\n" + r.verdict().details());
              }
            }));
  }

  @TestFactory
  Stream<DynamicTest> minimisedProgramsOfTheBugsFound() {
    List<JavaSource> sources = new ArrayList<>();
    for (Regression r : REGRESSIONS) {
      if (r.bug() == null || RUN_KNOWN_BUGS) {
        sources.add(JavaSource.fromResource(r.path()));
      }
    }
    Map<String, Compiled> compiled =
        sources.isEmpty() ? Map.of() : AsyncCompiler.create().compileIsolated(sources);
    return REGRESSIONS.stream()
        .map(r -> DynamicTest.dynamicTest(r.name() + "." + r.method(),
            () -> check(r, compiled.get(r.path()))));
  }

  private static void check(Regression r, Compiled c) {
    if (r.bug() != null && !RUN_KNOWN_BUGS) {
      Assumptions.abort(r.bug());
    }
    if (!c.success()) {
      fail(r.path() + " does not compile through the processor\n" + c.report());
    }
    Oracle oracle = Oracle.of(c).withDrivers(Driver.READY, Driver.PENDING_FIRST, Driver.random(1));
    AsyncCase ac = AsyncCase.of("fuzz.regressions." + r.name() + ".F", r.method(),
        r.args().toArray()).beforeEachRun(DifferentialRunner.RESET);
    Verdict v = Classifier.ofReport(oracle.compare(ac));
    if (v.failed()) {
      fail(v.key() + "\n" + v.details());
    }
  }
}
