/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.processor.transform;

import com.palantir.javapoet.CodeBlock;
import com.sun.source.tree.CaseTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreeScanner;
import dev.asyncfn.processor.analysis.CaseLabels;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The dispatch of an enhanced switch (JDK 21: pattern labels, {@code case null}, guards) with an
 * await in it: a switch of the user's labels and guards whose bindings match into fresh locals,
 * stored into the machine's fields when the case is taken ({@code case Circle c1 when c1.r() > 0
 * -> { c = c1; state = 3; continue machine; }}); javac checks its exhaustiveness and dominance as
 * it did the user's. A guard that awaits is evaluated in a state of its own; when it is false, matching
 * resumes with the next case, so that each guard runs once and in order, as in the source.
 */
final class PatternDispatch {
  private final Lowering l;

  PatternDispatch(Lowering l) {
    this.l = l;
  }

  /** Whether {@code cases} need this dispatch rather than a switch on constants. */
  static boolean isEnhanced(List<? extends CaseTree> cases) {
    for (CaseTree c : cases) {
      if (CaseLabels.hasPattern(c) || CaseLabels.hasNull(c) || CaseLabels.guard(c) != null) {
        return true;
      }
    }
    return false;
  }

  /** A case whose guard awaits: its own state, entered once the case's labels matched. */
  private record AwaitingGuard(int index, CaseTree c, ExpressionTree guard, State state) {}

  /**
   * Ends the current state with the dispatch over {@code selector} (the lowered {@code
   * selectorTree}) to {@code caseStates}, one per case; {@code at} is the switch.
   */
  void dispatch(
      Tree at,
      ExpressionTree selectorTree,
      CodeBlock selector,
      List<? extends CaseTree> cases,
      List<State> caseStates,
      Frame frame) {
    boolean restarts = false;
    for (CaseTree c : cases) {
      restarts |= l.awaits.contains(CaseLabels.guard(c));
      for (Tree label : CaseLabels.labels(c)) {
        CaseLabels.bindings(CaseLabels.pattern(label)).forEach(l.locals::hoistBinding);
      }
    }
    String from = null;
    State match = null;
    if (restarts) {
      // the selector is matched again after a guard awaited false: evaluated once, and held
      selector = l.operands.hold(selectorTree, selector);
      from =
          l.fields.temp(
              "from",
              "int",
              "the first case the switch at " + l.src.fileName() + ":" + l.src.line(at)
                  + " tries (past one whose guard was false)");
      l.graph.line("$N = 0;", from);
      match = l.graph.newState();
      l.graph.gotoState(match);
      l.graph.activate(match, frame);
      l.describe(match, "matches the cases of the switch", at);
    }
    CodeBlock.Builder d = CodeBlock.builder().add("switch ($L) {\n", selector);
    List<AwaitingGuard> awaitingGuards = new ArrayList<>();
    for (int i = 0; i < cases.size(); i++) {
      CaseTree c = cases.get(i);
      ExpressionTree guard = CaseLabels.guard(c);
      List<CodeBlock> labels = new ArrayList<>();
      // each binding matches into a fresh local, stored into its field once the case is taken
      Map<Tree, CodeBlock> matched = new IdentityHashMap<>();
      CodeBlock.Builder stores = CodeBlock.builder();
      for (Tree label : CaseLabels.labels(c)) {
        Tree pattern = CaseLabels.pattern(label);
        if (CaseLabels.isDefault(label)) {
          labels.add(CodeBlock.of("default"));
        } else if (pattern != null) {
          labels.add(pattern(pattern, matched, stores));
        } else {
          labels.add(l.renderer.render(CaseLabels.constant(label), RenderMode.VALUE));
        }
      }
      List<CodeBlock> conditions = new ArrayList<>();
      if (restarts && guard != null) {
        conditions.add(CodeBlock.of("$N <= $L", from, i));
      }
      State go = caseStates.get(i);
      if (guard != null && l.awaits.contains(guard)) {
        go = l.graph.newState();
        awaitingGuards.add(new AwaitingGuard(i, c, guard, go));
      } else if (guard != null) {
        // a guard may not assign: it reads the bindings as matched, not their fields
        conditions.add(CodeBlock.of("($L)", l.renderer.render(guard, readsOf(guard, matched), RenderMode.VALUE)));
      }
      if (labels.size() == 1 && CaseLabels.isDefault(c)) {
        d.add("  default");
      } else {
        d.add("  case $L", CodeBlock.join(labels, ", "));
      }
      if (!conditions.isEmpty()) {
        d.add(" when $L", CodeBlock.join(conditions, " && "));
      }
      d.add(" -> { $L$L }\n", stores.build(), l.exits.jump(go, frame));
    }
    l.graph.line("$L}", d.build());
    l.graph.terminate();
    for (AwaitingGuard g : awaitingGuards) {
      l.graph.activate(g.state(), frame);
      l.describe(g.state(), "the guard of the case", g.c());
      CodeBlock condition = l.expressions.lower(TreeShapes.unparen(g.guard()), false);
      l.graph.line(
          "if (!($L)) { $N = $L; $L }", condition, from, g.index() + 1, l.exits.jump(match, frame));
      l.graph.gotoState(caseStates.get(g.index()));
    }
  }

  /**
   * {@code pattern} with each binding renamed to a fresh local ({@code Point(int x1, var y1)}),
   * recorded in {@code matched}, and its store into the binding's field added to {@code stores}.
   */
  private CodeBlock pattern(Tree pattern, Map<Tree, CodeBlock> matched, CodeBlock.Builder stores) {
    Map<Tree, CodeBlock> renamed = new IdentityHashMap<>();
    for (VariableTree var : CaseLabels.bindings(pattern)) {
      String tmp = l.fields.fresh(var.getName() + "Matched");
      renamed.put(var, CodeBlock.of("$L $N", l.renderer.bindingType(var), tmp));
      matched.put(var, CodeBlock.of("$N", tmp));
      stores.add("$N = $N; ", l.fields.hoisted(var), tmp);
    }
    return l.renderer.render(pattern, renamed, RenderMode.TYPING);
  }

  /** Overrides that make the reads in {@code guard} of the {@code matched} bindings read them. */
  private Map<Tree, CodeBlock> readsOf(ExpressionTree guard, Map<Tree, CodeBlock> matched) {
    Map<Tree, CodeBlock> reads = new IdentityHashMap<>();
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitIdentifier(IdentifierTree node, Void unused) {
        CodeBlock local = matched.get(l.names.local(node));
        if (local != null) {
          reads.put(node, local);
        }
        return null;
      }
    }.scan(guard, null);
    return reads;
  }
}
