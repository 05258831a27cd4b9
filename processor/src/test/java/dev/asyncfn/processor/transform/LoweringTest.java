/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.processor.transform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import dev.asyncfn.processor.analysis.ProcessingHarness;
import dev.asyncfn.processor.model.MachineModel;
import dev.asyncfn.processor.model.MachineNames;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What the lowering as a whole decides: the machine's own names, and how states follow each other
 * (a state falls through into the next one, and continues the machine's loop to any other).
 */
class LoweringTest {
  static ProcessingHarness javac;

  @BeforeAll
  static void compile() {
    javac =
        ProcessingHarness.compile(
            """
            package lowering;

            import static dev.asyncfn.runtime.Futures.await;

            import dev.asyncfn.runtime.Future;

            class Machines {
              static void use(Object o) {}

              static int clashes(int state, Future<Integer> cx) {
                int complete = 1;
                String DONE = "";
                return state + complete + DONE.length();
              }

              static void nothing() {}

              static int loop(Future<Integer> f) {
                int s = 0;
                while (s < 10) {
                  s += await(f);
                }
                return s;
              }

              static int shadow(Future<Integer> f) {
                {
                  await(f);
                  int x = 1;
                  use(x);
                }
                int x = 2;
                await(f);
                return x;
              }
            }
            """);
  }

  @AfterAll
  static void close() {
    javac.close();
  }

  private static Lowering lowering(String method) {
    return Lowerings.of(javac, javac.method("lowering.Machines", method));
  }

  @Test
  void theMachinesOwnNamesAvoidTheBodysNamesAndParameters() {
    MachineNames names = lowering("clashes").machineNames;
    assertEquals("state2", names.state());
    assertEquals("cx2", names.context());
    assertEquals("complete2", names.complete());
    assertEquals("DONE2", names.done());
    assertEquals("awaiting", names.awaiting());
    assertEquals("machine", names.loop());
  }

  @Test
  void theParametersAreTheFieldsNamedLikeThem() {
    TreePath path = javac.method("lowering.Machines", "clashes");
    assertEquals(Set.of("state", "cx"), Lowering.parameterNames(javac.element(path)));
  }

  @Test
  void aVoidMethodThatFallsOffItsEndCompletesWithNull() {
    MachineModel model = lowering("nothing").lower();
    assertEquals(1, model.states().size());
    assertEquals("return complete(null);\n", Lowerings.text(model.states().get(0).code()));
    assertEquals("start: runs the body up to its first await", model.states().get(0).comment());
  }

  @Test
  void aStateFallsThroughIntoTheNextAndContinuesTheLoopToAnyOther() {
    List<MachineModel.State> states = lowering("loop").lower().states();
    // 0: start, 1: the loop's condition, 2: resumes after the await, 3: after the loop
    assertEquals(4, states.size());
    String start = Lowerings.text(states.get(0).code());
    assertTrue(start.endsWith("state = 1;\n"), start);
    assertFalse(start.contains("continue machine;"), start);
    String condition = Lowerings.text(states.get(1).code());
    assertTrue(condition.contains("state = 3; continue machine;"), condition);
    assertTrue(condition.endsWith("state = 2;\n"), condition);
    String resumed = Lowerings.text(states.get(2).code());
    assertTrue(resumed.endsWith("state = 1;\ncontinue machine;\n"), resumed);
    assertEquals("return complete(s);\n", Lowerings.text(states.get(3).code()));
  }

  @Test
  void statesCarryTheLineTheyResumeAt() {
    List<MachineModel.State> states = lowering("loop").lower().states();
    assertEquals(List.of(18, 20, 21, 20), states.stream().map(MachineModel.State::line).toList());
    assertTrue(states.get(2).comment().startsWith("resumes after await(f) at Machines.java:21"));
  }

  @Test
  void aHoistedLocalIsNotShadowedByAnEarlierLocalOfTheSameNameInItsState() {
    Lowering l = lowering("shadow");
    MachineModel model = l.lower();
    VariableTree later =
        javac
            .findAll(javac.method("lowering.Machines", "shadow"), VariableTree.class, "int x = 2;")
            .get(0);
    String field = l.fields.hoisted(later);
    assertNotNull(field);
    for (MachineModel.State s : model.states()) {
      String code = Lowerings.text(s.code());
      int write = code.indexOf(field + " = 2;");
      if (write >= 0) {
        assertFalse(code.substring(0, write).contains("int " + field + " = "), code);
      }
    }
  }
}
