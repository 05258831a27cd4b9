/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.processor.transform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.palantir.javapoet.CodeBlock;
import dev.asyncfn.processor.model.MachineModel;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Where a failure in each state goes: the catches of the innermost try first, in declaration order,
 * then outwards; a finally block rethrows; catches around the await being cancelled are skipped.
 */
class ExceptionTableTest {
  private final StateGraph graph = new StateGraph("state");
  private final List<State> states = new ArrayList<>();

  private State state(int n) {
    while (states.size() <= n) {
      states.add(graph.newState());
    }
    return states.get(n);
  }

  private ExceptionTable table(Frame... frames) {
    for (int i = 0; i < frames.length; i++) {
      graph.activate(state(i), frames[i]);
    }
    return new ExceptionTable(ExitsTest.NAMES, graph.number(), "caught");
  }

  private static Frame.CatchClause catches(State target, String... types) {
    List<CodeBlock> blocks = new ArrayList<>();
    for (String t : types) {
      blocks.add(CodeBlock.of("$L", t));
    }
    return new Frame.CatchClause(blocks, target);
  }

  /**
   *
   *
   * <pre>
   * try {                                  // outer: catch (IOException) -> 5, finally -> 6
   *   try { s1 s2 }                        // inner: catch (ISE | IAE) -> 4
   *   catch (IllegalStateException | IllegalArgumentException e) { s4 }
   *   s3
   * } catch (IOException e) { s5 }        // catch frame: its finally only
   * finally { s6 }
   * s7
   * </pre>
   */
  private final Frame.FinallyRegion fin =
      new Frame.FinallyRegion("finally1Next", "finally1Thrown", state(6));

  private final Frame outer =
      new Frame(null, fin, List.of(catches(state(5), "IOException")), "try at A.java:3");
  private final Frame inner =
      new Frame(
          outer,
          null,
          List.of(catches(state(4), "IllegalStateException", "IllegalArgumentException")),
          "try at A.java:4");
  private final Frame catchFrame = new Frame(null, fin, List.of(), "catch at A.java:9");

  private ExceptionTable nested() {
    return table(null, inner, inner, outer, outer, catchFrame, null, null);
  }

  @Test
  void aFailureTriesTheInnerCatchesInOrderThenTheOuterOnesThenTheFinallyBlock() {
    MachineModel.Handler h = nested().handlers().get(0);
    assertEquals(List.of(1, 2), h.states());
    assertEquals(
        "if (!(cancelling && (cancelledAt == 1 || cancelledAt == 2))"
            + " && (failure instanceof IllegalStateException"
            + " || failure instanceof IllegalArgumentException)) {\n"
            + "  caught = failure;\n"
            + "  state = 4;\n"
            + "  continue machine;\n"
            + "}\n"
            + "if (!(cancelling && (cancelledAt == 1 || cancelledAt == 2 || cancelledAt == 3"
            + " || cancelledAt == 4)) && (failure instanceof IOException)) {\n"
            + "  caught = failure;\n"
            + "  state = 5;\n"
            + "  continue machine;\n"
            + "}\n"
            + "// try at A.java:3: run the finally block, then rethrow\n"
            + "finally1Next = RETHROW;\n"
            + "finally1Thrown = failure;\n"
            + "state = 6;\n"
            + "continue machine;\n",
        h.code().toString());
    assertTrue(h.jumps());
  }

  @Test
  void thereIsOneHandlerPerFrameInTheOrderItsStatesAreEmitted() {
    List<MachineModel.Handler> handlers = nested().handlers();
    assertEquals(3, handlers.size());
    assertEquals(List.of(1, 2), handlers.get(0).states());
    assertEquals(List.of(3, 4), handlers.get(1).states());
    assertEquals(List.of(5), handlers.get(2).states());
  }

  @Test
  void aCatchBlockInsideATryWithFinallyOnlyRethrowsThroughTheFinallyBlock() {
    MachineModel.Handler h = nested().handlers().get(2);
    assertEquals(
        "// catch at A.java:9: run the finally block, then rethrow\n"
            + "finally1Next = RETHROW;\n"
            + "finally1Thrown = failure;\n"
            + "state = 6;\n"
            + "continue machine;\n",
        h.code().toString());
    assertTrue(h.jumps());
  }

  @Test
  void aFinallyBlockMakesTheTableUseTheRethrowConstant() {
    ExceptionTable t = nested();
    t.handlers();
    assertTrue(t.rethrows());
  }

  @Test
  void catchesWithoutFinallyLetAnUnmatchedFailureLeaveTheMachine() {
    Frame tryFrame = new Frame(null, null, List.of(catches(state(2), "IOException")), "try");
    ExceptionTable t = table(null, tryFrame, null);
    List<MachineModel.Handler> handlers = t.handlers();
    assertEquals(1, handlers.size());
    assertEquals(
        "if (!(cancelling && (cancelledAt == 1)) && (failure instanceof IOException)) {\n"
            + "  caught = failure;\n"
            + "  state = 2;\n"
            + "  continue machine;\n"
            + "}\n",
        handlers.get(0).code().toString());
    assertFalse(handlers.get(0).jumps());
    assertFalse(t.rethrows());
  }

  @Test
  void aRegionWithNeitherCatchNorFinallyHasNoHandler() {
    Frame bare = new Frame(null, null, List.of(), "region");
    assertEquals(List.of(), table(null, bare).handlers());
  }

  @Test
  void cancelEntersTheInnermostFinallyBlockAroundEachState() {
    List<MachineModel.Handler> plan = nested().cancelPlan();
    assertEquals(1, plan.size());
    assertEquals(List.of(1, 2, 3, 4, 5), plan.get(0).states());
    assertEquals(
        "finally1Next = CANCEL;\nfinally1Thrown = null;\nstate = 6;\n",
        plan.get(0).code().toString());
    assertFalse(plan.get(0).jumps());
  }

  @Test
  void nestedFinallyBlocksEachCoverTheStatesDirectlyInside() {
    Frame.FinallyRegion a = new Frame.FinallyRegion("finally1Next", "finally1Thrown", state(4));
    Frame.FinallyRegion b = new Frame.FinallyRegion("close2Next", "close2Thrown", state(3));
    Frame outerTry = new Frame(null, a, List.of(), "try");
    Frame resource = new Frame(outerTry, b, List.of(), "resource r");
    List<MachineModel.Handler> plan = table(null, resource, outerTry, outerTry, null).cancelPlan();
    assertEquals(2, plan.size());
    assertEquals(List.of(1), plan.get(0).states());
    assertEquals(
        "close2Next = CANCEL;\nclose2Thrown = null;\nstate = 3;\n", plan.get(0).code().toString());
    assertEquals(List.of(2, 3), plan.get(1).states());
  }
}
