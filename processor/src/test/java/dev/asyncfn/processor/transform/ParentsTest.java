/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.processor.transform;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.source.tree.BreakTree;
import com.sun.source.tree.ConditionalExpressionTree;
import com.sun.source.tree.ContinueTree;
import com.sun.source.tree.EnhancedForLoopTree;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.IfTree;
import com.sun.source.tree.LabeledStatementTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.SwitchExpressionTree;
import com.sun.source.tree.SwitchTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.tree.WhileLoopTree;
import com.sun.source.tree.YieldTree;
import com.sun.source.util.TreePath;
import dev.asyncfn.processor.analysis.ProcessingHarness;
import dev.asyncfn.processor.analysis.SourceText;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The surroundings of a tree: its statement, whether it is in a loop, the context that types it.
 */
class ParentsTest {
  static ProcessingHarness javac;
  static TreePath shapes;
  static Parents parents;
  static TreePath jumps;
  static Parents jumpParents;
  static Predicate<VariableTree> isVar;

  @BeforeAll
  static void compile() {
    javac =
        ProcessingHarness.compile(
            """
            package parents;

            import java.util.List;

            class Shapes {
              static int f(Object o) { return 0; }
              static Object id(Object o) { return o; }

              Object shapes(boolean c, List<Integer> xs, Integer a, Integer b, int r, boolean c1,
                  boolean c2, boolean c3, boolean c4, boolean c5, boolean c6, boolean c7,
                  boolean c8, boolean c9, boolean c10, boolean c11, boolean c12, boolean c13,
                  boolean c14, boolean c15, boolean c17, boolean c18) {
                int n = f(c1 ? a : b);
                Object o = c2 ? a : b;
                var v = c3 ? a : b;
                o = c4 ? a : b;
                o = (c5 ? a : b);
                o = c6 ? (c7 ? a : b) : b;
                o = (c8 ? c : c1) ? a : b;
                o = new Object[] { c9 ? a : b };
                o = id(switch (r) { case 1 -> c10 ? a : b; default -> { yield c11 ? a : b; } });
                var w = switch (r) { case 1 -> c12 ? a : b; default -> { yield c13 ? a : b; } };
                o = (c14 ? a : b).toString();
                o = new StringBuilder(c15 ? "x" : "y");
                int s = 1 + (c17 ? a : b);
                o = (Object) (c18 ? a : b);
                if (f(n) > 0) {
                  o = n;
                }
                while (c) {
                  for (int x : xs) {
                    o = id(x);
                  }
                }
                Runnable run = () -> {
                  f(r);
                };
                switch (r) {
                  case 1:
                    f(1);
                    break;
                  default:
                    f(2);
                }
                return c ? a : b;
              }

              int jumps(boolean c, int r) {
                outer:
                for (int i = 0; i < r; i++) {
                  while (c) {
                    if (r > 1) break;
                    switch (r) {
                      case 2: continue;
                      case 3: break;
                      default: continue outer;
                    }
                  }
                }
                return switch (r) {
                  case 1 -> switch (r + 1) { default -> { yield 2; } };
                  default -> { yield 3; }
                };
              }
            }
            """);
    shapes = javac.method("parents.Shapes", "shapes");
    parents = new Parents((MethodTree) shapes.getLeaf());
    jumps = javac.method("parents.Shapes", "jumps");
    jumpParents = new Parents((MethodTree) jumps.getLeaf());
    SourceText src = javac.source(shapes.getCompilationUnit());
    // as LocalTypes.isVar
    isVar =
        v ->
            v.getType() == null
                || !src.hasPosition(v.getType())
                || src.of(v.getType()).equals("var");
  }

  @AfterAll
  static void close() {
    javac.close();
  }

  private static <T extends Tree> T in(Class<T> type, String text) {
    return javac.find(shapes, type, text);
  }

  private static boolean poly(String conditional) {
    return parents.inPolyContext(in(ConditionalExpressionTree.class, conditional), isVar);
  }

  @Test
  void theParentOfATreeIsTheTreeDirectlyAroundIt() {
    MethodInvocationTree call = in(MethodInvocationTree.class, "f(c1 ? a : b)");
    assertSame(call, parents.of(in(ConditionalExpressionTree.class, "c1 ? a : b")));
    assertSame(javac.local(shapes, "n"), parents.of(call));
    assertNull(parents.of(shapes.getLeaf()));
  }

  @Test
  void theStatementOfAnExpressionIsTheStatementOfItsBlock() {
    assertSame(javac.local(shapes, "n"), parents.statementOf(in(IdentifierTree.class, "c1")));
    MethodInvocationTree condition = in(MethodInvocationTree.class, "f(n)");
    Tree ifTree = parents.of(parents.of(parents.of(condition)));
    assertTrue(ifTree instanceof IfTree);
    assertSame(ifTree, parents.statementOf(condition));
  }

  @Test
  void aStatementIsItsOwnStatement() {
    ExpressionStatementTree s = in(ExpressionStatementTree.class, "o = id(x);");
    assertSame(s, parents.statementOf(s));
  }

  @Test
  void theStatementOfATreeInALoopBodyOrALambdaOrACaseIsTheInnermostOne() {
    assertSame(
        in(ExpressionStatementTree.class, "o = id(x);"),
        parents.statementOf(in(MethodInvocationTree.class, "id(x)")));
    assertSame(
        in(ExpressionStatementTree.class, "f(r);"),
        parents.statementOf(in(MethodInvocationTree.class, "f(r)")));
    assertSame(
        in(ExpressionStatementTree.class, "f(1);"),
        parents.statementOf(in(MethodInvocationTree.class, "f(1)")));
  }

  @Test
  void aTreeIsInALoopWhenAnyLoopOfTheMethodEnclosesIt() {
    assertTrue(parents.inLoop(in(MethodInvocationTree.class, "id(x)")));
    assertTrue(parents.inLoop(javac.first(shapes, EnhancedForLoopTree.class)));
    assertTrue(parents.inLoop(in(ParenthesizedTree.class, "(c)")));
    assertFalse(parents.inLoop(javac.first(shapes, WhileLoopTree.class)));
    assertFalse(parents.inLoop(in(MethodInvocationTree.class, "f(c1 ? a : b)")));
    assertFalse(parents.inLoop(in(MethodInvocationTree.class, "f(r)")));
  }

  @Test
  void argumentsOfCallsAndConstructorsAreInAnInvocationContext() {
    assertTrue(poly("c1 ? a : b"));
    assertTrue(poly("c15 ? \"x\" : \"y\""));
  }

  @Test
  void assignmentsReturnsArrayInitializersAndTypedLocalsAreAssignmentContexts() {
    assertTrue(poly("c4 ? a : b"));
    assertTrue(poly("c ? a : b"));
    assertTrue(poly("c9 ? a : b"));
    assertTrue(poly("c2 ? a : b"));
  }

  @Test
  void theInitializerOfAVarLocalHasNoContext() {
    assertFalse(poly("c3 ? a : b"));
  }

  @Test
  void parenthesesAndConditionalBranchesPassTheirContextOn() {
    assertTrue(poly("c5 ? a : b"));
    assertTrue(poly("c7 ? a : b"));
  }

  @Test
  void theConditionOfAConditionalHasNoContext() {
    assertFalse(poly("c8 ? c : c1"));
  }

  @Test
  void switchExpressionResultsTakeTheSwitchExpressionsContext() {
    assertTrue(poly("c10 ? a : b"));
    assertTrue(poly("c11 ? a : b"));
    assertFalse(poly("c12 ? a : b"));
    assertFalse(poly("c13 ? a : b"));
  }

  @Test
  void operandsReceiversAndCastsAreNoAssignmentOrInvocationContext() {
    assertFalse(poly("c14 ? a : b"));
    assertFalse(poly("c17 ? a : b"));
    assertFalse(poly("c18 ? a : b"));
  }

  @Test
  void aJumpTargetsInsideARootThatContainsItsLoop() {
    BreakTree breakWhile = javac.find(jumps, BreakTree.class, "break;");
    IfTree ifTree = javac.find(jumps, IfTree.class, "if (r > 1) break;");
    WhileLoopTree loop = javac.first(jumps, WhileLoopTree.class);
    assertFalse(jumpParents.targetsInside(breakWhile, ifTree, null, true));
    assertTrue(jumpParents.targetsInside(breakWhile, loop, null, true));
    assertFalse(jumpParents.targetsInside(breakWhile, breakWhile, null, true));
  }

  @Test
  void aSwitchIsTheTargetOfABreakButNotOfAContinue() {
    BreakTree breakSwitch = javac.findAll(jumps, BreakTree.class, "break;").get(1);
    ContinueTree cont = javac.find(jumps, ContinueTree.class, "continue;");
    SwitchTree sw = javac.first(jumps, SwitchTree.class);
    assertSame(sw, jumpParents.of(jumpParents.of(breakSwitch)));
    assertTrue(jumpParents.targetsInside(breakSwitch, sw, null, true));
    assertFalse(jumpParents.targetsInside(cont, sw, null, false));
    assertTrue(
        jumpParents.targetsInside(cont, javac.first(jumps, WhileLoopTree.class), null, false));
  }

  @Test
  void aLabeledJumpTargetsInsideOnlyARootThatContainsItsLabel() {
    ContinueTree outer = javac.find(jumps, ContinueTree.class, "continue outer;");
    LabeledStatementTree labeled = javac.first(jumps, LabeledStatementTree.class);
    assertFalse(jumpParents.targetsInside(outer, labeled.getStatement(), outer.getLabel(), false));
    assertTrue(jumpParents.targetsInside(outer, labeled, outer.getLabel(), false));
  }

  @Test
  void aYieldIsInsideANestedSwitchExpressionOnlyBelowTheRoot() {
    SwitchExpressionTree outerSwitch = javac.first(jumps, SwitchExpressionTree.class);
    YieldTree nested = javac.find(jumps, YieldTree.class, "yield 2;");
    YieldTree own = javac.find(jumps, YieldTree.class, "yield 3;");
    assertTrue(jumpParents.yieldInside(nested, outerSwitch));
    assertFalse(jumpParents.yieldInside(own, jumpParents.of(own)));
    assertFalse(jumpParents.yieldInside(own, own));
  }
}
