/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.processor.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The minimiser against a stand-in judge (no compiler): a "bug" that shows whenever the target
 * method's text contains a marker must shrink to little more than the marker.
 */
class MinimiserTest {

  private static final Verdict FAKE = new Verdict(Verdict.Kind.DIVERGENCE, "fake", "");

  @Test
  void shrinksAFailingMethodToWhatTheFailureNeeds() {
    Program p = programWhoseLastMethodContains("sbump(");
    String target = p.methods().get(p.methods().size() - 1).name();
    Minimiser.Judge judge =
        (candidate, method) ->
            ProgramPrinter.method(candidate, candidate.method(method)).contains("sbump(")
                ? FAKE
                : Verdict.pass();

    Minimiser.Result r = new Minimiser(judge, Duration.ofSeconds(60)).minimise(p, target, FAKE);

    assertEquals(FAKE.key(), r.verdict().key());
    assertTrue(r.linesAfter() < r.linesBefore() / 3,
        r.linesBefore() + " -> " + r.linesAfter() + " lines:\n" + r.source());
    // The stand-in judge accepts invalid Java too, so the shape left is arbitrary; its size is not.
    String body = ProgramPrinter.method(r.program(), r.program().method(target));
    assertTrue(body.lines().count() <= 8, "left more than the marker needs:\n" + body);
    assertEquals(List.of(target), r.program().methods().stream().map(Program.Method::name)
        .toList(), "methods the target does not call are dropped");
  }

  @Test
  void keepsTheProgramWhenNoCandidateFailsTheSameWay() {
    Program p = programWhoseLastMethodContains("sbump(");
    String target = p.methods().get(p.methods().size() - 1).name();
    Minimiser.Judge never = (candidate, method) -> Verdict.pass();

    Minimiser.Result r = new Minimiser(never, Duration.ofSeconds(60)).minimise(p, target, FAKE);

    assertEquals(ProgramPrinter.print(p).text(), r.source());
    assertTrue(r.runs() > 0);
  }

  private static Program programWhoseLastMethodContains(String marker) {
    for (long seed = 0; ; seed++) {
      Program p = ProgramGenerator.generate(seed);
      Program.Method last = p.methods().get(p.methods().size() - 1);
      if (p.methods().size() > 2 && ProgramPrinter.method(p, last).contains(marker)
          && ProgramPrinter.method(p, last).lines().count() > 20) {
        return p;
      }
    }
  }
}
