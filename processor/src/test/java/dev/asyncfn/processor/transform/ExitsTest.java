/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.processor.transform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.palantir.javapoet.CodeBlock;
import com.sun.source.tree.LabeledStatementTree;
import com.sun.source.tree.SwitchTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.WhileLoopTree;
import dev.asyncfn.processor.model.MachineModel;
import dev.asyncfn.processor.model.MachineNames;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.Name;
import org.junit.jupiter.api.Test;

/**
 * Jumps, returns and the end of finally blocks, following the completion protocol: straight to the
 * target when no finally block is in between, else through each finally block innermost first.
 */
class ExitsTest {
  static final MachineNames NAMES =
      new MachineNames(
          "state",
          "awaiting",
          "cx",
          "failure",
          "machine",
          "DONE",
          "RETHROW",
          "CANCEL",
          "complete",
          "cancelling",
          "cancelledAt",
          "LINES",
          "SOURCE",
          "sourceLines");

  private final StateGraph graph = new StateGraph("state");
  private final MachineFields fields = new MachineFields(Set.of("result"), Set.of());
  // try { try { <inner> } finally { <fin2> } } finally { <fin1> }
  private final State entry = graph.newState();
  private final State fin1Entry = graph.newState();
  private final State fin2Entry = graph.newState();
  private final State target = graph.newState();
  private final State other = graph.newState();
  private final Frame.FinallyRegion fin1 =
      new Frame.FinallyRegion("finally1Next", "finally1Thrown", fin1Entry);
  private final Frame.FinallyRegion fin2 =
      new Frame.FinallyRegion("finally2Next", "finally2Thrown", fin2Entry);
  private final Frame outer = new Frame(null, fin1, List.of(), "try at A.java:3");
  private final Frame inner = new Frame(outer, fin2, List.of(), "try at A.java:4");

  private Exits exits(boolean isVoid) {
    return new Exits(graph, fields, NAMES, isVoid, "java.lang.Integer", 2);
  }

  /** Activates the states in their order in the source; returns the emitted ones. */
  private List<State> layOut() {
    graph.activate(fin2Entry, outer);
    graph.activate(fin1Entry, null);
    graph.activate(target, null);
    graph.activate(other, null);
    return graph.number();
  }

  @Test
  void aJumpWithNoFinallyBlockInBetweenGoesStraightThere() {
    Frame catchOnly = new Frame(null, null, List.of(), "try at A.java:3");
    graph.activate(entry, catchOnly);
    CodeBlock jump = exits(false).jump(target, null);
    layOut();
    assertEquals("state = 3; continue machine;", jump.toString());
  }

  @Test
  void aJumpWithinTheRegionOfItsTargetRunsNoFinallyBlock() {
    graph.activate(entry, outer);
    CodeBlock jump = exits(false).jump(target, outer);
    layOut();
    assertEquals("state = 3; continue machine;", jump.toString());
  }

  @Test
  void aJumpOutOfOneTryEntersItsFinallyBlockWithTheTargetAsNext() {
    graph.activate(entry, inner);
    CodeBlock jump = exits(false).jump(target, outer);
    layOut();
    assertEquals("finally2Next = 3; state = 1; continue machine;", jump.toString());
  }

  @Test
  void aJumpThroughTwoFinallyBlocksGoesThroughATrampolineForTheOuterOne() {
    graph.activate(entry, inner);
    CodeBlock jump = exits(false).jump(target, null);
    List<State> emitted = layOut();
    // entry, fin2, fin1, target, other, then the trampoline (detached)
    assertEquals(6, emitted.size());
    State trampoline = emitted.get(5);
    assertEquals("finally2Next = 5; state = 1; continue machine;", jump.toString());
    assertEquals("finally1Next = 3; state = 2; continue machine;\n", trampoline.code().toString());
    assertTrue(trampoline.terminated());
    assertNull(trampoline.frame());
    assertEquals("leaves through the finally block of finally1Next", trampoline.comment());
    assertEquals(2, trampoline.line());
  }

  @Test
  void jumpsToTheSameTargetThroughTheSameFinallyBlockShareOneTrampoline() {
    Exits exits = exits(false);
    graph.activate(entry, inner);
    CodeBlock first = exits.jump(target, null);
    CodeBlock second = exits.jump(target, null);
    CodeBlock elsewhere = exits.jump(other, null);
    List<State> emitted = layOut();
    assertEquals(7, emitted.size());
    assertEquals("finally2Next = 5; state = 1; continue machine;", first.toString());
    assertEquals(first.toString(), second.toString());
    assertEquals("finally2Next = 6; state = 1; continue machine;", elsewhere.toString());
    assertEquals(
        "finally1Next = 4; state = 2; continue machine;\n", emitted.get(6).code().toString());
  }

  @Test
  void aReturnWithNoFinallyBlockCompletesTheMachine() {
    graph.activate(entry, null);
    assertEquals(
        "return complete(x + 1);", exits(false).returnCode(CodeBlock.of("x + 1")).toString());
    assertEquals("return complete(null);", exits(true).returnCode(null).toString());
    assertEquals(List.of(), fields.fields());
  }

  @Test
  void aReturnThroughAFinallyBlockKeepsTheValueInTheResultField() {
    Exits exits = exits(false);
    graph.activate(entry, outer);
    CodeBlock ret = exits.returnCode(CodeBlock.of("x + 1"));
    CodeBlock again = exits.returnCode(CodeBlock.of("2"));
    List<State> emitted = layOut();
    State returns = emitted.get(5);
    // the body uses "result": the field takes the next free name
    assertEquals("result2 = x + 1; finally1Next = 5; state = 2; continue machine;", ret.toString());
    assertEquals("result2 = 2; finally1Next = 5; state = 2; continue machine;", again.toString());
    assertEquals("return complete(result2);\n", returns.code().toString());
    assertEquals("returns the value kept while finally blocks ran", returns.comment());
    assertEquals(
        List.of(
            new MachineModel.Field(
                "result2", "java.lang.Integer", null, "the return value while finally blocks run")),
        fields.fields());
  }

  @Test
  void aVoidReturnThroughTwoFinallyBlocksKeepsNoValue() {
    Exits exits = exits(true);
    graph.activate(entry, inner);
    CodeBlock ret = exits.returnCode(null);
    List<State> emitted = layOut();
    // the return state is created before its trampoline
    State returns = emitted.get(5);
    State trampoline = emitted.get(6);
    assertEquals("finally2Next = 6; state = 1; continue machine;", ret.toString());
    assertEquals("finally1Next = 5; state = 2; continue machine;\n", trampoline.code().toString());
    assertEquals("return complete(null);\n", returns.code().toString());
    assertEquals(List.of(), fields.fields());
  }

  @Test
  void aFinallyBlockEndsByRethrowingCancellingOutwardsOrGoingOn() {
    Exits exits = exits(false);
    graph.activate(fin2Entry, outer);
    exits.finishFinally(fin2);
    graph.activate(fin1Entry, null);
    graph.number();
    assertEquals(
        "if (finally2Next == RETHROW) { java.lang.Throwable rethrown1 = finally2Thrown;"
            + " finally2Thrown = null; throw rethrown1; }\n"
            + "if (finally2Next == CANCEL) { finally1Next = CANCEL; state = 1;"
            + " continue machine; }\n"
            + "state = finally2Next; continue machine;\n",
        fin2Entry.code().toString());
    assertTrue(fin2Entry.terminated());
    assertTrue(exits.rethrows());
  }

  @Test
  void theOutermostFinallyBlockEndsACancellationByMarkingTheMachineDone() {
    Exits exits = exits(false);
    graph.activate(fin1Entry, null);
    exits.finishFinally(fin1);
    assertEquals(
        "if (finally1Next == RETHROW) { java.lang.Throwable rethrown1 = finally1Thrown;"
            + " finally1Thrown = null; throw rethrown1; }\n"
            + "if (finally1Next == CANCEL) { state = DONE;"
            + " return dev.asyncfn.runtime.Poll.pending(); }\n"
            + "state = finally1Next; continue machine;\n",
        fin1Entry.code().toString());
  }

  @Test
  void aFinallyBlockThatCompletesAbruptlyNeverReadsItsRecord() {
    Exits exits = exits(false);
    graph.activate(fin1Entry, null);
    graph.line("return complete(1);");
    graph.terminate();
    exits.finishFinally(fin1);
    assertEquals("return complete(1);\n", fin1Entry.code().toString());
    assertFalse(exits.rethrows());
  }

  @Test
  void anUnlabeledBreakLeavesTheInnermostLoopOrSwitchNotALabeledBlock() {
    Exits exits = exits(false);
    graph.activate(entry, null);
    exits.pushTarget(new Exits.Target(tree(WhileLoopTree.class), null, target, entry, null));
    exits.pushTarget(
        new Exits.Target(tree(LabeledStatementTree.class), "block", other, null, null));
    layOut();
    assertEquals("state = 3; continue machine;", exits.jumpFor(true, null).toString());
    assertEquals("state = 4; continue machine;", exits.jumpFor(true, name("block")).toString());
  }

  @Test
  void anUnlabeledContinueRepeatsTheInnermostLoopNotASwitch() {
    Exits exits = exits(false);
    graph.activate(entry, null);
    exits.pushTarget(new Exits.Target(tree(WhileLoopTree.class), "loop", other, target, null));
    exits.pushTarget(new Exits.Target(tree(SwitchTree.class), null, entry, null, null));
    layOut();
    assertEquals("state = 3; continue machine;", exits.jumpFor(false, null).toString());
    assertEquals("state = 3; continue machine;", exits.jumpFor(false, name("loop")).toString());
    assertEquals("state = 0; continue machine;", exits.jumpFor(true, null).toString());
    exits.popTarget();
    assertEquals("state = 4; continue machine;", exits.jumpFor(true, null).toString());
  }

  @Test
  void aJumpWithNoTargetInTheLoweredCodeHasNone() {
    Exits exits = exits(false);
    graph.activate(entry, null);
    assertNull(exits.jumpFor(true, null));
    exits.pushTarget(new Exits.Target(tree(WhileLoopTree.class), null, target, entry, null));
    assertNull(exits.jumpFor(false, name("elsewhere")));
  }

  @Test
  void aYieldStoresItsValueThenLeavesTheSwitch() {
    Exits exits = exits(false);
    graph.activate(entry, inner);
    Exits.YieldTarget untyped = new Exits.YieldTarget("switch3", null, target, inner, null, null, null);
    Exits.YieldTarget typed = new Exits.YieldTarget("switch3", "long", target, inner, "yielded4", null, null);
    exits.pushYield(untyped);
    CodeBlock plain = exits.yieldCode(exits.currentYield(), null, CodeBlock.of("v"));
    exits.pushYield(typed);
    CodeBlock converted = exits.yieldCode(exits.currentYield(), null, CodeBlock.of("v"));
    exits.popYield();
    exits.popYield();
    layOut();
    assertEquals("switch3 = v; state = 3; continue machine;", plain.toString());
    assertEquals(
        "{ long yielded4 = v; switch3 = yielded4; } state = 3; continue machine;",
        converted.toString());
    assertNull(exits.currentYield());
  }

  /** A tree of that kind: only its type matters to the exits. */
  private static Tree tree(Class<? extends Tree> kind) {
    return (Tree)
        Proxy.newProxyInstance(
            ExitsTest.class.getClassLoader(),
            new Class<?>[] {kind},
            (proxy, method, args) -> {
              throw new UnsupportedOperationException(method.getName());
            });
  }

  private static Name name(String s) {
    return new Name() {
      @Override
      public boolean contentEquals(CharSequence cs) {
        return s.contentEquals(cs);
      }

      @Override
      public int length() {
        return s.length();
      }

      @Override
      public char charAt(int index) {
        return s.charAt(index);
      }

      @Override
      public CharSequence subSequence(int start, int end) {
        return s.subSequence(start, end);
      }

      @Override
      public String toString() {
        return s;
      }
    };
  }
}
