/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.processor.transform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IfTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.util.TreePath;
import dev.asyncfn.processor.analysis.ProcessingHarness;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The user's source text re-emitted, rewritten only where it must be: continuation lines lose their
 * statement's indentation (text blocks keep theirs), members are qualified, hoisted locals read
 * their fields, a captured hoisted local is copied first, exits become transitions.
 */
class SourceRendererTest {
  static ProcessingHarness javac;
  static TreePath layout;
  static TreePath members;
  static TreePath captures;

  @BeforeAll
  static void compile() {
    javac =
        ProcessingHarness.compile(
            """
            package render;

            import static dev.asyncfn.runtime.Futures.await;

            import dev.asyncfn.runtime.Future;
            import java.util.function.Supplier;

            class Render {
              int count;
              static final int MAX = 3;
              private int secret;

              static class Nested {
                static int limit = 1;
              }

              static int twice(int x) { return 2 * x; }

              int size() { return count; }

              int layout(int a, Future<Integer> f) {
                int total = a
                    + 2
                    + MAX;
                String block = \"""
                    hello
                      world
                    \""";
                String after = \"""
                      text
                    \"""
                    + a;
                if (a > 0) {
                  return total;
                }
                return await(f);
              }

              void members() {
                count++;
                this.count = twice(MAX) + size() + Nested.limit + secret;
              }

              void captures(Future<Integer> f) {
                int x = 1;
                int y = 2;
                Supplier<Integer> s = () -> x + x;
                Supplier<Integer> t = () -> y;
                int z = y + 1;
                await(f);
              }
            }
            """);
    layout = javac.method("render.Render", "layout");
    members = javac.method("render.Render", "members");
    captures = javac.method("render.Render", "captures");
  }

  @AfterAll
  static void close() {
    javac.close();
  }

  /** A lowering of {@code method} with its entry state current, as when lowering starts. */
  private static Lowering lowering(TreePath method) {
    Lowering l = Lowerings.of(javac, method);
    l.graph.activate(l.graph.newState(), null);
    return l;
  }

  @Test
  void continuationLinesLoseTheIndentationOfTheirStatement() {
    Lowering l = lowering(layout);
    assertEquals(
        "int total = a\n    + 2\n    + Render.MAX;",
        Lowerings.text(l.renderer.render(javac.local(layout, "total"), RenderMode.VALUE)));
  }

  @Test
  void eachContinuationLineIsMarkedWithItsUserLineButNotInsideATextBlock() {
    Lowering l = lowering(layout);
    // int total = a (line 22), + 2 (23), + MAX (24); the text block's lines are not code
    assertEquals(
        "int total = a\n/*@asyncfn:23*/    + 2\n/*@asyncfn:24*/    + Render.MAX;",
        l.renderer.render(javac.local(layout, "total"), RenderMode.VALUE).toString());
    String block = l.renderer.render(javac.local(layout, "block"), RenderMode.VALUE).toString();
    assertFalse(block.contains("/*@asyncfn:"), block);
  }

  @Test
  void anExpressionLosesTheIndentationOfItsStatementNotItsOwn() {
    Lowering l = lowering(layout);
    ExpressionTree init = javac.local(layout, "total").getInitializer();
    assertEquals(
        "a\n    + 2\n    + Render.MAX", Lowerings.text(l.renderer.render(init, RenderMode.VALUE)));
  }

  @Test
  void aTextBlockKeepsItsIndentation() {
    Lowering l = lowering(layout);
    assertEquals(
        "String block = \"\"\"\n        hello\n          world\n        \"\"\";",
        Lowerings.text(l.renderer.render(javac.local(layout, "block"), RenderMode.VALUE)));
  }

  @Test
  void aContinuationLineAfterATextBlockLosesItsIndentationAgain() {
    Lowering l = lowering(layout);
    assertEquals(
        "String after = \"\"\"\n          text\n        \"\"\"\n    + a;",
        Lowerings.text(l.renderer.render(javac.local(layout, "after"), RenderMode.VALUE)));
  }

  @Test
  void membersOfTheClassAreQualifiedAndPrivateOnesGoThroughAnAccessor() {
    Lowering l = lowering(members);
    assertEquals(
        "self.count++;",
        Lowerings.text(l.renderer
            .render(
                javac.find(members, ExpressionStatementTree.class, "count++;"), RenderMode.VALUE)));
    ExpressionStatementTree assignment =
        javac.find(
            members,
            ExpressionStatementTree.class,
            "this.count = twice(MAX) + size() + Nested.limit + secret;");
    assertEquals(
        "self.count = Render.twice(Render.MAX) + self.size() + Render.Nested.limit"
            + " + readSecret(self);",
        Lowerings.text(l.renderer.render(assignment, RenderMode.VALUE)));
  }

  @Test
  void aHoistedLocalReadsItsField() {
    Lowering l = lowering(captures);
    l.fields.hoist(javac.local(captures, "y"), "yField");
    assertEquals(
        "yField + 1",
        Lowerings.text(l.renderer
            .render(javac.local(captures, "z").getInitializer(), RenderMode.VALUE)));
  }

  @Test
  void aCapturedHoistedLocalIsCopiedOnceIntoAFreshFinalLocalFirst() {
    Lowering l = lowering(captures);
    l.fields.hoist(javac.local(captures, "x"), l.fields.add("x", "int", null));
    assertEquals(
        "() -> xCaptured + xCaptured",
        Lowerings.text(l.renderer
            .render(javac.local(captures, "s").getInitializer(), RenderMode.VALUE)));
    assertEquals("final var xCaptured = x;\n", Lowerings.text(l.graph.current().code()));
  }

  @Test
  void eachRenderingCopiesACapturedLocalAgainUnderAnotherName() {
    Lowering l = lowering(captures);
    l.fields.hoist(javac.local(captures, "y"), "yField");
    ExpressionTree lambda = javac.local(captures, "t").getInitializer();
    assertEquals("() -> yCaptured", Lowerings.text(l.renderer.render(lambda, RenderMode.VALUE)));
    assertEquals("() -> yCaptured2", Lowerings.text(l.renderer.render(lambda, RenderMode.VALUE)));
    assertEquals(
        "final var yCaptured = yField;\nfinal var yCaptured2 = yField;\n",
        Lowerings.text(l.graph.current().code()));
  }

  @Test
  void textThatIsNeverEvaluatedCopiesNothing() {
    Lowering l = lowering(captures);
    l.fields.hoist(javac.local(captures, "y"), "yField");
    assertEquals(
        "() -> yField",
        Lowerings.text(l.renderer
            .render(javac.local(captures, "t").getInitializer(), RenderMode.TYPING)));
    assertEquals("", Lowerings.text(l.graph.current().code()));
  }

  @Test
  void aReturnInsideAWholeStatementBecomesTheMachinesReturn() {
    Lowering l = lowering(layout);
    IfTree ifTree = javac.first(layout, IfTree.class);
    assertEquals(
        "if (a > 0) {\n  { return complete(total); }\n}",
        Lowerings.text(l.renderer.render(ifTree, RenderMode.VERBATIM)));
    assertEquals(
        "if (a > 0) {\n  return total;\n}", Lowerings.text(l.renderer.render(ifTree, RenderMode.VALUE)));
  }

  @Test
  void anAwaitLeftUnloweredFailsUnlessTheTextIsOnlyTyped() {
    Lowering l = lowering(layout);
    ExpressionTree await = javac.find(layout, ReturnTree.class, "return await(f);").getExpression();
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> l.renderer.render(await, RenderMode.VALUE));
    assertTrue(e.getMessage().contains("Render.java:"), e.getMessage());
    assertEquals("await(f)", Lowerings.text(l.renderer.render(await, RenderMode.TYPING)));
  }
}
