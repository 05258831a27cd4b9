/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.processor.transform;

import com.palantir.javapoet.CodeBlock;
import com.sun.source.tree.CatchTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TryTree;
import com.sun.source.tree.UnionTypeTree;
import com.sun.source.tree.VariableTree;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code try} with an await in it. The try block is a region of the exception table whose
 * failures go to the catch blocks' states, then to the finally block's state; a finally block
 * ends as its completion record says ({@link dev.asyncfn.processor.model.CompletionProtocol}).
 * Each resource of a try-with-resources is a region of its own whose "finally" closes it, in
 * reverse order, a close failure after a primary failure suppressed into it (JLS 14.20.3).
 */
final class TryLowering {
  private final Lowering l;

  TryLowering(Lowering l) {
    this.l = l;
  }

  void tryStatement(TryTree t) {
    Frame outer = l.graph.current().frame();
    State after = l.graph.newState();
    Frame.FinallyRegion fin = null;
    if (t.getFinallyBlock() != null) {
      int n = l.fields.next();
      fin =
          new Frame.FinallyRegion(
              l.fields.add(
                  l.fields.fresh("finally" + n + "Next"),
                  "int",
                  "where the finally block at " + where(t.getFinallyBlock()) + " continues"),
              l.fields.add(l.fields.fresh("finally" + n + "Thrown"), "java.lang.Throwable", null),
              l.graph.newState());
    }
    List<Frame.CatchClause> catches = new ArrayList<>();
    for (CatchTree c : t.getCatches()) {
      List<CodeBlock> types = new ArrayList<>();
      Tree type = c.getParameter().getType();
      if (type instanceof UnionTypeTree) {
        for (Tree alt : ((UnionTypeTree) type).getTypeAlternatives()) {
          types.add(l.renderer.render(alt, RenderMode.TYPING));
        }
      } else {
        types.add(l.renderer.render(type, RenderMode.TYPING));
      }
      catches.add(new Frame.CatchClause(types, l.graph.newState()));
    }
    if (!catches.isEmpty() && l.caughtField == null) {
      l.caughtField =
          l.fields.add(
              l.fields.fresh("caught"),
              "java.lang.Throwable",
              "the exception a catch block is entered with");
    }
    Frame tryFrame =
        fin == null && catches.isEmpty()
            ? outer
            : new Frame(outer, fin, catches, "try at " + where(t));
    State body = l.graph.newState();
    if (fin != null) {
      l.graph.line("$N = null;", fin.thrown());
    }
    l.graph.gotoState(body);
    l.graph.activate(body, tryFrame);
    l.describe(body, "try block", t);
    resources(t, 0, tryFrame, outer, after);
    for (int i = 0; i < catches.size(); i++) {
      catchBlock(t.getCatches().get(i), catches.get(i).target(), fin, outer, after);
    }
    if (fin != null) {
      l.graph.activate(fin.entry(), outer);
      l.describe(fin.entry(), "finally block", t.getFinallyBlock());
      l.finallyDepth++;
      l.statements.lowerAll(t.getFinallyBlock().getStatements(), List.of());
      l.finallyDepth--;
      l.exits.finishFinally(fin);
    }
    l.graph.activate(after, outer);
    l.describe(after, "after the try statement", t);
  }

  private void catchBlock(
      CatchTree c, State target, Frame.FinallyRegion fin, Frame outer, State after) {
    Frame catchFrame =
        fin == null ? outer : new Frame(outer, fin, List.of(), "catch at " + where(c));
    l.graph.activate(target, catchFrame);
    l.describe(target, "catch (" + TreeShapes.oneLine(l.src.of(c.getParameter())) + ")", c);
    VariableTree param = c.getParameter();
    boolean union = param.getType() instanceof UnionTypeTree;
    String caught = l.caughtField;
    if (l.awaits.contains(c.getBlock())) {
      String field;
      if (union) {
        Tree scopeAt =
            c.getBlock().getStatements().isEmpty()
                ? c.getBlock()
                : c.getBlock().getStatements().get(0);
        field = l.locals.hoist(param, scopeAt);
      } else {
        field = l.locals.hoist(param, null);
      }
      l.graph.line("$N = ($L) $N;", field, l.fields.typeOf(field), caught);
      l.graph.line("$N = null;", caught);
      l.statements.lowerAll(c.getBlock().getStatements(), List.of());
    } else if (union) {
      String copy = l.fields.local("caughtNow");
      l.graph.line("java.lang.Throwable $N = $N;", copy, caught);
      l.graph.line("$N = null;", caught);
      // rethrow into a real multi-catch so that the union type and precise rethrow are javac's
      l.graph.line("try { throw $N; } $L", copy, l.renderer.render(c, RenderMode.VERBATIM));
      if (!l.completion.canComplete(c.getBlock())) {
        l.graph.terminate();
      }
    } else {
      l.graph.line(
          "$L",
          l.statements.declaration(
              param, CodeBlock.of("($L) $N", l.locals.typeText(param), caught)));
      l.graph.line("$N = null;", caught);
      l.statements.lowerAll(c.getBlock().getStatements(), List.of());
    }
    if (!l.graph.terminated()) {
      l.graph.line("$L", l.exits.jump(after, outer));
      l.graph.terminate();
    }
  }

  /** Resources {@code i..} of {@code t}, each a region whose "finally" closes it. */
  private void resources(TryTree t, int i, Frame frame, Frame outer, State after) {
    List<? extends Tree> resources = t.getResources();
    if (i == resources.size()) {
      l.statements.lowerAll(t.getBlock().getStatements(), List.of());
      if (!l.graph.terminated()) {
        l.graph.line("$L", l.exits.jump(after, outer));
        l.graph.terminate();
      }
      return;
    }
    Tree r = resources.get(i);
    String resource;
    if (r instanceof VariableTree) {
      VariableTree v = (VariableTree) r;
      Tree scopeAt =
          t.getBlock().getStatements().isEmpty() ? t.getBlock() : t.getBlock().getStatements().get(0);
      resource = l.locals.hoist(v, scopeAt);
      l.graph.line(
          "$N = $L;", resource, l.expressions.lowerTyped(v.getInitializer(), l.fields.typeOf(resource)));
    } else {
      resource =
          l.fields.temp("held", "java.lang.AutoCloseable", "resource of the try at " + where(t));
      l.graph.line("$N = $L;", resource, l.expressions.lower((ExpressionTree) r, false));
    }
    String shown = TreeShapes.oneLine(l.src.of(r));
    Frame.FinallyRegion fin = closeRegion();
    Frame resourceFrame = new Frame(frame, fin, List.of(), "resource " + shown);
    State body = l.graph.newState();
    l.graph.gotoState(body);
    l.graph.activate(body, resourceFrame);
    body.describe("with resource " + shown + " open", l.methodLine());
    resources(t, i + 1, resourceFrame, outer, after);
    closes(fin, frame, resource, shown);
  }

  /** The completion record of a region whose "finally" closes a resource, cleared. */
  Frame.FinallyRegion closeRegion() {
    int n = l.fields.next();
    Frame.FinallyRegion fin =
        new Frame.FinallyRegion(
            l.fields.add(l.fields.fresh("close" + n + "Next"), "int", null),
            l.fields.add(l.fields.fresh("close" + n + "Thrown"), "java.lang.Throwable", null),
            l.graph.newState());
    l.graph.line("$N = null;", fin.thrown());
    return fin;
  }

  /**
   * The "finally" of {@code fin}, in region {@code frame}: closes {@code resource} unless null, a
   * close failure after a primary failure suppressed into it (JLS 14.20.3), then goes on as the
   * completion record says.
   */
  void closes(Frame.FinallyRegion fin, Frame frame, String resource, String shown) {
    l.graph.activate(fin.entry(), frame);
    fin.entry().describe("closes " + shown, l.methodLine());
    l.exits.usesRethrow();
    String suppressed = l.fields.local("suppressed");
    l.graph.line("if ($N != null) {", resource);
    l.graph.line("  if ($N == $N) {", fin.next(), l.machineNames.rethrow());
    l.graph.line(
        "    try { $N.close(); } catch (java.lang.Throwable $N) { $N.addSuppressed($N); }",
        resource,
        suppressed,
        fin.thrown(),
        suppressed);
    l.graph.line("  } else {");
    l.graph.line("    $N.close();", resource);
    l.graph.line("  }");
    l.graph.line("}");
    l.exits.finishFinally(fin);
  }

  private String where(Tree t) {
    return l.src.fileName() + ":" + l.src.line(t);
  }
}
