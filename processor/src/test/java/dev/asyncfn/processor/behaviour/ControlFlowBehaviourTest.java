/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.processor.behaviour;

import static dev.asyncfn.testing.AsyncCase.of;

import dev.asyncfn.testing.AsyncCase;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Oracle cases for statements: blocks, if/else, loops, for-each, labels, switch. */
class ControlFlowBehaviourTest {

  /** Straight-line code and every statement form in one class: the processor's first cases. */
  static final List<AsyncCase> STRAIGHT_LINE =
      List.of(
          of("cases.straightline.StraightLine", "add", 1).expect(5).expectTrace("start", 1),
          of("cases.straightline.StraightLine", "noResult", "s").expect(null).expectTrace("s"),
          of("cases.straightline.StraightLine", "widen", 3).expect(3L),
          of("cases.straightline.StraightLine", "widen", -1).expect(0L),
          of("cases.straightline.StraightLine", "ifElse", 1).expect("small1"),
          of("cases.straightline.StraightLine", "ifElse", 2).expect("two"),
          of("cases.straightline.StraightLine", "ifElse", 3).expect("big").expectTrace("big"),
          of("cases.straightline.StraightLine", "whileLoop", 5).expect(10).expectTrace(),
          of("cases.straightline.StraightLine", "forLoop", 9).expect(13456),
          of("cases.straightline.StraightLine", "doWhile", 3).expect(3),
          of("cases.straightline.StraightLine", "doWhile", 0).expect(1),
          of("cases.straightline.StraightLine", "forEach", List.of("a", "b"))
              .expect("ab246")
              .expectTrace(),
          of("cases.straightline.StraightLine", "arrays",
                  new int[] {1, 2, 3}, new String[] {"a", "", "b"})
              .expect(6L)
              .expectTrace("a", ""),
          of("cases.straightline.StraightLine", "labeled", 5).expect(9),
          of("cases.straightline.StraightLine", "throwing", 2)
              .throwing(IllegalArgumentException.class, "too big 2")
              .expectTrace(),
          of("cases.straightline.StraightLine", "throwing", 1)
              .throwing(IllegalStateException.class, "failed"));

  static final List<AsyncCase> BLOCKS =
      List.of(
          of("cases.blocks.Blocks", "straightLine", 3).expect(15),
          of("cases.blocks.Blocks", "siblingBlocksReuseNames", 2).expect("2s2s2!"),
          of("cases.blocks.Blocks", "awaitAsStatement").expect(1),
          of("cases.blocks.Blocks", "readyFutures", 4).expect(19),
          of("cases.blocks.Blocks", "localsLiveAcrossManyAwaits", 5).expect(18L),
          of("cases.blocks.Blocks", "awaitCompletionStage").expect(10));

  static final List<AsyncCase> IF_ELSE =
      List.of(
          of("cases.ifelse.IfElse", "branch", 5).expect("pos 50"),
          of("cases.ifelse.IfElse", "branch", 0).expect("zero"),
          of("cases.ifelse.IfElse", "branch", -3).expect("neg 3"),
          of("cases.ifelse.IfElse", "awaitOnlyInElse", true).expect(20),
          of("cases.ifelse.IfElse", "awaitOnlyInElse", false).expect(30),
          of("cases.ifelse.IfElse", "nestedIfs", 1, 1).expect("++"),
          of("cases.ifelse.IfElse", "nestedIfs", 1, -1).expect("+-"),
          of("cases.ifelse.IfElse", "nestedIfs", -1, 1).expect("-+"),
          of("cases.ifelse.IfElse", "nestedIfs", -1, -1).expect("--"),
          of("cases.ifelse.IfElse", "ifWithoutBraces", 3).expect(3),
          of("cases.ifelse.IfElse", "ifWithoutBraces", 1).expect(-1));

  static final List<AsyncCase> LOOPS =
      List.of(
          of("cases.loops.Loops", "whileSum", 4).expect(6),
          of("cases.loops.Loops", "whileSum", 0).expect(0),
          of("cases.loops.Loops", "whileAwaitInCondition", 3).expect(3),
          of("cases.loops.Loops", "doWhile", 20).expect(32),
          of("cases.loops.Loops", "doWhileAwaitInCondition", 3).expect(3),
          of("cases.loops.Loops", "doWhileAwaitInCondition", 0).expect(1),
          of("cases.loops.Loops", "whileBreakContinue", 7).expect("1,3,5,7,"));

  static final List<AsyncCase> FOR_LOOPS =
      List.of(
          of("cases.forloops.ForLoops", "awaitInBody", 4).expect(14),
          of("cases.forloops.ForLoops", "awaitInInit", 4).expect(10),
          of("cases.forloops.ForLoops", "awaitInCondition", 3).expect(3),
          of("cases.forloops.ForLoops", "awaitInUpdate", 7).expect("0 2 4 6 "),
          of("cases.forloops.ForLoops", "twoVariablesAndCommaUpdate").expect("0:10 1:8 2:6 3:4 "),
          of("cases.forloops.ForLoops", "nestedFors", 3).expect(51),
          of("cases.forloops.ForLoops", "sameLoopVariableTwice", 3).expect(36));

  static final List<AsyncCase> FOR_EACH =
      List.of(
          of("cases.foreach.ForEach", "overList", List.of(1, 2, 3)).expect(6),
          of("cases.foreach.ForEach", "iteratorCreatedOnce", 3).expect(9),
          of("cases.foreach.ForEach", "overIntArray", new int[] {1, 2, 3}).expect(123),
          of("cases.foreach.ForEach", "arrayEvaluatedOnce", (Object) new String[] {"a", "b"})
              .expect("AB/replaced"),
          of("cases.foreach.ForEach", "breakOutOfForEach", List.of("a", "bb", "c")).expect("bb"),
          of("cases.foreach.ForEach", "breakOutOfForEach", List.of("x")).expect("none"),
          of("cases.foreach.ForEach", "varOverMapEntries").expect("a=2;b=4;"),
          of("cases.foreach.ForEach", "nestedForEach", (Object) new int[][] {{1, 2}, {3}})
              .expect(6),
          of("cases.arrayloops.ArrayLoops", "reassignArrayParameter", new int[] {1, 2, 3})
              .expect(1006),
          of("cases.arrayloops.ArrayLoops", "mutateElementsAhead", new int[] {1, 2, 3})
              .expect("1 12 13 "),
          of("cases.arrayloops.ArrayLoops", "wideningLoopVariable", new long[] {1, 3})
              .expect(2.0),
          of("cases.arrayloops.ArrayLoops", "unboxingLoopVariable", (Object) new Integer[] {4, 5})
              .expect(9),
          of("cases.arrayloops.ArrayLoops", "boxingLoopVariable", new int[] {7, 8})
              .expect("Integer7;Integer8;"),
          of("cases.arrayloops.ArrayLoops", "arrayFromACallEvaluatedOnce").expect(6),
          of("cases.arrayloops.ArrayLoops", "wideningOverArrayFromACall")
              .expect(6_000_000_000L));

  static final List<AsyncCase> LABELS =
      List.of(
          of("cases.labels.Labels", "labelledBreak", 6).expect("1,2"),
          of("cases.labels.Labels", "labelledBreak", 99).expect("none"),
          of("cases.labels.Labels", "labelledContinue", 3).expect(10),
          of("cases.labels.Labels", "breakOutOfTryFinally", 3).expect(3),
          of("cases.labels.Labels", "continueOutOfNestedTryFinally", 4).expect(402),
          of("cases.labels.Labels", "labelledBlock", true).expect("ac"),
          of("cases.labels.Labels", "labelledBlock", false).expect("abc"));

  static final List<AsyncCase> SWITCHES =
      List.of(
          of("cases.switches.Switches", "onString", "a").expect("alpha!"),
          of("cases.switches.Switches", "onString", "b").expect("beta2!"),
          of("cases.switches.Switches", "onString", "z").expect("other!"),
          of("cases.switches.Switches", "onEnum", "RED").expect(1),
          of("cases.switches.Switches", "onEnum", "GREEN").expect(2),
          of("cases.switches.Switches", "onEnum", "BLUE").expect(3),
          of("cases.switches.Switches", "intFallthrough", 1).expect("one two three "),
          of("cases.switches.Switches", "intFallthrough", 2).expect("two three "),
          of("cases.switches.Switches", "intFallthrough", 4).expect("four default"),
          of("cases.switches.Switches", "intFallthrough", 9).expect("default"),
          of("cases.switches.Switches", "switchOnAwaitedValue", 3).expect("zero"),
          of("cases.switches.Switches", "switchOnAwaitedValue", 4).expect("one"),
          of("cases.switches.Switches", "switchOnAwaitedValue", 5).expect("two"),
          of("cases.switches.Switches", "expressionArrow", 1).expect(11),
          of("cases.switches.Switches", "expressionArrow", 2).expect(12),
          of("cases.switches.Switches", "expressionArrow", 3).expect(301),
          of("cases.switches.Switches", "expressionArrow", 9).expect(0),
          of("cases.switches.Switches", "expressionColonYield", "x").expect("<ex>"),
          of("cases.switches.Switches", "expressionColonYield", "y").expect("<YY>"),
          of("cases.switches.Switches", "expressionColonYield", "q").expect("<?>"),
          of("cases.switches.Switches", "expressionOnEnumWithAwaitedSelector", 0).expect("warm 0"),
          of("cases.switches.Switches", "expressionOnEnumWithAwaitedSelector", 2).expect("cool"),
          of("cases.strings.StringSwitch", "collidingHashes", "Aa").expect("Aa 1"),
          of("cases.strings.StringSwitch", "collidingHashes", "BB").expect("BB 2"),
          of("cases.strings.StringSwitch", "collidingHashes", "Ab").expect("other"),
          of("cases.strings.StringSwitch", "onChar", 'a').expect(1),
          of("cases.strings.StringSwitch", "onChar", 'c').expect(20),
          of("cases.strings.StringSwitch", "onChar", 'z').expect(0));

  /** Switch expressions and statements with awaits in selectors, arms and blocks. */
  static final List<AsyncCase> SWITCH_FORMS =
      List.of(
          of("cases.switchforms.SwitchForms", "arrow", "ADD", 4).expect(5),
          of("cases.switchforms.SwitchForms", "arrow", "MUL", 4).expect(12),
          of("cases.switchforms.SwitchForms", "arrow", "NEG", 4).expect(-4),
          of("cases.switchforms.SwitchForms", "colon", 0).expect("vmid0"),
          of("cases.switchforms.SwitchForms", "colon", 1).expect("vlow").expectTrace("one"),
          of("cases.switchforms.SwitchForms", "colon", 2).expect("vlow"),
          of("cases.switchforms.SwitchForms", "colon", 3).expect("vmid3"),
          of("cases.switchforms.SwitchForms", "colon", 4).expect("vmid4"),
          of("cases.switchforms.SwitchForms", "colon", 5).expect("vmid5"),
          of("cases.switchforms.SwitchForms", "colon", 6).expect("vhigh"),
          of("cases.switchforms.SwitchForms", "colon", 7).expect("vhigh"),
          of("cases.switchforms.SwitchForms", "numeric", 0).expect(1L),
          of("cases.switchforms.SwitchForms", "numeric", 1).expect(2L),
          of("cases.switchforms.SwitchForms", "numeric", 2).expect(99L),
          of("cases.switchforms.SwitchForms", "switchString", "a").expect("AB"),
          of("cases.switchforms.SwitchForms", "switchString", "b").expect("B"),
          of("cases.switchforms.SwitchForms", "switchString", "c").expect("3"),
          of("cases.switchforms.SwitchForms", "switchString", "d").expect("other"),
          of("cases.switchforms.SwitchForms", "switchEnum", "RED", 0).expect(1),
          of("cases.switchforms.SwitchForms", "switchEnum", "RED", 1).expect(10),
          of("cases.switchforms.SwitchForms", "switchEnum", "RED", 2).expect(10),
          of("cases.switchforms.SwitchForms", "switchEnum", "RED", 3).expect(-1),
          of("cases.switchforms.SwitchForms", "switchEnum", "GREEN", 0).expect(2),
          of("cases.switchforms.SwitchForms", "switchEnum", "GREEN", 1).expect(30),
          of("cases.switchforms.SwitchForms", "switchEnum", "GREEN", 2).expect(40),
          of("cases.switchforms.SwitchForms", "switchEnum", "GREEN", 3).expect(-1),
          of("cases.switchforms.SwitchForms", "switchEnum", "BLUE", 0)
              .throwing(IllegalStateException.class, "blue"),
          of("cases.switchforms.SwitchForms", "switchEnum", "BLUE", 1)
              .throwing(IllegalStateException.class, "blue"),
          of("cases.switchforms.SwitchForms", "switchEnum", "BLUE", 2)
              .throwing(IllegalStateException.class, "blue"),
          of("cases.switchforms.SwitchForms", "switchEnum", "BLUE", 3)
              .throwing(IllegalStateException.class, "blue"));

  static final List<AsyncCase> JUMPS =
      List.of(
          of("cases.jumps.Jumps", "continueInDoWhileGoesToCondition", 5).expect(305),
          of("cases.jumps.Jumps", "continueRunsTheUpdate", 4).expect("023"),
          of("cases.jumps.Jumps", "labelledContinueRunsTheOuterUpdate", 3).expect(30),
          of("cases.jumps.Jumps", "returnFromCatchThroughAwaitingFinally").expect("from catch"),
          of("cases.jumps.Jumps", "breakFromSwitchInsideLoop", 5).expect(122),
          of("cases.jumps.Jumps", "whileWithAwaitsOnBothSidesOfAnd", 5).expect(2));

  static final List<List<AsyncCase>> ALL =
      List.of(
          STRAIGHT_LINE, BLOCKS, IF_ELSE, LOOPS, FOR_LOOPS, FOR_EACH, LABELS, SWITCHES,
          SWITCH_FORMS, JUMPS);

  @TestFactory
  Stream<DynamicTest> straightLineCodeAndEveryStatementForm() {
    return Corpus.oracleTests(STRAIGHT_LINE);
  }

  @TestFactory
  Stream<DynamicTest> blocks() {
    return Corpus.oracleTests(BLOCKS);
  }

  @TestFactory
  Stream<DynamicTest> ifElse() {
    return Corpus.oracleTests(IF_ELSE);
  }

  @TestFactory
  Stream<DynamicTest> whileAndDoWhile() {
    return Corpus.oracleTests(LOOPS);
  }

  @TestFactory
  Stream<DynamicTest> forLoops() {
    return Corpus.oracleTests(FOR_LOOPS);
  }

  @TestFactory
  Stream<DynamicTest> forEach() {
    return Corpus.oracleTests(FOR_EACH);
  }

  @TestFactory
  Stream<DynamicTest> labelledJumps() {
    return Corpus.oracleTests(LABELS);
  }

  @TestFactory
  Stream<DynamicTest> switches() {
    return Corpus.oracleTests(SWITCHES);
  }

  @TestFactory
  Stream<DynamicTest> switchExpressionsAndStatements() {
    return Corpus.oracleTests(SWITCH_FORMS);
  }

  @TestFactory
  Stream<DynamicTest> jumpsThroughAwaits() {
    return Corpus.oracleTests(JUMPS);
  }
}
