/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.processor.transform;

import com.palantir.javapoet.CodeBlock;
import com.sun.source.tree.DoWhileLoopTree;
import com.sun.source.tree.EnhancedForLoopTree;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.ForLoopTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.tree.WhileLoopTree;
import dev.asyncfn.processor.model.RuntimeApi;
import java.util.List;

/**
 * Loops with an await in them: the condition, the body and the update become states, and {@code
 * break}/{@code continue} become jumps to them (through any finally block in between).
 */
final class LoopLowering {
  private final Lowering l;

  LoopLowering(Lowering l) {
    this.l = l;
  }

  void whileLoop(WhileLoopTree t, String label) {
    Frame frame = l.graph.current().frame();
    State cond = l.graph.newState();
    State end = l.graph.newState();
    l.graph.gotoState(cond);
    l.graph.activate(cond, frame);
    l.describe(cond, "condition of the while loop", t);
    ExpressionTree c = TreeShapes.unparen(t.getCondition());
    l.statements.hoistBindings(c);
    if (!TreeShapes.isTrueLiteral(c)) {
      CodeBlock cv = l.expressions.lower(c, false);
      l.graph.line("if (!($L)) { $L }", cv, l.exits.jump(end, frame));
    }
    body(t, label, t.getStatement(), end, cond, frame);
    l.graph.gotoState(cond);
    l.graph.activate(end, frame);
    l.describe(end, "after the while loop", t);
  }

  void doWhileLoop(DoWhileLoopTree t, String label) {
    Frame frame = l.graph.current().frame();
    State body = l.graph.newState();
    State cond = l.graph.newState();
    State end = l.graph.newState();
    l.graph.gotoState(body);
    l.graph.activate(body, frame);
    l.describe(body, "body of the do-while loop", t);
    body(t, label, t.getStatement(), end, cond, frame);
    l.graph.gotoState(cond);
    l.graph.activate(cond, frame);
    l.describe(cond, "condition of the do-while loop", t);
    CodeBlock cv = l.expressions.lower(TreeShapes.unparen(t.getCondition()), false);
    l.graph.line("if ($L) { $L }", cv, l.exits.jump(body, frame));
    l.graph.gotoState(end);
    l.graph.activate(end, frame);
    l.describe(end, "after the do-while loop", t);
  }

  void forLoop(ForLoopTree t, String label) {
    Frame frame = l.graph.current().frame();
    Tree scopeAt = t.getCondition() != null ? t.getCondition() : t.getStatement();
    for (StatementTree init : t.getInitializer()) {
      if (init instanceof VariableTree) {
        l.statements.variable((VariableTree) init, scopeAt);
      } else {
        l.statements.lower(init, null);
      }
    }
    State cond = l.graph.newState();
    State update = l.graph.newState();
    State end = l.graph.newState();
    l.graph.gotoState(cond);
    l.graph.activate(cond, frame);
    l.describe(cond, "condition of the for loop", t);
    if (t.getCondition() != null && !TreeShapes.isTrueLiteral(TreeShapes.unparen(t.getCondition()))) {
      CodeBlock cv = l.expressions.lower(TreeShapes.unparen(t.getCondition()), false);
      l.graph.line("if (!($L)) { $L }", cv, l.exits.jump(end, frame));
    }
    body(t, label, t.getStatement(), end, update, frame);
    l.graph.gotoState(update);
    l.graph.activate(update, frame);
    l.describe(update, "update of the for loop", t);
    for (ExpressionStatementTree u : t.getUpdate()) {
      l.statements.lower(u, null);
    }
    l.graph.gotoState(cond);
    l.graph.activate(end, frame);
    l.describe(end, "after the for loop", t);
  }

  /**
   * for-each: over an array local or parameter, the array and an index are held (JLS 14.14.2: the
   * expression is evaluated once); over anything else, the iterator, created once.
   */
  void forEachLoop(EnhancedForLoopTree t, String label) {
    MethodInvocationTree each = l.awaits.eachCall(t);
    if (each != null) {
      awaitEachLoop(t, each, label);
      return;
    }
    Frame frame = l.graph.current().frame();
    VariableTree var = t.getVariable();
    String varField = l.locals.hoist(var, t.getStatement());
    String arrayType = l.locals.arrayTypeOf(TreeShapes.unparen(t.getExpression()));
    State cond = l.graph.newState();
    State end = l.graph.newState();
    if (arrayType != null) {
      String array = l.fields.add(l.fields.fresh(var.getName() + "Array"), arrayType, null);
      String index = l.fields.add(l.fields.fresh(var.getName() + "Index"), "int", null);
      l.graph.line("$N = $L;", array, l.expressions.lower(t.getExpression(), false));
      l.graph.line("$N = 0;", index);
      l.graph.gotoState(cond);
      l.graph.activate(cond, frame);
      l.describe(cond, "next element of the for-each loop", t);
      l.graph.line(
          "if ($N >= $N.length) { $N = null; $L }", index, array, array, l.exits.jump(end, frame));
      l.graph.line("$N = $N[$N++];", varField, array, index);
    } else {
      String it = l.fields.add(l.fields.fresh(var.getName() + "Iterator"), "java.util.Iterator<?>", null);
      CodeBlock iterable = l.expressions.lower(t.getExpression(), false);
      l.graph.line("$N = $T.iterator($L);", it, RuntimeApi.MACHINES, iterable);
      l.graph.gotoState(cond);
      l.graph.activate(cond, frame);
      l.describe(cond, "next element of the for-each loop", t);
      l.graph.line("if (!$N.hasNext()) { $N = null; $L }", it, it, l.exits.jump(end, frame));
      assignElement(varField, CodeBlock.of("$N.next()", it));
    }
    body(t, label, t.getStatement(), end, cond, frame);
    l.graph.gotoState(cond);
    l.graph.activate(end, frame);
    l.describe(end, "after the for-each loop", t);
  }

  /**
   * {@code for (T x : awaitEach(stream))} (docs/streams.md, "For the processor"): the stream is
   * evaluated once and held like a try-with-resources resource, closed however the loop is left
   * (its end, break, return, an exception, the machine's cancel(); closing after the end does
   * nothing); each iteration awaits {@code next()}, and null ends the loop.
   */
  private void awaitEachLoop(EnhancedForLoopTree t, MethodInvocationTree each, String label) {
    Frame frame = l.graph.current().frame();
    VariableTree var = t.getVariable();
    String varField = l.locals.hoist(var, t.getStatement());
    String shown = TreeShapes.oneLine(l.src.of(each));
    String stream =
        l.fields.add(
            l.fields.fresh(var.getName() + "Stream"),
            RuntimeApi.ASYNC_STREAM_TYPE,
            "the stream of the for-each loop at " + l.src.fileName() + ":" + l.src.line(t));
    l.graph.line("$N = $L;", stream, l.expressions.lower(each.getArguments().get(0), false));
    Frame.FinallyRegion fin = l.tries.closeRegion();
    Frame loopFrame = new Frame(frame, fin, List.of(), "stream " + shown);
    State cond = l.graph.newState();
    State exit = l.graph.newState();
    State end = l.graph.newState();
    l.graph.gotoState(cond);
    l.graph.activate(cond, loopFrame);
    l.describe(cond, "next element of the for-each loop", t);
    String poll =
        l.awaitLowering.suspendOn(
            CodeBlock.of("$N.next()", stream), "resumes with the next element of " + shown, t);
    String next = l.fields.local("next");
    l.graph.line("java.lang.Object $N = $N.get();", next, poll);
    l.graph.line("if ($N == null) { $L }", next, l.exits.jump(exit, loopFrame));
    assignElement(varField, CodeBlock.of("$N", next));
    body(t, label, t.getStatement(), exit, cond, loopFrame);
    l.graph.gotoState(cond);
    // every way out of the loop passes here or through the close: break and the end come here
    l.graph.activate(exit, loopFrame);
    l.describe(exit, "leaves the for-each loop", t);
    l.graph.line("$L", l.exits.jump(end, frame));
    l.graph.terminate();
    l.tries.closes(fin, frame, stream, shown);
    l.graph.activate(end, frame);
    l.describe(end, "after the for-each loop", t);
    l.graph.line("$N = null;", stream);
  }

  /** Stores {@code element} (an {@code Object}) into the loop variable's field, converted. */
  private void assignElement(String varField, CodeBlock element) {
    String varType = l.fields.typeOf(varField);
    if (TreeShapes.PRIMITIVES.contains(varType)) {
      // A primitive loop variable may widen or unbox the element (`for (long v : intArrayCall())`):
      // the element is unboxed and widened exactly as the for-each's assignment would.
      l.graph.line("$N = $L;", varField, Witnesses.readAs(varType, element));
    } else {
      // A reference loop variable: the for-each's own conversion is this checked cast.
      l.graph.line("$N = ($L) $L;", varField, varType, element);
    }
  }

  /** The loop's body, with {@code break} going to {@code end} and {@code continue} to {@code next}. */
  private void body(Tree loop, String label, StatementTree body, State end, State next, Frame frame) {
    l.exits.pushTarget(new Exits.Target(loop, label, end, next, frame));
    l.statements.lower(body, null);
    l.exits.popTarget();
  }
}
