/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.processor.transform;

import com.palantir.javapoet.CodeBlock;
import com.sun.source.tree.AssertTree;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.DoWhileLoopTree;
import com.sun.source.tree.EnhancedForLoopTree;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.ForLoopTree;
import com.sun.source.tree.IfTree;
import com.sun.source.tree.InstanceOfTree;
import com.sun.source.tree.LabeledStatementTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.NewArrayTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.SwitchTree;
import com.sun.source.tree.ThrowTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TryTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.tree.WhileLoopTree;
import com.sun.source.tree.YieldTree;
import com.sun.source.util.TreeScanner;
import dev.asyncfn.processor.analysis.CaseLabels;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.Modifier;

/**
 * Statements: a statement without an await is re-emitted as written; one with an await is split
 * into states ({@code if}, blocks, locals, {@code return}, {@code throw}, {@code assert}, labels;
 * loops, switches and tries have their own lowerings). A local that is used after an await
 * becomes a field.
 */
final class StatementLowering {
  private final Lowering l;

  StatementLowering(Lowering l) {
    this.l = l;
  }

  /**
   * Lowers {@code stmts}; {@code following} are the statements that run after them in the same
   * scope (the later cases of an old-style switch), which decide whether a local lives on.
   */
  void lowerAll(List<? extends StatementTree> stmts, List<? extends StatementTree> following) {
    for (int i = 0; i < stmts.size(); i++) {
      StatementTree st = stmts.get(i);
      boolean laterAwaits = l.awaits.contains(st);
      for (int j = i + 1; j < stmts.size() && !laterAwaits; j++) {
        laterAwaits = l.awaits.contains(stmts.get(j));
      }
      for (int j = 0; j < following.size() && !laterAwaits; j++) {
        laterAwaits = l.awaits.contains(following.get(j));
      }
      if (st instanceof ClassTree && laterAwaits) {
        localClass((ClassTree) st);
        continue;
      }
      if (laterAwaits && !(st instanceof VariableTree)) {
        // pattern bindings can be in scope after the statement (if (!(o instanceof T t)) return;)
        hoistBindings(st);
      } else if (laterAwaits && ((VariableTree) st).getInitializer() != null) {
        hoistBindings(((VariableTree) st).getInitializer());
      }
      int outer = l.at(st);
      if (st instanceof VariableTree) {
        StatementTree laterAwait = null;
        for (int j = i + 1; j < stmts.size() && laterAwait == null; j++) {
          if (l.awaits.contains(stmts.get(j))) {
            laterAwait = stmts.get(stmts.size() - 1);
          }
        }
        for (int j = 0; j < following.size() && laterAwait == null; j++) {
          if (l.awaits.contains(following.get(j))) {
            laterAwait = following.get(following.size() - 1);
          }
        }
        variable((VariableTree) st, laterAwait);
      } else {
        lower(st, null);
      }
      l.graph.at(outer);
    }
  }

  /**
   * A local class declared before an await becomes a member class of the machine: its captures
   * are fields that, being effectively final and assigned once, hold the values it captured.
   */
  private void localClass(ClassTree c) {
    if (l.parents.inLoop(c)) {
      throw new Unsupported(
          c,
          "a local class declared in a loop before an await (each iteration's captures would be"
              + " shared; declare it as a nested class of the enclosing class and pass the values"
              + " to its constructor)",
          false);
    }
    l.memberTypes.add(l.renderer.render(c, RenderMode.TYPING).toString());
    l.memberTypeNames.add(c.getSimpleName().toString());
  }

  /**
   * A local: hoisted into a field when it lives on after an await ({@code scopeAt} is then a tree
   * in its scope), else declared in the state.
   */
  void variable(VariableTree v, Tree scopeAt) {
    if (l.graph.terminated()) {
      return;
    }
    ExpressionTree init = v.getInitializer();
    if (scopeAt != null) {
      String field = l.locals.hoist(v, scopeAt);
      if (init != null) {
        CodeBlock value =
            l.awaits.isAwait(TreeShapes.unparen(init))
                ? l.expressions.lowerTyped(init, l.fields.typeOf(field))
                : initValue(v, init);
        if (l.locals.isVar(v) && isConditionalOrSwitch(init)) {
          // var types its initializer standalone; assigned to the field, a conditional or switch
          // would take the field's type as its target, down into its branches (a null branch of
          // a conditional javac typed byte)
          String standalone = l.fields.local("standalone");
          l.graph.line("var $N = $L;", standalone, value);
          l.graph.line("$N = $N;", field, standalone);
        } else {
          l.graph.line("$N = $L;", field, value);
        }
      }
      return;
    }
    if (!l.awaits.contains(init)) {
      l.graph.line("$L", declaration(v, init == null ? null : initValue(v, init)));
      return;
    }
    CodeBlock value = l.expressions.lowerTyped(init, l.locals.isVar(v) ? null : l.locals.typeText(v));
    l.graph.line("$L", declaration(v, value));
  }

  private static boolean isConditionalOrSwitch(ExpressionTree e) {
    Tree.Kind kind = TreeShapes.unparen(e).getKind();
    return kind == Tree.Kind.CONDITIONAL_EXPRESSION || kind == Tree.Kind.SWITCH_EXPRESSION;
  }

  private CodeBlock initValue(VariableTree v, ExpressionTree init) {
    if (init instanceof NewArrayTree && ((NewArrayTree) init).getType() == null) {
      // int[] a = {1, 2} cannot become a = {1, 2}
      return CodeBlock.of("new $L $L", l.locals.typeText(v), l.expressions.lower(init, false));
    }
    return l.expressions.lower(init, false);
  }

  /** {@code [final] T v = value;} ({@code var} kept), a local of the state. */
  CodeBlock declaration(VariableTree v, CodeBlock value) {
    CodeBlock.Builder b = CodeBlock.builder();
    if (v.getModifiers().getFlags().contains(Modifier.FINAL)) {
      b.add("final ");
    }
    // a local of a flattened block outlives it: renamed if another local of the body shares its name
    String name = l.names.isRedeclared(v) ? l.fields.rename(v) : v.getName().toString();
    b.add("$L $N", l.locals.isVar(v) ? "var" : l.locals.typeText(v), name);
    if (value != null) {
      b.add(" = $L", value);
    }
    return b.add(";").build();
  }

  /** Lowers one statement; {@code label} is the label of a labelled loop or switch. */
  void lower(StatementTree s, String label) {
    int outer = l.at(s);
    try {
      lowerAt(s, label);
    } finally {
      l.graph.at(outer);
    }
  }

  private void lowerAt(StatementTree s, String label) {
    if (l.graph.terminated()) {
      return;
    }
    if (!l.awaits.contains(s)) {
      verbatim(s);
      return;
    }
    switch (s.getKind()) {
      case BLOCK:
        lowerAll(((BlockTree) s).getStatements(), List.of());
        return;
      case EXPRESSION_STATEMENT:
        {
          CodeBlock v = l.expressions.lower(((ExpressionStatementTree) s).getExpression(), true);
          if (v != null && !TreeShapes.isBareName(v)) {
            l.graph.line("$L;", v);
          }
          return;
        }
      case VARIABLE:
        variable((VariableTree) s, null);
        return;
      case RETURN:
        {
          CodeBlock v =
              l.expressions.lowerTyped(((ReturnTree) s).getExpression(), l.isVoid ? null : l.resultType);
          l.graph.line("$L", l.exits.returnCode(v));
          l.graph.terminate();
          return;
        }
      case THROW:
        l.graph.line("throw $L;", l.expressions.lower(((ThrowTree) s).getExpression(), false));
        l.graph.terminate();
        return;
      case IF:
        ifStatement((IfTree) s);
        return;
      case WHILE_LOOP:
        l.loops.whileLoop((WhileLoopTree) s, label);
        return;
      case DO_WHILE_LOOP:
        l.loops.doWhileLoop((DoWhileLoopTree) s, label);
        return;
      case FOR_LOOP:
        l.loops.forLoop((ForLoopTree) s, label);
        return;
      case ENHANCED_FOR_LOOP:
        l.loops.forEachLoop((EnhancedForLoopTree) s, label);
        return;
      case LABELED_STATEMENT:
        labeled((LabeledStatementTree) s);
        return;
      case SWITCH:
        l.switches.switchStatement((SwitchTree) s, label);
        return;
      case TRY:
        l.tries.tryStatement((TryTree) s);
        return;
      case ASSERT:
        assertStatement((AssertTree) s);
        return;
      case YIELD:
        {
          Exits.YieldTarget y = l.exits.currentYield();
          ExpressionTree value = ((YieldTree) s).getValue();
          CodeBlock v =
              y.marksValuesOf(value)
                  ? l.renderer.markedValues(value, y)
                  : l.expressions.lowerTyped(value, y.type());
          l.graph.line("$L", l.exits.yieldCode(y, value, v));
          l.graph.terminate();
          return;
        }
      default:
        throw new Unsupported(s, "this statement (" + s.getKind() + ")", false);
    }
  }

  /** A statement without an await, as written (its exits rewritten). */
  private void verbatim(StatementTree s) {
    if (s instanceof VariableTree) {
      variable((VariableTree) s, null);
      return;
    }
    CodeBlock text = l.renderer.render(s, RenderMode.VERBATIM);
    if (s instanceof ExpressionStatementTree && !text.toString().trim().endsWith(";")) {
      text = CodeBlock.of("$L;", text); // for-loop updates have no semicolon of their own
    }
    l.graph.line("$L", text);
    if (!l.completion.canComplete(s)) {
      l.graph.terminate();
    }
  }

  private void ifStatement(IfTree t) {
    ExpressionTree cond = TreeShapes.unparen(t.getCondition());
    hoistBindings(cond);
    if (!l.awaits.contains(t.getThenStatement()) && !l.awaits.contains(t.getElseStatement())) {
      // only the condition awaits: the if itself stays as written around the lowered condition
      Map<Tree, CodeBlock> ov = new IdentityHashMap<>();
      ov.put(t.getCondition(), CodeBlock.of("($L)", l.expressions.lower(cond, false)));
      l.graph.line("$L", l.renderer.render(t, ov, RenderMode.VERBATIM));
      if (!l.completion.canComplete(t)) {
        l.graph.terminate();
      }
      return;
    }
    CodeBlock c = l.expressions.lower(cond, false);
    State end = l.graph.newState();
    if (t.getElseStatement() == null) {
      l.graph.line("if (!($L)) { $L }", c, l.exits.jump(end, l.graph.current().frame()));
      lower(t.getThenStatement(), null);
      l.graph.gotoState(end);
      l.graph.activateHere(end);
      l.describe(end, "after the if", t);
      return;
    }
    State elseState = l.graph.newState();
    Frame frame = l.graph.current().frame();
    l.graph.line("if (!($L)) { $L }", c, l.exits.jump(elseState, frame));
    lower(t.getThenStatement(), null);
    l.graph.gotoState(end);
    l.graph.activate(elseState, frame);
    l.describe(elseState, "else branch of the if", t);
    lower(t.getElseStatement(), null);
    l.graph.gotoState(end);
    l.graph.activate(end, frame);
    l.describe(end, "after the if", t);
  }

  /** Pattern bindings of a lowered condition may be used after an await: make them fields. */
  void hoistBindings(Tree tree) {
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitInstanceOf(InstanceOfTree node, Void unused) {
        for (VariableTree binding : CaseLabels.bindings(node.getPattern())) {
          l.locals.hoistBinding(binding);
        }
        return super.visitInstanceOf(node, null);
      }

      @Override
      public Void visitLambdaExpression(LambdaExpressionTree node, Void unused) {
        return null;
      }

      @Override
      public Void visitClass(ClassTree node, Void unused) {
        return null;
      }
    }.scan(tree, null);
  }

  private void labeled(LabeledStatementTree t) {
    String name = t.getLabel().toString();
    StatementTree body = t.getStatement();
    switch (body.getKind()) {
      case WHILE_LOOP:
      case DO_WHILE_LOOP:
      case FOR_LOOP:
      case ENHANCED_FOR_LOOP:
      case SWITCH:
        lower(body, name);
        return;
      default:
        State end = l.graph.newState();
        Frame frame = l.graph.current().frame();
        l.exits.pushTarget(new Exits.Target(t, name, end, null, frame));
        lower(body, null);
        l.exits.popTarget();
        l.graph.gotoState(end);
        l.graph.activate(end, frame);
        end.describe("after the statement labelled " + name, l.methodLine());
    }
  }

  /**
   * {@code assert c : d;} with an await: evaluated only when assertions are enabled for the
   * top-level class (JLS 14.10), then the condition, then the detail.
   */
  private void assertStatement(AssertTree t) {
    Frame frame = l.graph.current().frame();
    State end = l.graph.newState();
    l.graph.line(
        "if (!$L.class.desiredAssertionStatus()) { $L }",
        l.assertionClass,
        l.exits.jump(end, frame));
    CodeBlock c = l.expressions.lower(TreeShapes.unparen(t.getCondition()), false);
    l.graph.line("if ($L) { $L }", c, l.exits.jump(end, frame));
    if (t.getDetail() == null) {
      l.graph.line("throw new java.lang.AssertionError();");
    } else {
      l.graph.line(
          "throw new java.lang.AssertionError($L);", l.expressions.lower(t.getDetail(), false));
    }
    l.graph.terminate();
    l.graph.activate(end, frame);
    l.describe(end, "after the assert", t);
  }
}
