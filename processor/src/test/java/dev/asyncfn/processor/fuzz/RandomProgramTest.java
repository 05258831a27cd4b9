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

  /**
   * Programs every method of which matches its twin today (78 methods): each of the last nine
   * showed a bug that is fixed now (issue 19 items 1, 3 and 5; the held left operand typed through
   * a reference conditional; the conditional in a conditional; the poly switch expression held).
   */
  private static final long[] PASSING = {
    700_021, 700_026, 700_002, 700_022, 700_025, 700_045, 700_011, 700_063, 700_005, 700_060,
    700_070
  };

  /**
   * Programs that show a bug the processor still has, each with the bugs (docs/testing.md
   * describes them, {@link #REGRESSIONS} has their minimised programs): skipped. When its bugs are
   * fixed, move a seed to {@link #PASSING}.
   */
  private static final List<KnownBug> KNOWN_BUG_SEEDS = List.of();

  /**
   * Minimised programs of the bugs found ({@code src/test/resources/fuzz/regressions/<name>/}),
   * each with what it shows: run while fixed, skipped while {@code open} names its bug.
   */
  private static final List<Regression> REGRESSIONS =
      List.of(
          Regression.fixed("static_field_by_class_name", "m1",
              "issue 19 item 1: F.sc, read before the await in f3(F.sc, (F.sc +="
                  + " await(later(3))), 3), is held: the future called f3(3, 3, 3), the twin"
                  + " f3(0, 3, 3)"),
          Regression.fixed("static_field_concatenation", "m4",
              "issue 19 item 1: (F.ss + (F.ss += await(later(ss)))) read F.ss after the await:"
                  + " the future returned \"ssss\", the twin \"sss\""),
          Regression.fixed("null_box_shift_operand", "m5",
              "issue 19 item 2: F.sn >> await(FAsync.m2(F.sc)) with F.sn null ran m2 (trace"
                  + " [t7=6]) before the NullPointerException the twin throws first"),
          Regression.fixed("null_box_compound_assignment", "m3",
              "issue 19 item 2: F.sn ^= await(laterFail(...)) with F.sn null threw the awaited"
                  + " IllegalStateException; the twin unboxes F.sn first (NullPointerException)"),
          Regression.fixed("reference_conditional_unboxed", "m2",
              "issue 19 item 3: p0 = (true ? await(later((Long) null)) : F.sl) is a reference"
                  + " conditional (await is generic): the twin assigns null, the future unboxed"
                  + " it (NullPointerException)",
              -2L),
          Regression.fixed("numeric_conditional_not_unboxed", "m0",
              "item 3's mirror: return (true ? F.sn : (0 + await(later(0)))) is a numeric"
                  + " conditional (both operands numeric, neither a generic call): the twin"
                  + " unboxes the null F.sn (NullPointerException), the future returned null"),
          Regression.fixed("mixed_conditional_held", "m4",
              "issue 19 item 4: this.total + (false ? await(later(0L)) : Integer.valueOf(0))"
                  + " did not compile in the machine (bad operand types for binary operator +:"
                  + " the held conditional was read back as lub(Long, Integer))"),
          Regression.fixed("switch_expression_held", "m3",
              "issue 19 item 4, for a switch expression: an int[] element switch (ss) { ..."
                  + " yield Short.valueOf((short) 8); default -> 8; } held across a later await"
                  + " did not compile (inferred type does not conform to upper bound(s))"),
          Regression.fixed("same_type_conditional_held_as_box", "m0",
              "item 4's root without a mix: (false ? sc : 8) != await(later(Double.valueOf(12)))"
                  + " did not compile in the machine: the held int conditional was read back as"
                  + " Integer, and Integer != Double is illegal"),
          Regression.fixed("constant_cast_held_ambiguous", "m3",
              "issue 19 item 5: ((byte) 1) + await(later(0L)) held the constant cast and read"
                  + " it back through an ambiguous witness (reference to as is ambiguous)"),
          Regression.fixed("constant_cast_held_class_cast", "m1",
              "issue 19 item 5: ((short) -1) + await(later(\"\")).length() held the constant"
                  + " cast and read it back as a Byte (ClassCastException); the twin returns -1"),
          Regression.fixed("var_and_simple_name_call_crash", "m1",
              "issue 19 item 6: a conditional calling the instance method bump(...) by simple"
                  + " name, then a var local, crashed the processor (NullPointerException in"
                  + " Lowerer.typeOfLocal); now compiled on JDK 25, and on older JDKs (JDK-8347989)"
                  + " rejected by design",
              -1)
              .rejectedBeforeJdk25("[asyncfn/VarNotTypedByJavac]"),
          Regression.fixed("boxed_await_left_operand", "m0",
              "await(later('a')) * await(later(Short.valueOf((short) -2))): the held left operand"
                  + " was read back typed as true ? await(later('a')) : (... * ...), a reference"
                  + " conditional (await is generic) of type lub(Character, Integer), so the"
                  + " machine did not compile (bad operand types for binary operator '*')"),
          Regression.fixed("numeric_conditional_with_awaiting_conditional", "m0",
              "sc == 0 ? F.sn : (sc == 2 ? (F.sn + 2) : f3(0, await(later(1)), 1)) with F.sn null"
                  + " is numeric (Integer and int), so the twin unboxes F.sn (NullPointerException);"
                  + " the machine re-created it as taken ? F.sn : Witness.as(branch, () -> (...)),"
                  + " a reference conditional (as is generic), and returned null. Fixed with"
                  + " poly_conditional_in_conditional: the inner conditional stands as re-created"),
          Regression.fixed("equality_unboxes_awaited_null", "m0",
              "(((int) Integer.valueOf(6)) + (count++)) != await(later(sn)) with sn null is"
                  + " numeric, so the twin unboxes sn (NullPointerException); the machine typed the"
                  + " held left operand as true ? (...) : await(...), a reference conditional"
                  + " (await is generic) of type Integer, compared references, returned true"),
          Regression.fixed("for_each_over_awaited_null_array", "m0",
              "for (long x : await(ready((int[]) null))): the twin fails at the array's length"
                  + " with the JVM's message, the machine's Machines.iterator failed in"
                  + " Array.getLength, whose NullPointerException has no message"),
          Regression.fixed("poly_switch_held_argument", "m0",
              "f3(1, 2, switch (sc) { case 1 -> sc + 'b'; default -> await(later((byte) 5)); }):"
                  + " the switch, an argument typed by the parameter int, is lowered into an Object"
                  + " field (each result boxed as itself) and read back as Witness.as(held, () ->"
                  + " switch ...), whose T takes both results as lower bounds: lub(Integer, Byte)"
                  + " does not conform to the upper bound Integer. Now read back by a switch"
                  + " over the case that gave the value, a witness per case"),
          Regression.fixed("poly_switch_value_awaiting_conditional", "m0",
              "i(\"t6\", switch (sc) { ... case 0 -> c ? Byte.valueOf((byte) 8) :"
                  + " await(later('a')); ... }): the value, a conditional lowered into states, was"
                  + " read back as Witness.as(held, () -> c ? ... : await(...)), a reference"
                  + " conditional of type lub(Byte, Character), which the int parameter does not"
                  + " accept; now read branch by branch by its taken flag"),
          Regression.fixed("poly_switch_value_nested_switch", "m0",
              "f3(sc, switch (sc) { case 0 -> { ... yield switch (c) { case 'a', 'b': yield"
                  + " ((short) 0); default: yield ((byte) -1); }; } ... }, 4): the nested switch"
                  + " (no await) was read back through one witness, lub(Short, Byte); now its values"
                  + " say which they are as they run, and each is read back on its own"),
          Regression.fixed("numeric_conditional_with_awaiting_condition", "m5",
              "n(\"t1\", true ? F.sn : (await(later(true)) ? p3 : -1)) with F.sn null: the inner"
                  + " conditional (its condition awaits, its branches are int) was read back"
                  + " through the generic Witness.as, which made the outer a reference"
                  + " conditional that passed null; the twin's is numeric and unboxes F.sn"
                  + " (NullPointerException before n runs). Now read through Witness.branch",
              null, 7),
          Regression.fixed("null_box_argument_of_primitive_overloads", "m3",
              "Math.max(((Long) null), await(FAsync.m0(...))): Math.max's overloads take long,"
                  + " int, float or double, so the twin unboxes the null first"
                  + " (NullPointerException before m0 runs); the machine held the Long and"
                  + " unboxed it at the call, after m0 ran. Now held as the long it unboxes to"),
          Regression.fixed("null_awaited_argument_of_primitive_overloads", "m3",
              "Math.max(await(later((Long) null)), await(FAsync.m0(...))): the first argument, an"
                  + " await whose type the processor does not know, was held and unboxed at the"
                  + " call, after m0 ran; now held through Witness.unboxing, which fails on null"
                  + " when the argument is evaluated"),
          Regression.fixed("constant_argument_of_primitive_overloads", "m3",
              "Math.max((short) 0, (await(later(0)) / 6)): the constant first argument was held"
                  + " through Witness.unboxing (the fix of null_awaited_argument_of_primitive_"
                  + "overloads) and read back through an ambiguous witness; a constant or a"
                  + " primitive cast is never unboxed, nor held"),
          Regression.fixed("poly_switch_value_conditional_with_switch_branch", "m5",
              "F.sbump(switch (p2) { default: ... yield (false ? (((Short) ...) -"
                  + " await(later('r'))) : switch (count) { case 0 -> Short.valueOf(...); default"
                  + " -> Integer.valueOf(-2); }); ... }): the conditional value's branch, a switch"
                  + " without an await, was read back through Witness.branch's lambda, where it is"
                  + " a poly expression of type lub(Short, Integer); now typed standalone through a"
                  + " local, an int as in the source's numeric conditional",
              8),
          Regression.fixed("negative_constant_local_after_cast", "m3",
              "final int sc = ((short) -2); ... count -= ((Integer) sc): the constant local was"
                  + " inlined as (Integer) -2 /* sc */, which javac parses as a subtraction"
                  + " (cannot find symbol Integer); a negative constant is parenthesized now"),
          Regression.fixed("null_typed_conditional_with_awaiting_condition", "m6",
              "Integer v4 = false ? sn : (await(later(false)) ? null : null): the inner"
                  + " conditional, of the null type, was typed through var standalone = (...),"
                  + " which javac rejects (cannot infer type for local variable); it reads as null"),
          Regression.fixed("poly_conditional_in_conditional", "m0",
              "final int v = sc == 0 ? (sc == 1 ? Integer.valueOf(1) : await(later((short) 2)))"
                  + " : 5: the inner conditional, a branch with an await, is a reference"
                  + " conditional typed by the target int in the source; the machine reads it"
                  + " back as Witness.as(branch, () -> (inner)), whose T gets lower bounds Integer"
                  + " and Short: did not compile (bad type in conditional expression). Now the"
                  + " inner conditional, re-created of fields, stands in the outer as it is"),
          Regression.fixed("equality_with_primitive_call_of_awaiting_argument", "m0",
              "F.sn != f3('a', f3(...), await(later((short) 9))) with F.sn null is numeric (f3"
                  + " returns int), so the twin unboxes F.sn before it calls f3"
                  + " (NullPointerException); javac took the witness's lambda returning that call"
                  + " for one returning Integer, so the held operand was compared as a reference"
                  + " and unboxed only after both calls (run seed 5). Fixed as"
                  + " equality_with_call_operand_read_standalone"),
          Regression.fixed("hoisted_var_numeric_conditional_with_null", "m1",
              "var v = false ? (byte) 0 : (false ? await(later(Byte.valueOf((byte) 11))) : null)"
                  + " is a byte (javac types the standalone conditional by its operands' unboxed"
                  + " types); hoisted, it became v = (...) with a byte field as the target, which"
                  + " reaches the null branch: did not compile (run seed 5). A var local's"
                  + " conditional or switch initializer is now typed standalone through a local"),
          Regression.fixed("hoisted_var_conditional_with_null_in_catch", "m7",
              "the same as hoisted_var_numeric_conditional_with_null for var v = false ? 0 :"
                  + " (false ? logged(\"t17\", sc) : null), with no await in the initializer,"
                  + " in a catch block (run seed 5)"),
          Regression.fixed("floating_constant_narrowed_through_int", "m2",
              "final int v2 = (byte) (char) 1e10 is -1: a double narrows to char through int,"
                  + " saturating ('\\uffff'); the processor folded the constant through long (the"
                  + " low bits of 10000000000L, then 0) and inlined 0 where the machine reads v2"
                  + " (run seed 6)"),
          Regression.fixed("equality_with_call_operand_read_standalone", "m1",
              "\"a\".length() == (p3 ? F.sn : await(later(0))) with F.sn null unboxes the"
                  + " conditional's Integer (NullPointerException); the == witness read the call"
                  + " back as Witness.branch(null, () -> (\"a\".length())), for which javac picks"
                  + " the boxed overload (a call counts as a poly expression there, even this"
                  + " one), so the machine compared references (run seed 9). Calls are read back"
                  + " through a standalone local now, as conditionals and switches were", true));

  /**
   * {@code -Dasyncfn.fuzz.runKnownBugs=true} runs the skipped cases too, to see which bugs are
   * fixed (a fixed one passes).
   */
  private static final boolean RUN_KNOWN_BUGS = Boolean.getBoolean("asyncfn.fuzz.runKnownBugs");

  /** A program seed that shows a known bug. */
  record KnownBug(long seed, String bug) {}

  /**
   * A minimised program and the call that failed.
   *
   * @param name its folder under {@code fuzz/regressions/}, also its package's last part
   * @param method the {@code @Async} method of its class {@code F}
   * @param args the arguments
   * @param what what went wrong, and how it was fixed where that is not obvious
   * @param open the bug while it is open (the case is skipped), or null
   * @param rejectedBeforeJdk25 the processor's designed diagnostic for the program on JDK 17 to 24,
   *     whose javac cannot type it (the case then asserts that diagnostic), or null
   */
  record Regression(String name, String method, List<Object> args, String what, String open,
      String rejectedBeforeJdk25) {
    static Regression fixed(String name, String method, String what, Object... args) {
      return new Regression(name, method, Arrays.asList(args), what, null, null);
    }

    /** The same case, skipped while {@code bug} is open. */
    Regression open(String bug) {
      return new Regression(name, method, args, what, bug, rejectedBeforeJdk25);
    }

    Regression rejectedBeforeJdk25(String code) {
      return new Regression(name, method, args, what, open, code);
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
      if (r.open() == null || RUN_KNOWN_BUGS) {
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
    if (r.open() != null && !RUN_KNOWN_BUGS) {
      Assumptions.abort(r.open());
    }
    if (r.rejectedBeforeJdk25() != null && Runtime.version().feature() < 25) {
      if (c.success() || c.diagnostics().stream().noneMatch(
          d -> d.message().startsWith(r.rejectedBeforeJdk25()))) {
        fail(r.path() + " should be rejected with " + r.rejectedBeforeJdk25() + " on JDK "
            + Runtime.version().feature() + "\n" + c.report());
      }
      return;
    }
    if (!c.success()) {
      fail(r.what() + "\n" + r.path() + " does not compile through the processor\n" + c.report());
    }
    Oracle oracle = Oracle.of(c).withDrivers(Driver.READY, Driver.PENDING_FIRST, Driver.random(1));
    AsyncCase ac = AsyncCase.of("fuzz.regressions." + r.name() + ".F", r.method(),
        r.args().toArray()).beforeEachRun(DifferentialRunner.RESET);
    Verdict v = Classifier.ofReport(oracle.compare(ac));
    if (v.failed()) {
      fail(r.what() + "\n" + v.key() + "\n" + v.details());
    }
  }
}
