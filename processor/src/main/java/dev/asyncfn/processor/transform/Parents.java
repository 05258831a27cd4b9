/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.processor.transform;

import com.sun.source.tree.BlockTree;
import com.sun.source.tree.CaseTree;
import com.sun.source.tree.ConditionalExpressionTree;
import com.sun.source.tree.LabeledStatementTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreeScanner;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.function.Predicate;
import javax.lang.model.element.Name;

/**
 * The parent of every tree of one method, from one walk of it: the questions the lowering asks
 * about a tree's surroundings (is it in a loop, which statement does it belong to, which context
 * types it) without a walk of the whole compilation unit per question.
 */
final class Parents {
  private final Map<Tree, Tree> parent = new IdentityHashMap<>();
  private final Tree method;

  /** The parents of the trees of {@code method} (a method, or an async block's lambda). */
  Parents(Tree method) {
    this.method = method;
    new TreeScanner<Void, Tree>() {
      @Override
      public Void scan(Tree tree, Tree up) {
        if (tree != null) {
          parent.put(tree, up);
          super.scan(tree, tree);
        }
        return null;
      }
    }.scan(method, null);
  }

  /** The tree directly around {@code t}, or null for the method itself. */
  Tree of(Tree t) {
    return parent.get(t);
  }

  /** Whether {@code t} is {@code root} or inside it. */
  boolean isWithin(Tree t, Tree root) {
    for (Tree p = t; p != null; p = of(p)) {
      if (p == root) {
        return true;
      }
    }
    return false;
  }

  /** Whether {@code t} is inside a loop of the method. */
  boolean inLoop(Tree t) {
    for (Tree p = of(t); p != null && p != method; p = of(p)) {
      switch (p.getKind()) {
        case WHILE_LOOP:
        case DO_WHILE_LOOP:
        case FOR_LOOP:
        case ENHANCED_FOR_LOOP:
          return true;
        default:
      }
    }
    return false;
  }

  /** The statement {@code t} is part of (itself when it is one): its line's indentation. */
  Tree statementOf(Tree t) {
    Tree at = t;
    for (Tree p = of(t); p != null; at = p, p = of(p)) {
      if (p instanceof BlockTree || p instanceof CaseTree) {
        return at;
      }
      if (p == method) {
        return at;
      }
    }
    return at;
  }

  /** Whether the {@code yield} is inside a switch expression nested in {@code root}. */
  boolean yieldInside(Tree yield, Tree root) {
    if (yield == root) {
      return false;
    }
    for (Tree p = of(yield); p != null; p = of(p)) {
      if (p.getKind() == Tree.Kind.SWITCH_EXPRESSION) {
        return true;
      }
      if (p == root) {
        return false;
      }
    }
    return false;
  }

  /** Whether the jump's target is a statement inside {@code root} (then it stays as written). */
  boolean targetsInside(Tree jump, Tree root, Name label, boolean isBreak) {
    if (jump == root) {
      return false;
    }
    for (Tree t = of(jump); t != null; t = of(t)) {
      if (label != null) {
        if (t instanceof LabeledStatementTree
            && ((LabeledStatementTree) t).getLabel().contentEquals(label)) {
          return true;
        }
      } else {
        switch (t.getKind()) {
          case WHILE_LOOP:
          case DO_WHILE_LOOP:
          case FOR_LOOP:
          case ENHANCED_FOR_LOOP:
            return true;
          case SWITCH:
            if (isBreak) {
              return true;
            }
            break;
          default:
        }
      }
      if (t == root) {
        return false;
      }
    }
    return false;
  }

  /**
   * Whether {@code e} is in an assignment or invocation context, where a conditional or switch
   * expression is a poly expression typed by its target (JLS 15.25, 15.28.1); elsewhere it is
   * standalone. Parentheses, conditional branches and yields pass their own context on; a local
   * declared with {@code var} ({@code isVar}) gives its initializer none.
   */
  boolean inPolyContext(Tree e, Predicate<VariableTree> isVar) {
    Tree child = e;
    for (Tree parent = of(e); parent != null; child = parent, parent = of(parent)) {
      switch (parent.getKind()) {
        case PARENTHESIZED:
          break;
        case CONDITIONAL_EXPRESSION:
          if (((ConditionalExpressionTree) parent).getCondition() == child) {
            return false;
          }
          break;
        case METHOD_INVOCATION:
          return ((MethodInvocationTree) parent).getArguments().contains(child);
        case NEW_CLASS:
          return ((NewClassTree) parent).getArguments().contains(child);
        case ASSIGNMENT:
        case RETURN:
        case NEW_ARRAY:
          return true;
        case VARIABLE:
          return !isVar.test((VariableTree) parent);
        case YIELD:
          // the yield's value is a result of the enclosing switch expression: its context
          while (parent != null && parent.getKind() != Tree.Kind.SWITCH_EXPRESSION) {
            parent = of(parent);
          }
          if (parent == null) {
            return false;
          }
          break;
        case CASE:
          // a rule's expression body is a result of the switch expression around it
          parent = of(parent);
          if (parent == null || parent.getKind() != Tree.Kind.SWITCH_EXPRESSION) {
            return false;
          }
          break;
        default:
          return false;
      }
    }
    return false;
  }
}
