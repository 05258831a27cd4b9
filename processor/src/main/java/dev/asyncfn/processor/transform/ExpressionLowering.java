/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.processor.transform;

import com.palantir.javapoet.CodeBlock;
import com.sun.source.tree.ArrayAccessTree;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.CompoundAssignmentTree;
import com.sun.source.tree.ConditionalExpressionTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.InstanceOfTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewArrayTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.SwitchExpressionTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TypeCastTree;
import com.sun.source.tree.UnaryTree;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Expressions with an await in them. Each is lowered to the code and states its awaits need, and
 * to the code of its value in the current state: its operands in Java's order ({@link
 * OperandOrder}), those before an await held in fields, with the conversions their parent applies
 * when they are evaluated ({@link Conversions}); {@code &&}, {@code ||} and {@code ?:} ({@link
 * ConditionalLowering}) become branches.
 */
final class ExpressionLowering {
  private final Lowering l;

  ExpressionLowering(Lowering l) {
    this.l = l;
  }

  /**
   * Lowers {@code e}, adding the code and states its awaits need, and returns the code of its
   * value in the current state ({@code null} when {@code discard} and there is none).
   */
  CodeBlock lower(ExpressionTree e, boolean discard) {
    if (e == null) {
      return null;
    }
    int outer = l.at(e);
    try {
      return lowerAt(e, discard);
    } finally {
      l.graph.at(outer);
    }
  }

  private CodeBlock lowerAt(ExpressionTree e, boolean discard) {
    if (!l.awaits.contains(e)) {
      return l.renderer.render(e, RenderMode.VALUE);
    }
    if (l.awaits.isAwait(e)) {
      return l.awaitLowering.await((MethodInvocationTree) e, discard, null);
    }
    switch (e.getKind()) {
      case PARENTHESIZED:
        return CodeBlock.of("($L)", lower(((ParenthesizedTree) e).getExpression(), false));
      case CONDITIONAL_AND:
      case CONDITIONAL_OR:
        return shortCircuit((BinaryTree) e);
      case CONDITIONAL_EXPRESSION:
        return l.conditionals.conditional((ConditionalExpressionTree) e);
      case SWITCH_EXPRESSION:
        return l.switches.switchExpression((SwitchExpressionTree) e, null);
      case ASSIGNMENT:
        return assignment((AssignmentTree) e);
      case PREFIX_INCREMENT:
      case PREFIX_DECREMENT:
      case POSTFIX_INCREMENT:
      case POSTFIX_DECREMENT:
        return l.operands.render(e, placeKids(((UnaryTree) e).getExpression()));
      case METHOD_INVOCATION:
        {
          MethodInvocationTree call = (MethodInvocationTree) e;
          List<ExpressionTree> kids = new ArrayList<>();
          if (call.getMethodSelect() instanceof MemberSelectTree) {
            kids.add(((MemberSelectTree) call.getMethodSelect()).getExpression());
          }
          kids.addAll(call.getArguments());
          return l.operands.render(
              e, kids, l.conversions.ofArguments(call.getArguments(), l.conversions.callees(call)));
        }
      case NEW_CLASS:
        {
          NewClassTree n = (NewClassTree) e;
          List<ExpressionTree> kids = new ArrayList<>();
          if (n.getEnclosingExpression() != null) {
            kids.add(n.getEnclosingExpression());
          }
          kids.addAll(n.getArguments());
          return l.operands.render(
              e, kids, l.conversions.ofArguments(n.getArguments(), l.conversions.constructors(n)));
        }
      case NEW_ARRAY:
        return newArray((NewArrayTree) e);
      case ARRAY_ACCESS:
        {
          ArrayAccessTree a = (ArrayAccessTree) e;
          return l.operands.render(e, List.of(a.getExpression(), a.getIndex()));
        }
      case MEMBER_SELECT:
        return l.operands.render(e, List.of(((MemberSelectTree) e).getExpression()));
      case TYPE_CAST:
        return l.operands.render(e, List.of(((TypeCastTree) e).getExpression()));
      case INSTANCE_OF:
        return l.operands.render(e, List.of(((InstanceOfTree) e).getExpression()));
      case UNARY_PLUS:
      case UNARY_MINUS:
      case BITWISE_COMPLEMENT:
      case LOGICAL_COMPLEMENT:
        return l.operands.render(e, List.of(((UnaryTree) e).getExpression()));
      default:
        if (e instanceof BinaryTree) {
          return l.conversions.binary((BinaryTree) e);
        }
        if (e instanceof CompoundAssignmentTree) {
          return l.conversions.compoundAssignment((CompoundAssignmentTree) e);
        }
        throw new Unsupported(e, "this expression (" + e.getKind() + ")", false);
    }
  }

  /**
   * Like {@link #lower} for a value that goes straight into a sink of type {@code target}, so
   * that a generic future such as {@code later(...)} is inferred from the target as in the source.
   */
  CodeBlock lowerTyped(ExpressionTree e, String target) {
    ExpressionTree bare = TreeShapes.unparen(e);
    int outer = l.at(e);
    try {
      if (target != null && l.awaits.isAwait(bare)) {
        return l.awaitLowering.await((MethodInvocationTree) bare, false, target);
      }
      if (bare instanceof SwitchExpressionTree && l.awaits.contains(bare)) {
        return l.switches.switchExpression((SwitchExpressionTree) bare, target);
      }
      return lower(e, false);
    } finally {
      l.graph.at(outer);
    }
  }

  private CodeBlock assignment(AssignmentTree a) {
    ExpressionTree target = TreeShapes.unparen(a.getVariable());
    if (target instanceof IdentifierTree
        && l.names.isLocal(target)
        && l.awaits.isAwait(TreeShapes.unparen(a.getExpression()))) {
      String type = l.locals.localType(l.names.local(target));
      if (type != null) {
        Map<Tree, CodeBlock> ov = new IdentityHashMap<>();
        ov.put(a.getExpression(), lowerTyped(a.getExpression(), type));
        return l.renderer.render(a, ov, RenderMode.VALUE);
      }
    }
    List<ExpressionTree> kids = new ArrayList<>(placeKids(a.getVariable()));
    kids.add(a.getExpression());
    return l.operands.render(a, kids, Conversions.ofIndex(a.getVariable()));
  }

  private CodeBlock newArray(NewArrayTree n) {
    List<ExpressionTree> kids = new ArrayList<>(n.getDimensions());
    Map<ExpressionTree, String> conversions = new IdentityHashMap<>();
    for (ExpressionTree d : n.getDimensions()) {
      conversions.put(d, "int");
    }
    if (n.getInitializers() != null) {
      kids.addAll(n.getInitializers());
      String element =
          n.getType() != null && n.getDimensions().isEmpty()
              ? l.renderer.render(n.getType(), RenderMode.TYPING).toString().trim()
              : null;
      if (element != null && TreeShapes.PRIMITIVES.contains(element)) {
        for (ExpressionTree init : n.getInitializers()) {
          conversions.put(init, element);
        }
      }
    }
    return l.operands.render(n, kids, conversions);
  }

  /** {@code a && b} / {@code a || b} with an await in {@code b}: evaluated only when needed. */
  private CodeBlock shortCircuit(BinaryTree b) {
    boolean and = b.getKind() == Tree.Kind.CONDITIONAL_AND;
    CodeBlock left = lower(b.getLeftOperand(), false);
    if (!l.awaits.contains(b.getRightOperand())) {
      Map<Tree, CodeBlock> ov = new IdentityHashMap<>();
      ov.put(b.getLeftOperand(), left);
      return l.renderer.render(b, ov, RenderMode.VALUE);
    }
    String r = l.fields.temp("held", "boolean", "value of " + TreeShapes.oneLine(l.src.of(b)));
    State end = l.graph.newState();
    Frame frame = l.graph.current().frame();
    l.graph.line("$N = $L;", r, left);
    l.graph.line("if ($L$N) { $L }", and ? "!" : "", r, l.exits.jump(end, frame));
    CodeBlock right = lower(b.getRightOperand(), false);
    l.graph.line("$N = $L;", r, right);
    l.graph.gotoState(end);
    l.graph.activate(end, frame);
    end.describe("continues " + TreeShapes.oneLine(l.src.of(b)), l.methodLine());
    return CodeBlock.of("$N", r);
  }

  /** The subexpressions of an assignment target that are evaluated before the right side. */
  static List<ExpressionTree> placeKids(ExpressionTree place) {
    place = TreeShapes.unparen(place);
    if (place instanceof ArrayAccessTree) {
      ArrayAccessTree a = (ArrayAccessTree) place;
      return List.of(a.getExpression(), a.getIndex());
    }
    if (place instanceof MemberSelectTree) {
      return List.of(((MemberSelectTree) place).getExpression());
    }
    return List.of();
  }
}
