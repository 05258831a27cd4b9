/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.processor.transform;

import com.palantir.javapoet.CodeBlock;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.CompoundAssignmentTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.PrimitiveTypeTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TypeCastTree;
import com.sun.source.tree.UnaryTree;
import com.sun.source.util.TreeScanner;
import dev.asyncfn.processor.model.RuntimeApi;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.Element;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeMirror;

/**
 * Java's evaluation order across an await (JLS 15.7): the operands of an expression are evaluated
 * left to right, so every operand before the last one that awaits is evaluated first and held in a
 * field, unless evaluating it later cannot be told apart (a constant, a local no later operand
 * assigns, a final field read through its class).
 */
final class OperandOrder {
  private final Lowering l;

  OperandOrder(Lowering l) {
    this.l = l;
  }

  /** {@code e} with its operands {@code kids} lowered in order. */
  CodeBlock render(ExpressionTree e, List<ExpressionTree> kids) {
    return render(e, kids, Map.of());
  }

  /**
   * {@code e} with its operands {@code kids} lowered in order; an operand in {@code conversions}
   * is converted to that primitive type when it is evaluated, as the parent converts it (an array
   * index, an argument of a primitive parameter).
   */
  CodeBlock render(
      ExpressionTree e, List<ExpressionTree> kids, Map<ExpressionTree, String> conversions) {
    List<CodeBlock> values = operands(kids, false, conversions);
    Map<Tree, CodeBlock> ov = new IdentityHashMap<>();
    for (int i = 0; i < kids.size(); i++) {
      ov.put(kids.get(i), values.get(i));
    }
    return l.renderer.render(e, ov, RenderMode.VALUE);
  }

  /**
   * Evaluates {@code kids} left to right: each before the last one that awaits (before all of them
   * when {@code awaitFollows}, an await coming after them) is held unless it is stable.
   */
  List<CodeBlock> operands(
      List<ExpressionTree> kids, boolean awaitFollows, Map<ExpressionTree, String> conversions) {
    int last = awaitFollows ? kids.size() : -1;
    if (!awaitFollows) {
      for (int i = 0; i < kids.size(); i++) {
        if (l.awaits.contains(kids.get(i))) {
          last = i;
        }
      }
    }
    List<CodeBlock> values = new ArrayList<>();
    for (int i = 0; i < kids.size(); i++) {
      ExpressionTree k = kids.get(i);
      if (i < last) {
        CodeBlock v = l.expressions.lower(k, false);
        String conversion = conversions.get(k);
        String known = l.expressionTypes.knownType(k);
        if (Conversions.UNBOXED.equals(conversion)) {
          // unboxed now: to the box's own primitive type where it is known (widened at the call,
          // as javac would), else checked for null as the unboxing would check it
          conversion = l.expressionTypes.unboxedType(k);
          if (conversion == null && !isConstant(k) && !isPrimitive(k, known)) {
            values.add(hold(k, CodeBlock.of("$T.unboxing($L)", RuntimeApi.WITNESS, v)));
            continue;
          }
        }
        if (conversion != null && (known == null || !TreeShapes.PRIMITIVES.contains(known))) {
          // converted now, as the parent converts it when it is evaluated (JLS 15.7, 5.3): the
          // assignment to a field of the parameter's type does exactly that conversion
          String held =
              l.fields.temp(
                  "held",
                  conversion,
                  "holds " + TreeShapes.oneLine(l.src.of(k)) + " as the " + conversion
                      + " it is converted to, across an await");
          l.graph.line("$N = $L;", held, v);
          values.add(CodeBlock.of("$N", held));
        } else if (!l.awaits.contains(k)
            && isStable(k, kids.subList(i + 1, Math.min(last + 1, kids.size())))) {
          values.add(v);
        } else {
          values.add(hold(k, v));
        }
      } else if (i == last) {
        values.add(l.expressions.lower(k, false));
      } else {
        values.add(l.renderer.render(k, RenderMode.VALUE));
      }
    }
    return values;
  }

  /**
   * Stores {@code value} of {@code k} in a field and returns the read of it: a field of {@code
   * k}'s type where that is known, else an {@code Object} field read back through a witness.
   */
  CodeBlock hold(ExpressionTree k, CodeBlock value) {
    String comment = "holds " + TreeShapes.oneLine(l.src.of(k)) + " across an await";
    TypeMirror exact = l.expressionTypes.exactType(TreeShapes.unparen(k));
    if (exact != null) {
      // a precise field: no boxing, no witness
      String name = l.fields.temp("held", exact, comment);
      l.graph.line("$N = $L;", name, value);
      return CodeBlock.of("$N", name);
    }
    String text = l.expressionTypes.exactTypeText(TreeShapes.unparen(k));
    if (text != null) {
      String t = l.fields.temp("held", text, comment);
      l.graph.line("$N = $L;", t, value);
      return CodeBlock.of("$N", t);
    }
    String t = l.fields.temp("held", "java.lang.Object", comment);
    l.graph.line("$N = $L;", t, value);
    return Witnesses.as(t, l.renderer.render(k, RenderMode.TYPING));
  }

  /** Whether evaluating {@code k} after the {@code later} operands gives the same value. */
  boolean isStable(ExpressionTree k, List<ExpressionTree> later) {
    k = TreeShapes.unparen(k);
    if (isConstant(k)) {
      return true;
    }
    switch (k.getKind()) {
      case LAMBDA_EXPRESSION:
      case MEMBER_REFERENCE:
        return true;
      case IDENTIFIER:
        {
          IdentifierTree id = (IdentifierTree) k;
          if (id.getName().contentEquals("this") || l.names.isTypeName(id)) {
            return true;
          }
          if (l.names.isLocal(id)) {
            return !assignedIn(id.getName().toString(), later);
          }
          return false;
        }
      case MEMBER_SELECT:
        {
          MemberSelectTree ms = (MemberSelectTree) k;
          return ms.getIdentifier().contentEquals("class") || isFinalChain(ms);
        }
      default:
        return false;
    }
  }

  /**
   * Whether {@code Type.f.g} reads only final fields, starting from a type or package name: then
   * reading it later gives the same value. A non-final static field ({@code Counter.sc}) may be
   * changed by a later operand or while the await is pending, so it is held like any other value.
   */
  private boolean isFinalChain(MemberSelectTree ms) {
    ExpressionTree root = TreeShapes.rootOf(ms);
    if (!(root instanceof IdentifierTree) || !l.names.isTypeName(root)) {
      return false;
    }
    for (ExpressionTree t = ms;
        t instanceof MemberSelectTree;
        t = ((MemberSelectTree) t).getExpression()) {
      Element e = l.scope.qualified(t).orElse(null);
      if (e == null) {
        return false;
      }
      if (e instanceof VariableElement && !e.getModifiers().contains(Modifier.FINAL)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Constant expressions (JLS 15.29) and literals, {@code null} included: evaluating them later
   * changes nothing, so they are never held (a held constant would also be read back through a
   * witness whose overload depends on the constant's range: {@code (int) 26L} fits a {@code byte}).
   */
  private boolean isConstant(ExpressionTree k) {
    return TreeShapes.unparen(k) instanceof LiteralTree || l.constants.isConstant(k);
  }

  /** Whether {@code k} is known to be of a primitive type: by {@code known}, or a primitive cast. */
  private static boolean isPrimitive(ExpressionTree k, String known) {
    if (known != null && TreeShapes.PRIMITIVES.contains(known)) {
      return true;
    }
    ExpressionTree bare = TreeShapes.unparen(k);
    return bare instanceof TypeCastTree && ((TypeCastTree) bare).getType() instanceof PrimitiveTypeTree;
  }

  /** Whether any of {@code exprs} assigns the local {@code name}. */
  static boolean assignedIn(String name, List<ExpressionTree> exprs) {
    boolean[] found = {false};
    TreeScanner<Void, Void> scanner =
        new TreeScanner<Void, Void>() {
          private void check(ExpressionTree target) {
            target = TreeShapes.unparen(target);
            if (target instanceof IdentifierTree
                && ((IdentifierTree) target).getName().contentEquals(name)) {
              found[0] = true;
            }
          }

          @Override
          public Void visitAssignment(AssignmentTree node, Void unused) {
            check(node.getVariable());
            return super.visitAssignment(node, null);
          }

          @Override
          public Void visitCompoundAssignment(CompoundAssignmentTree node, Void unused) {
            check(node.getVariable());
            return super.visitCompoundAssignment(node, null);
          }

          @Override
          public Void visitUnary(UnaryTree node, Void unused) {
            switch (node.getKind()) {
              case PREFIX_INCREMENT:
              case PREFIX_DECREMENT:
              case POSTFIX_INCREMENT:
              case POSTFIX_DECREMENT:
                check(node.getExpression());
                break;
              default:
            }
            return super.visitUnary(node, null);
          }
        };
    for (ExpressionTree e : exprs) {
      scanner.scan(e, null);
    }
    return found[0];
  }
}
