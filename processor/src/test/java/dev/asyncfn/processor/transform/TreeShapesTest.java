/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.processor.transform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.palantir.javapoet.CodeBlock;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.util.TreePath;
import dev.asyncfn.processor.analysis.ProcessingHarness;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Small questions about the shape of trees and of generated code. */
class TreeShapesTest {
  static ProcessingHarness javac;
  static TreePath method;

  @BeforeAll
  static void compile() {
    javac =
        ProcessingHarness.compile(
            """
            package shapes;

            class Shapes {
              static Shapes s;
              Shapes t;
              int u;
              Shapes m() { return this; }

              void shapes(boolean x) {
                Object a = ((x));
                boolean b = true, c = false, d = (true);
                int e = s.t.u;
                int f = m().t.u;
              }
            }
            """);
    method = javac.method("shapes.Shapes", "shapes");
  }

  @AfterAll
  static void close() {
    javac.close();
  }

  private static ExpressionTree initializer(String local) {
    return javac.local(method, local).getInitializer();
  }

  @Test
  void unparenRemovesEveryParenthesis() {
    ExpressionTree wrapped = initializer("a");
    ExpressionTree x = TreeShapes.unparen(wrapped);
    assertTrue(x instanceof IdentifierTree);
    assertEquals("x", ((IdentifierTree) x).getName().toString());
    assertSame(x, TreeShapes.unparen(x));
  }

  @Test
  void onlyTheLiteralTrueIsTheTrueLiteral() {
    assertTrue(TreeShapes.isTrueLiteral(initializer("b")));
    assertFalse(TreeShapes.isTrueLiteral(initializer("c")));
    assertFalse(TreeShapes.isTrueLiteral(TreeShapes.unparen(initializer("a"))));
  }

  @Test
  void aParenthesizedTrueIsTheTrueLiteralOnlyOnceUnparenthesized() {
    ExpressionTree d = initializer("d");
    assertTrue(d instanceof ParenthesizedTree);
    assertFalse(TreeShapes.isTrueLiteral(d));
    assertTrue(TreeShapes.isTrueLiteral(TreeShapes.unparen(d)));
  }

  @Test
  void theRootOfAQualifiedNameIsItsLeftmostName() {
    ExpressionTree root = TreeShapes.rootOf(initializer("e"));
    assertEquals("s", ((IdentifierTree) root).getName().toString());
    assertSame(root, TreeShapes.rootOf(root));
  }

  @Test
  void theRootOfASelectOnACallIsTheCall() {
    assertTrue(TreeShapes.rootOf(initializer("f")) instanceof MethodInvocationTree);
  }

  @Test
  void aBareNameIsOneIdentifierAndNothingElse() {
    assertTrue(TreeShapes.isBareName(CodeBlock.of("$N", "held3")));
    assertTrue(TreeShapes.isBareName(CodeBlock.of("$$_x")));
    assertFalse(TreeShapes.isBareName(CodeBlock.of("self.count")));
    assertFalse(TreeShapes.isBareName(CodeBlock.of("x++")));
    assertFalse(TreeShapes.isBareName(CodeBlock.of("f()")));
    assertFalse(TreeShapes.isBareName(CodeBlock.of("3")));
    assertFalse(TreeShapes.isBareName(CodeBlock.of("")));
  }

  @Test
  void oneLineCollapsesWhitespace() {
    assertEquals("await( later(1))", TreeShapes.oneLine("  await(\n      later(1))\n"));
  }

  @Test
  void oneLineShortensToEightyCharacters() {
    String eighty = "x".repeat(80);
    assertEquals(eighty, TreeShapes.oneLine(eighty));
    String shortened = TreeShapes.oneLine("y".repeat(81));
    assertEquals(80, shortened.length());
    assertEquals("y".repeat(77) + "...", shortened);
  }
}
