/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.processor.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.sun.source.tree.BlockTree;
import com.sun.source.tree.BreakTree;
import com.sun.source.tree.ContinueTree;
import com.sun.source.tree.LabeledStatementTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.WhileLoopTree;
import com.sun.source.tree.YieldTree;
import com.sun.source.util.TreePath;
import javax.lang.model.element.TypeElement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * "Can this statement complete normally?" (JLS 14.22), for the first statement of each method
 * below. javac checks every expectation while the harness compiles: a {@code never...} method has
 * no return after its statement (javac would report a missing return if it could complete), and a
 * {@code completes...} method has one (javac would report it unreachable otherwise).
 */
class CompletionTest {
  static ProcessingHarness javac;

  @BeforeAll
  static void compile() {
    javac =
        ProcessingHarness.compile(
            """
            package completion;

            class Completion {
              static final boolean FOREVER = true;
              boolean c;
              int x;

              int neverReturn() { return 1; }
              int neverThrow() { throw new IllegalStateException(); }
              int neverBlockEndingInReturn() { { x++; return 1; } }
              int neverIfElseBothLeave() {
                if (c) return 1; else throw new IllegalStateException();
              }
              int neverWhileTrue() { while (true) { x++; } }
              int neverWhileParenthesizedTrue() { while ((true)) { } }
              int neverWhileTrueBreakingAnInnerLoop() { while (true) { for (;;) { break; } } }
              int neverWhileTrueBreakingASwitch() {
                while (true) { switch (x) { case 1: break; default: } }
              }
              int neverWhileTrueBreakingInALambda() {
                while (true) { Runnable r = () -> { for (;;) { break; } }; }
              }
              int neverForEver() { for (;;) { x++; } }
              int neverForTrue() { for (; true; ) { } }
              int neverDoWhileTrue() { do { x++; } while (true); }
              int neverLabeledLoopContinuingItself() { outer: while (true) { continue outer; } }
              int neverSynchronizedReturn() { synchronized (this) { return 1; } }
              int neverTryAndCatchBothReturn() {
                try { return 1; } catch (RuntimeException e) { return 2; }
              }
              @SuppressWarnings("finally")
              int neverFinallyReturns() { try { x++; } finally { return 1; } }
              int neverSwitchWithDefaultEveryGroupLeaving() {
                switch (x) { case 1: return 1; default: return 2; }
              }
              int neverArrowSwitchWithDefaultEveryRuleLeaving() {
                switch (x) {
                  case 1 -> { return 1; }
                  default -> throw new IllegalStateException();
                }
              }
              int neverDoWhoseBodyReturns() { do { return 1; } while (c); }
              int neverWhileConstantVariable() { while (FOREVER) { x++; } }
              int neverForConstantExpression() { for (; 1 < 2; ) { x++; } }
              int neverWhileConstantLocal() { final boolean on = true; while (on) { x++; } }
              int neverLabeledDoContinuedOnlyPastAReturn() {
                outer: do { if (c) continue outer; return 1; } while (true);
              }

              int completesExpression() { x++; return 0; }
              int completesIfWithoutElse() { if (c) return 1; return 0; }
              int completesIfElseOneBranchCompleting() { if (c) return 1; else x++; return 0; }
              int completesWhile() { while (c) { } return 0; }
              int completesWhileTrueWithBreak() { while (true) { if (c) break; } return 0; }
              int completesLabeledLoopLeftByItsLabel() {
                outer: while (true) { while (true) { break outer; } }
                return 0;
              }
              int completesFor() { for (int i = 0; i < 3; i++) { } return 0; }
              int completesForEverWithBreak() { for (;;) { break; } return 0; }
              int completesDoWhile() { do { x++; } while (c); return 0; }
              int completesDoWhileTrueWithBreak() { do { if (c) break; } while (true); return 0; }
              int completesDoContinuingPastItsReturn() {
                do { if (c) continue; return 1; } while (c);
                return 0;
              }
              int completesLabeledBlockLeftByBreak() {
                block: { if (c) break block; return 1; }
                return 0;
              }
              int completesTryWhoseCatchCompletes() {
                try { return 1; } catch (RuntimeException e) { x++; }
                return 0;
              }
              int completesTryFinally() { try { x++; } finally { x--; } return 0; }
              int completesSwitchWithoutDefault() { switch (x) { case 1: return 1; } return 0; }
              int completesSwitchWithBreak() {
                switch (x) { case 1: break; default: return 1; }
                return 0;
              }
              int completesSwitchWhoseLastGroupCompletes() {
                switch (x) { case 1: return 1; default: x++; }
                return 0;
              }
              int completesArrowSwitchWithAnExpressionRule() {
                switch (x) { case 1 -> x++; default -> { return 1; } }
                return 0;
              }
              int completesArrowSwitchWithACompletingBlock() {
                switch (x) { case 1 -> { x++; } default -> throw new IllegalStateException(); }
                return 0;
              }
              int completesSynchronized() { synchronized (this) { x++; } return 0; }
              int completesWhileOnDivisionByZero() { while (1 / 0 == 0) { x++; } return 0; }
              int completesWhileFinalLocalNotConstant() {
                final Boolean on = true;
                while (on) { x++; }
                return 0;
              }
              int completesLabeledDoContinued() {
                outer: do { if (c) continue outer; return 1; } while (c);
                return 0;
              }
              int completesLocalClass() { class Local {} return 0; }

              int jumps() {
                while (c) {
                  if (x > 1) break;
                  if (x > 2) continue;
                }
                return switch (x) { default: yield 1; };
              }
            }
            """);
  }

  @AfterAll
  static void close() {
    javac.close();
  }

  /** The completion analysis of {@code method}'s body: constants resolve in its scope. */
  private static Completion completion(String method) {
    TreePath path = javac.method("completion.Completion", method);
    TypeElement owner = javac.owner(path);
    TypeScope scope = new TypeScope(javac.elements(), owner, path.getCompilationUnit());
    BodyNames names =
        NameResolver.resolve(javac.elements(), owner, scope, (MethodTree) path.getLeaf());
    return new Completion(new ConstantValues(names, scope));
  }

  private static StatementTree first(String method) {
    return statement(method, 0);
  }

  private static StatementTree statement(String method, int index) {
    return ((MethodTree) javac.method("completion.Completion", method).getLeaf())
        .getBody()
        .getStatements()
        .get(index);
  }

  private static void assertCompletes(boolean expected, String... methods) {
    for (String m : methods) {
      assertEquals(expected, completion(m).canComplete(first(m)), m);
    }
  }

  @Test
  void returnThrowBreakContinueAndYieldNeverComplete() {
    assertCompletes(false, "neverReturn", "neverThrow");
    TreePath jumps = javac.method("completion.Completion", "jumps");
    Completion completion = completion("jumps");
    assertFalse(completion.canComplete(javac.find(jumps, BreakTree.class, "break;")));
    assertFalse(completion.canComplete(javac.find(jumps, ContinueTree.class, "continue;")));
    assertFalse(completion.canComplete(javac.find(jumps, YieldTree.class, "yield 1;")));
  }

  @Test
  void aBlockCompletesWhenEachOfItsStatementsDoes() {
    assertCompletes(false, "neverBlockEndingInReturn");
    assertCompletes(true, "completesExpression", "completesLocalClass");
  }

  @Test
  void anIfCompletesUnlessItHasAnElseAndNeitherBranchCompletes() {
    assertCompletes(false, "neverIfElseBothLeave");
    assertCompletes(true, "completesIfWithoutElse", "completesIfElseOneBranchCompleting");
  }

  @Test
  void aWhileLoopOnTrueCompletesOnlyByABreakThatLeavesIt() {
    assertCompletes(
        false,
        "neverWhileTrue",
        "neverWhileParenthesizedTrue",
        "neverWhileTrueBreakingAnInnerLoop",
        "neverWhileTrueBreakingASwitch",
        "neverWhileTrueBreakingInALambda");
    assertCompletes(true, "completesWhile", "completesWhileTrueWithBreak");
  }

  @Test
  void aForLoopWithoutConditionOrOnTrueCompletesOnlyByABreak() {
    assertCompletes(false, "neverForEver", "neverForTrue");
    assertCompletes(true, "completesFor", "completesForEverWithBreak");
  }

  @Test
  void aDoLoopOnTrueCompletesOnlyByABreak() {
    assertCompletes(false, "neverDoWhileTrue");
    assertCompletes(
        true,
        "completesDoWhile",
        "completesDoWhileTrueWithBreak",
        "completesDoContinuingPastItsReturn");
  }

  @Test
  void aLabeledStatementCompletesWhenABreakLeavesItsLabel() {
    assertCompletes(false, "neverLabeledLoopContinuingItself");
    assertCompletes(true, "completesLabeledLoopLeftByItsLabel", "completesLabeledBlockLeftByBreak");
  }

  @Test
  void loopsLeftOnlyByABreakOfAnOuterLabelDoNotCompleteThemselves() {
    LabeledStatementTree labeled =
        (LabeledStatementTree) first("completesLabeledLoopLeftByItsLabel");
    WhileLoopTree outer = (WhileLoopTree) labeled.getStatement();
    StatementTree inner = ((BlockTree) outer.getStatement()).getStatements().get(0);
    Completion completion = completion("completesLabeledLoopLeftByItsLabel");
    assertFalse(completion.canComplete(inner));
    assertFalse(completion.canComplete(outer));
  }

  @Test
  void synchronizedCompletesWhenItsBlockDoes() {
    assertCompletes(false, "neverSynchronizedReturn");
    assertCompletes(true, "completesSynchronized");
  }

  @Test
  void aTryCompletesWhenItsBlockOrACatchDoesAndItsFinallyBlockDoes() {
    assertCompletes(false, "neverTryAndCatchBothReturn", "neverFinallyReturns");
    assertCompletes(true, "completesTryWhoseCatchCompletes", "completesTryFinally");
  }

  @Test
  void aSwitchCompletesWithoutDefaultOrByABreakOrByItsLastGroup() {
    assertCompletes(false, "neverSwitchWithDefaultEveryGroupLeaving");
    assertCompletes(
        true,
        "completesSwitchWithoutDefault",
        "completesSwitchWithBreak",
        "completesSwitchWhoseLastGroupCompletes");
  }

  @Test
  void anArrowSwitchCompletesWhenARuleDoes() {
    assertCompletes(false, "neverArrowSwitchWithDefaultEveryRuleLeaving");
    assertCompletes(
        true,
        "completesArrowSwitchWithAnExpressionRule",
        "completesArrowSwitchWithACompletingBlock");
  }

  @Test
  void aDoLoopWhoseBodyNeverCompletesOrContinuesDoesNotComplete() {
    assertCompletes(false, "neverDoWhoseBodyReturns");
  }

  @Test
  void aLoopOnAConstantTrueConditionCompletesOnlyByABreak() {
    assertCompletes(false, "neverWhileConstantVariable", "neverForConstantExpression");
    assertCompletes(true, "completesWhileOnDivisionByZero");
  }

  @Test
  void aFinalLocalOfPrimitiveTypeWithAConstantInitializerIsAConstantCondition() {
    assertEquals(
        false,
        completion("neverWhileConstantLocal").canComplete(statement("neverWhileConstantLocal", 1)));
    assertEquals(
        true,
        completion("completesWhileFinalLocalNotConstant")
            .canComplete(statement("completesWhileFinalLocalNotConstant", 1)));
  }

  @Test
  void aLabeledDoLoopReachesItsConditionByAContinueOfItsLabel() {
    assertCompletes(false, "neverLabeledDoContinuedOnlyPastAReturn");
    assertCompletes(true, "completesLabeledDoContinued");
  }
}
