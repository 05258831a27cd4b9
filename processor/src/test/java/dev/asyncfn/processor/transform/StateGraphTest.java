/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.processor.transform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.palantir.javapoet.CodeBlock;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * States are numbered in the order they were activated, detached ones last; a transition records
 * the state it falls through to (where {@code continue} is needed is {@link LoweringTest}'s).
 */
class StateGraphTest {
  private final StateGraph graph = new StateGraph("state");

  @Test
  void statesAreNumberedInActivationOrderNotCreationOrder() {
    State a = graph.newState();
    State b = graph.newState();
    State c = graph.newState();
    graph.activate(a, null);
    graph.activate(c, null);
    graph.activate(b, null);
    assertEquals(List.of(a, c, b), graph.number());
    assertEquals(List.of(0, 1, 2), List.of(a.number(), c.number(), b.number()));
  }

  @Test
  void detachedStatesComeLastInCreationOrder() {
    State entry = graph.newState();
    State returns = graph.newState();
    State trampoline = graph.newState();
    State after = graph.newState();
    graph.activate(entry, null);
    graph.detach(trampoline);
    graph.detach(returns);
    graph.activate(after, null);
    assertEquals(List.of(entry, after, returns, trampoline), graph.number());
  }

  @Test
  void aStateNeverActivatedIsNotEmitted() {
    State entry = graph.newState();
    graph.newState();
    graph.activate(entry, null);
    assertEquals(List.of(entry), graph.number());
  }

  @Test
  void aStatePrintsAsItsFinalNumber() {
    State entry = graph.newState();
    State next = graph.newState();
    graph.activate(entry, null);
    graph.line("if (done) { $N = $L; }", "state", next);
    graph.activate(next, null);
    graph.number();
    assertEquals("if (done) { state = 1; }\n", entry.code().toString());
  }

  @Test
  void aTransitionEndsTheStateAndRecordsWhereItFallsThrough() {
    State entry = graph.newState();
    State next = graph.newState();
    graph.activate(entry, null);
    graph.line("a();");
    graph.gotoState(next);
    assertTrue(graph.terminated());
    assertSame(next, entry.fallsThroughTo());
    graph.line("b();");
    graph.gotoState(entry);
    graph.activate(next, null);
    graph.number();
    assertEquals("a();\nstate = 1;\n", entry.code().toString());
  }

  @Test
  void aStateEndedByAJumpDoesNotFallThrough() {
    State entry = graph.newState();
    State next = graph.newState();
    graph.activate(entry, null);
    graph.line("return x;");
    graph.terminate();
    graph.gotoState(next);
    assertNull(entry.fallsThroughTo());
    assertEquals("return x;\n", entry.code().toString());
  }

  @Test
  void activatingHereKeepsTheCurrentRegion() {
    Frame frame = new Frame(null, null, List.of(), "try at A.java:3");
    State entry = graph.newState();
    State after = graph.newState();
    graph.activate(entry, frame);
    graph.activateHere(after);
    assertSame(after, graph.current());
    assertSame(frame, after.frame());
    assertTrue(after.activated());
    assertFalse(after.terminated());
  }

  @Test
  void codeIsAddedToTheCurrentState() {
    State entry = graph.newState();
    graph.activate(entry, null);
    graph.add(CodeBlock.of("x = 1;\n"));
    graph.line("y = $L;", 2);
    assertEquals("x = 1;\ny = 2;\n", entry.code().toString());
  }
}
