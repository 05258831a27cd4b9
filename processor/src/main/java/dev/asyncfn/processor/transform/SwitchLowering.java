/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.processor.transform;

import com.palantir.javapoet.CodeBlock;
import com.sun.source.tree.CaseTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.SwitchExpressionTree;
import com.sun.source.tree.SwitchTree;
import com.sun.source.tree.Tree;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Switch statements and switch expressions with an await in a case: the selector is evaluated
 * once and a switch on it jumps to one state per case; old-style cases fall through into the next
 * case's state, rules go to the end. A switch expression's {@code yield}s store its value in a
 * field, read back where the expression is used.
 */
final class SwitchLowering {
  private final Lowering l;

  private final PatternDispatch patterns;

  SwitchLowering(Lowering l) {
    this.l = l;
    this.patterns = new PatternDispatch(l);
  }

  private List<State> newStates(int n) {
    List<State> states = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      states.add(l.graph.newState());
    }
    return states;
  }

  void switchStatement(SwitchTree t, String label) {
    Frame frame = l.graph.current().frame();
    CodeBlock selector = l.expressions.lower(TreeShapes.unparen(t.getExpression()), false);
    State end = l.graph.newState();
    List<State> caseStates = new ArrayList<>();
    if (PatternDispatch.isEnhanced(t.getCases())) {
      caseStates.addAll(newStates(t.getCases().size()));
      patterns.dispatch(t, t.getExpression(), selector, t.getCases(), caseStates, frame);
    } else {
      CodeBlock.Builder dispatch = CodeBlock.builder();
      boolean hasDefault = dispatch(selector, t.getCases(), caseStates, frame, dispatch);
      l.graph.line("$L}", dispatch.build());
      if (!hasDefault) {
        l.graph.line("$L", l.exits.jump(end, frame));
      }
      l.graph.terminate();
    }
    l.exits.pushTarget(new Exits.Target(t, label, end, null, frame));
    cases(t.getCases(), caseStates, end, frame, "case of the switch", null);
    l.exits.popTarget();
    l.graph.activate(end, frame);
    l.describe(end, "after the switch", t);
  }

  /**
   * A switch expression; {@code target} is the type of the sink its value goes to, when known.
   * Returns the read of its value.
   */
  CodeBlock switchExpression(SwitchExpressionTree t, String target) {
    Frame frame = l.graph.current().frame();
    CodeBlock selector = l.expressions.lower(TreeShapes.unparen(t.getExpression()), false);
    String result =
        l.fields.temp(
            "held",
            "java.lang.Object",
            "value of the switch expression at " + l.src.fileName() + ":" + l.src.line(t));
    State end = l.graph.newState();
    List<State> caseStates = new ArrayList<>();
    if (PatternDispatch.isEnhanced(t.getCases())) {
      caseStates.addAll(newStates(t.getCases().size()));
      patterns.dispatch(t, t.getExpression(), selector, t.getCases(), caseStates, frame);
    } else {
      CodeBlock.Builder dispatch = CodeBlock.builder();
      if (!dispatch(selector, t.getCases(), caseStates, frame, dispatch)) {
        // an enum switch expression without default: a new constant fails as javac's would
        dispatch.add("  default: throw new java.lang.IncompatibleClassChangeError();\n");
      }
      l.graph.line("$L}", dispatch.build());
      l.graph.terminate();
    }
    // an argument or an assignment: the target types the switch, as in the source
    boolean poly = target == null && l.parents.inPolyContext(t, l.locals::isVar);
    SwitchValues values = new SwitchValues(t, l.names, l.parents);
    String arm =
        poly && values.size() > 1
            ? l.fields.temp(
                "arm", "int", "which value the switch expression at " + l.src.fileName() + ":"
                    + l.src.line(t) + " gave")
            : null;
    Exits.YieldTarget y =
        new Exits.YieldTarget(
            result, target, end, frame, l.fields.fresh("yielded"), arm, values);
    l.exits.pushYield(y);
    cases(t.getCases(), caseStates, end, frame, "case of the switch expression", y);
    l.exits.popYield();
    l.graph.activate(end, frame);
    l.describe(end, "continues after the switch expression", t);
    if (target != null) {
      return CodeBlock.of("(($L) $N)", target, result);
    }
    if (poly) {
      return valuewiseRead(t, result, arm, values);
    }
    CodeBlock typing = l.renderer.render(t, RenderMode.TYPING);
    // a standalone switch (an operand): a var declaration types it standalone too (JLS 15.28.1:
    // results of Integer and long make it a long), where a lambda's return would take their lub
    return Witnesses.asStandalone(result, typing, l.fields.fresh("switchValue"));
  }

  /**
   * The held value of a poly switch expression, read by a switch over which value it was (when
   * there are several). One witness for the whole switch would infer its type variable from every
   * value at once (an int and a Byte give lub(Integer, Byte), which no int target accepts); in the
   * source each value meets the target alone, so each value has its own witness here: the value
   * itself, or, when it names a local of the switch (a binding, a case block's local), the whole
   * switch with every other value null (no lower bound). A constant is written again.
   */
  private CodeBlock valuewiseRead(
      SwitchExpressionTree t, String result, String arm, SwitchValues values) {
    if (arm == null) {
      return witness(t, result, values, 0);
    }
    // laid out as the source's switch, relative to the statement's line like the code around it
    int column =
        l.src.indentationAt(l.src.start(t))
            - l.src.columnOf(l.src.start(l.parents.statementOf(t)));
    String indent = " ".repeat(Math.max(0, column));
    CodeBlock.Builder read = CodeBlock.builder().add("switch ($N) {\n", arm);
    for (int i = 0; i < values.size(); i++) {
      if (i == values.size() - 1) {
        read.add("$L  default -> $L;\n", indent, witness(t, result, values, i));
      } else {
        read.add("$L  case $L -> $L;\n", indent, i, witness(t, result, values, i));
      }
    }
    return read.add("$L}", indent).build();
  }

  /** The read of {@code result} as value {@code i} of the switch is typed in the source. */
  private CodeBlock witness(SwitchExpressionTree t, String result, SwitchValues values, int i) {
    ExpressionTree value = values.value(i);
    if (values.standsAlone(i)) {
      CodeBlock typing = l.renderer.render(value, RenderMode.TYPING);
      // a constant is its own value (and a witness of an int constant would be ambiguous: it
      // fits a byte, a char and a short witness alike)
      return l.constants.isConstant(value) ? typing : Witnesses.as(result, typing);
    }
    Map<Tree, CodeBlock> othersNull = new IdentityHashMap<>();
    for (int j = 0; j < values.size(); j++) {
      if (j != i) {
        othersNull.put(values.value(j), CodeBlock.of("null"));
      }
    }
    return Witnesses.as(result, l.renderer.render(t, othersNull, RenderMode.TYPING));
  }

  /**
   * Writes into {@code dispatch} a switch over {@code selector} that jumps to one new state per
   * case (added to {@code caseStates}), without its closing brace; returns whether it has a
   * default.
   */
  private boolean dispatch(
      CodeBlock selector,
      List<? extends CaseTree> cases,
      List<State> caseStates,
      Frame frame,
      CodeBlock.Builder dispatch) {
    dispatch.add("switch ($L) {\n", selector);
    boolean hasDefault = false;
    for (CaseTree c : cases) {
      State cs = l.graph.newState();
      caseStates.add(cs);
      if (c.getExpressions().isEmpty()) {
        hasDefault = true;
        dispatch.add("  default:");
      } else {
        List<String> labels = new ArrayList<>();
        for (ExpressionTree e : c.getExpressions()) {
          labels.add(l.src.of(e));
        }
        dispatch.add("  case $L:", String.join(", ", labels));
      }
      dispatch.add(" $L\n", l.exits.jump(cs, frame));
    }
    return hasDefault;
  }

  /**
   * The cases, one state each. A rule's expression body is a statement in a switch statement and
   * a yield in a switch expression ({@code y} not null); an old-style case falls through.
   */
  private void cases(
      List<? extends CaseTree> cases,
      List<State> caseStates,
      State end,
      Frame frame,
      String what,
      Exits.YieldTarget y) {
    for (int i = 0; i < cases.size(); i++) {
      CaseTree c = cases.get(i);
      l.graph.activate(caseStates.get(i), frame);
      l.describe(caseStates.get(i), what, c);
      if (c.getCaseKind() == CaseTree.CaseKind.RULE) {
        Tree body = c.getBody();
        if (body instanceof ExpressionTree && y != null) {
          CodeBlock v = l.expressions.lowerTyped((ExpressionTree) body, y.type());
          l.graph.line("$L", l.exits.yieldCode(y, (ExpressionTree) body, v));
          l.graph.terminate();
        } else if (body instanceof ExpressionTree) {
          CodeBlock v = l.expressions.lower((ExpressionTree) body, true);
          if (v != null && !TreeShapes.isBareName(v)) {
            l.graph.line("$L;", v);
          }
          l.graph.gotoState(end);
        } else {
          l.statements.lower((StatementTree) body, null);
          if (y == null) {
            l.graph.gotoState(end);
          }
        }
      } else {
        List<StatementTree> following = new ArrayList<>();
        for (int j = i + 1; j < cases.size(); j++) {
          following.addAll(cases.get(j).getStatements());
        }
        l.statements.lowerAll(c.getStatements(), following);
        l.graph.gotoState(i + 1 < cases.size() ? caseStates.get(i + 1) : end);
      }
    }
  }
}
