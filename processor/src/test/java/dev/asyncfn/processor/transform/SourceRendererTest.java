package dev.asyncfn.processor.transform;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
        l.renderer.render(javac.local(layout, "total"), RenderMode.VALUE).toString());
  }

  @Test
  void anExpressionLosesTheIndentationOfItsStatementNotItsOwn() {
    Lowering l = lowering(layout);
    ExpressionTree init = javac.local(layout, "total").getInitializer();
    assertEquals(
        "a\n    + 2\n    + Render.MAX", l.renderer.render(init, RenderMode.VALUE).toString());
  }

  @Test
  void aTextBlockKeepsItsIndentation() {
    Lowering l = lowering(layout);
    assertEquals(
        "String block = \"\"\"\n        hello\n          world\n        \"\"\";",
        l.renderer.render(javac.local(layout, "block"), RenderMode.VALUE).toString());
  }

  @Test
  void aContinuationLineAfterATextBlockLosesItsIndentationAgain() {
    Lowering l = lowering(layout);
    assertEquals(
        "String after = \"\"\"\n          text\n        \"\"\"\n    + a;",
        l.renderer.render(javac.local(layout, "after"), RenderMode.VALUE).toString());
  }

  @Test
  void membersOfTheClassAreQualifiedAndPrivateOnesGoThroughAnAccessor() {
    Lowering l = lowering(members);
    assertEquals(
        "self.count++;",
        l.renderer
            .render(
                javac.find(members, ExpressionStatementTree.class, "count++;"), RenderMode.VALUE)
            .toString());
    ExpressionStatementTree assignment =
        javac.find(
            members,
            ExpressionStatementTree.class,
            "this.count = twice(MAX) + size() + Nested.limit + secret;");
    assertEquals(
        "self.count = Render.twice(Render.MAX) + self.size() + Render.Nested.limit"
            + " + readSecret(self);",
        l.renderer.render(assignment, RenderMode.VALUE).toString());
  }

  @Test
  void aHoistedLocalReadsItsField() {
    Lowering l = lowering(captures);
    l.fields.hoist(javac.local(captures, "y"), "yField");
    assertEquals(
        "yField + 1",
        l.renderer
            .render(javac.local(captures, "z").getInitializer(), RenderMode.VALUE)
            .toString());
  }

  @Test
  void aCapturedHoistedLocalIsCopiedOnceIntoAFreshFinalLocalFirst() {
    Lowering l = lowering(captures);
    l.fields.hoist(javac.local(captures, "x"), l.fields.add("x", "int", null));
    assertEquals(
        "() -> xCaptured + xCaptured",
        l.renderer
            .render(javac.local(captures, "s").getInitializer(), RenderMode.VALUE)
            .toString());
    assertEquals("final var xCaptured = x;\n", l.graph.current().code().toString());
  }

  @Test
  void eachRenderingCopiesACapturedLocalAgainUnderAnotherName() {
    Lowering l = lowering(captures);
    l.fields.hoist(javac.local(captures, "y"), "yField");
    ExpressionTree lambda = javac.local(captures, "t").getInitializer();
    assertEquals("() -> yCaptured", l.renderer.render(lambda, RenderMode.VALUE).toString());
    assertEquals("() -> yCaptured2", l.renderer.render(lambda, RenderMode.VALUE).toString());
    assertEquals(
        "final var yCaptured = yField;\nfinal var yCaptured2 = yField;\n",
        l.graph.current().code().toString());
  }

  @Test
  void textThatIsNeverEvaluatedCopiesNothing() {
    Lowering l = lowering(captures);
    l.fields.hoist(javac.local(captures, "y"), "yField");
    assertEquals(
        "() -> yField",
        l.renderer
            .render(javac.local(captures, "t").getInitializer(), RenderMode.TYPING)
            .toString());
    assertEquals("", l.graph.current().code().toString());
  }

  @Test
  void aReturnInsideAWholeStatementBecomesTheMachinesReturn() {
    Lowering l = lowering(layout);
    IfTree ifTree = javac.first(layout, IfTree.class);
    assertEquals(
        "if (a > 0) {\n  { return complete(total); }\n}",
        l.renderer.render(ifTree, RenderMode.VERBATIM).toString());
    assertEquals(
        "if (a > 0) {\n  return total;\n}", l.renderer.render(ifTree, RenderMode.VALUE).toString());
  }

  @Test
  void anAwaitLeftUnloweredFailsUnlessTheTextIsOnlyTyped() {
    Lowering l = lowering(layout);
    ExpressionTree await = javac.find(layout, ReturnTree.class, "return await(f);").getExpression();
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> l.renderer.render(await, RenderMode.VALUE));
    assertTrue(e.getMessage().contains("Render.java:"), e.getMessage());
    assertEquals("await(f)", l.renderer.render(await, RenderMode.TYPING).toString());
  }
}
