/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.processor.transform;

import com.palantir.javapoet.CodeBlock;
import com.sun.source.tree.CaseTree;
import com.sun.source.tree.ConditionalExpressionTree;
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

  /** Each poly switch expression lowered, with the field that says which value it gave. */
  private final Map<SwitchExpressionTree, Valuewise> valuewise = new IdentityHashMap<>();

  /** A poly switch expression's values and the field that says which one it gave (or null). */
  private record Valuewise(String arm, SwitchValues values) {}

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
    SwitchValues values = new SwitchValues(t, l.names, l.parents, l.awaits);
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
      valuewise.put(t, new Valuewise(arm, values));
      return valuewiseRead(t, result);
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
   * source each value meets the target alone, so each value has its own witness here.
   */
  private CodeBlock valuewiseRead(SwitchExpressionTree t, String held) {
    Valuewise v = valuewise.get(t);
    if (v.arm() == null) {
      return typedRead(t, held, v.values(), 0);
    }
    // laid out as the source's switch, relative to the statement's line like the code around it
    int column =
        l.src.indentationAt(l.src.start(t))
            - l.src.columnOf(l.src.start(l.parents.statementOf(t)));
    String indent = " ".repeat(Math.max(0, column));
    CodeBlock.Builder read = CodeBlock.builder().add("switch ($N) {\n", v.arm());
    int n = v.values().size();
    for (int i = 0; i < n; i++) {
      CodeBlock value = typedRead(t, held, v.values(), i);
      if (i == n - 1) {
        read.add("$L  default -> $L;\n", indent, value);
      } else {
        read.add("$L  case $L -> $L;\n", indent, i, value);
      }
    }
    return read.add("$L}", indent).build();
  }

  /**
   * {@code held}, which holds value {@code i} of {@code t}, read as that value is typed in the
   * source: through a witness of the value itself, or, when it names a local of the switch (a
   * binding, a case block's local), of the whole switch with every other value null (no lower
   * bound).
   */
  private CodeBlock typedRead(SwitchExpressionTree t, String held, SwitchValues values, int i) {
    ExpressionTree value = values.value(i);
    if (values.standsAlone(i)) {
      return typedRead(value, held);
    }
    Map<Tree, CodeBlock> othersNull = new IdentityHashMap<>();
    for (int j = 0; j < values.size(); j++) {
      if (j != i) {
        othersNull.put(values.value(j), CodeBlock.of("null"));
      }
    }
    return Witnesses.as(held, l.renderer.render(t, othersNull, RenderMode.TYPING));
  }

  /**
   * {@code held}, which holds the value of {@code e} (in a poly context), read as {@code e} is
   * typed in the source. A conditional or a switch expression that was lowered into states is read
   * branch by branch, value by value, by the flag or field that says which one {@code held} holds:
   * one witness, {@code Witness.as(held, () -> c ? a : b)}, would infer its type variable from both
   * branches at once (an await makes the conditional a reference one: lub(Byte, Character)). A
   * constant is written again (a witness of an int constant would be ambiguous: it fits a byte, a
   * char and a short witness alike).
   */
  private CodeBlock typedRead(ExpressionTree e, String held) {
    ExpressionTree bare = TreeShapes.unparen(e);
    if (bare instanceof ConditionalExpressionTree c && l.conditionals.takenFlag(c) != null) {
      return CodeBlock.of(
          "($N ? $L : $L)",
          l.conditionals.takenFlag(c),
          branchRead(c.getTrueExpression(), held),
          branchRead(c.getFalseExpression(), held));
    }
    if (bare instanceof SwitchExpressionTree s && valuewise.containsKey(s)) {
      return valuewiseRead(s, held);
    }
    CodeBlock typing = l.renderer.render(e, RenderMode.TYPING);
    return l.constants.isConstant(e) ? typing : Witnesses.as(held, typing);
  }

  /**
   * A branch of a conditional read by {@link #typedRead}, typed as {@link ConditionalLowering}
   * types it, so that the conditional is numeric or reference as in the source: an await, or a
   * conditional or switch read in turn, through the generic {@code Witness.as}; a constant as it
   * is; any other expression standalone ({@link ConditionalLowering#standaloneRead}).
   */
  private CodeBlock branchRead(ExpressionTree b, String held) {
    ExpressionTree bare = TreeShapes.unparen(b);
    boolean poly =
        l.awaits.isAwait(bare)
            || bare instanceof ConditionalExpressionTree c && l.conditionals.takenFlag(c) != null
            || bare instanceof SwitchExpressionTree s && valuewise.containsKey(s);
    if (poly || l.constants.isConstant(b)) {
      return typedRead(b, held);
    }
    return l.conditionals.standaloneRead(b, held);
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
          ExpressionTree value = (ExpressionTree) body;
          CodeBlock v =
              y.marksValuesOf(value)
                  ? l.renderer.markedValues(value, y)
                  : l.expressions.lowerTyped(value, y.type());
          l.graph.line("$L", l.exits.yieldCode(y, value, v));
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
