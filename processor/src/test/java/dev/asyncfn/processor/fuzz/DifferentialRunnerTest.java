/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.processor.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The runner's classification on hand-made programs: a method the processor rejects is set aside
 * while its neighbours still run, and an invalid program is the generator's fault.
 */
class DifferentialRunnerTest {
  private static final DifferentialRunner RUNNER = new DifferentialRunner(Duration.ofSeconds(20));
  private static List<DifferentialRunner.MethodResult> results;

  @BeforeAll
  static void run() {
    Program.Method ok =
        method("m0", JType.INT, new Stmt.Return(Expr.leaf(JType.INT, "await(later(1)) + 1")));
    // An await in a lambda is rejected by design ([asyncfn/AwaitInLambda]).
    Program.Method rejected =
        method("m1", JType.INT,
            new Stmt.Local("java.util.function.Supplier<Integer>", "s",
                Expr.leaf(JType.OBJECT, "() -> await(later(2))")),
            new Stmt.Return(Expr.leaf(JType.INT, "s.get()")));
    Program.Method caller =
        method("m2", JType.INT, new Stmt.Return(Expr.leaf(JType.INT, "await(FAsync.m1()) + 3")));
    Program.Method invalid = method("m0", JType.INT, new Stmt.Return(Expr.leaf(JType.INT, "\"x\"")));
    results = RUNNER.run(List.of(
        new Program(1, "fuzz.test.a", "F", List.of(ok, rejected, caller)),
        new Program(2, "fuzz.test.b", "F", List.of(invalid))));
  }

  @Test
  void aRejectedMethodIsSetAsideAndItsNeighboursStillRun() {
    assertEquals(Verdict.Kind.PASS, verdict("fuzz.test.a", "m0").kind());
    Verdict v = verdict("fuzz.test.a", "m1");
    assertEquals(Verdict.Kind.REJECTION, v.kind());
    assertEquals("[asyncfn/AwaitInLambda]", v.signature());
    assertEquals(Verdict.Kind.PASS, verdict("fuzz.test.a", "m2").kind(),
        "the caller runs against the set-aside method's trivial body");
  }

  @Test
  void anInvalidProgramIsTheGeneratorsFault() {
    Verdict v = verdict("fuzz.test.b", "m0");
    assertEquals(Verdict.Kind.INVALID, v.kind());
    assertTrue(v.signature().contains("incompatible types"), v.signature());
  }

  @Test
  void verdictOfOneMethodAgreesWithTheBatch() {
    Program p = results.get(0).program();
    assertEquals("[asyncfn/AwaitInLambda]", RUNNER.verdictOf(p, "m1").signature());
    assertEquals(Verdict.Kind.PASS, RUNNER.verdictOf(p, "m2").kind());
  }

  private static Verdict verdict(String pkg, String method) {
    return results.stream()
        .filter(r -> r.program().packageName().equals(pkg) && r.method().equals(method))
        .findFirst()
        .orElseThrow()
        .verdict();
  }

  private static Program.Method method(String name, JType ret, Stmt... body) {
    return new Program.Method(name, true, ret, List.of(), null, new Stmt.Block(List.of(body)),
        List.of());
  }
}
