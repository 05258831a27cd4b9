/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.processor.analysis;

import com.sun.source.tree.BlockTree;
import com.sun.source.tree.BreakTree;
import com.sun.source.tree.CaseTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.ContinueTree;
import com.sun.source.tree.DoWhileLoopTree;
import com.sun.source.tree.EnhancedForLoopTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.ForLoopTree;
import com.sun.source.tree.IfTree;
import com.sun.source.tree.LabeledStatementTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.SwitchTree;
import com.sun.source.tree.SynchronizedTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TryTree;
import com.sun.source.tree.WhileLoopTree;
import com.sun.source.util.TreeScanner;
import java.util.List;
import javax.lang.model.element.Name;

/**
 * "Can this statement complete normally?" (JLS 14.22), so that generated code never appends a
 * state transition after a statement that cannot complete (javac would reject it as unreachable).
 */
public final class Completion {
  private final ConstantValues constants;

  public Completion(ConstantValues constants) {
    this.constants = constants;
  }

  public boolean canComplete(StatementTree s) {
    return canComplete(s, null);
  }

  /** {@code label}: the label of {@code s} itself, which a {@code continue} may name. */
  private boolean canComplete(StatementTree s, String label) {
    if (s == null) {
      return true;
    }
    switch (s.getKind()) {
      case RETURN:
      case THROW:
      case BREAK:
      case CONTINUE:
      case YIELD:
        return false;
      case BLOCK:
        return canComplete(((BlockTree) s).getStatements());
      case IF:
        {
          IfTree t = (IfTree) s;
          if (t.getElseStatement() == null) {
            return true;
          }
          return canComplete(t.getThenStatement()) || canComplete(t.getElseStatement());
        }
      case WHILE_LOOP:
        {
          WhileLoopTree t = (WhileLoopTree) s;
          return !isTrue(t.getCondition()) || hasBreak(t.getStatement(), s, null);
        }
      case DO_WHILE_LOOP:
        {
          DoWhileLoopTree t = (DoWhileLoopTree) s;
          // JLS 14.22: the condition is reached only if the body completes or continues
          boolean conditionReached =
              canComplete(t.getStatement()) || hasContinue(t.getStatement(), s, label);
          return (conditionReached && !isTrue(t.getCondition()))
              || hasBreak(t.getStatement(), s, null);
        }
      case FOR_LOOP:
        {
          ForLoopTree t = (ForLoopTree) s;
          boolean infinite = t.getCondition() == null || isTrue(t.getCondition());
          return !infinite || hasBreak(t.getStatement(), s, null);
        }
      case LABELED_STATEMENT:
        {
          LabeledStatementTree t = (LabeledStatementTree) s;
          String name = t.getLabel().toString();
          return canComplete(t.getStatement(), name) || hasBreak(t.getStatement(), null, name);
        }
      case SYNCHRONIZED:
        return canComplete(((SynchronizedTree) s).getBlock());
      case TRY:
        {
          TryTree t = (TryTree) s;
          if (t.getFinallyBlock() != null && !canComplete(t.getFinallyBlock())) {
            return false;
          }
          if (canComplete(t.getBlock())) {
            return true;
          }
          for (var c : t.getCatches()) {
            if (canComplete(c.getBlock())) {
              return true;
            }
          }
          return false;
        }
      case SWITCH:
        return switchCanComplete((SwitchTree) s);
      default:
        return true;
    }
  }

  public boolean canComplete(List<? extends StatementTree> list) {
    for (StatementTree st : list) {
      if (!canComplete(st)) {
        return false;
      }
    }
    return true;
  }

  private boolean switchCanComplete(SwitchTree s) {
    boolean hasDefault = false;
    boolean arrow = false;
    for (CaseTree c : s.getCases()) {
      // an enhanced switch (JDK 21: patterns, case null) is exhaustive, as if it had a default
      if (CaseLabels.isDefault(c) || CaseLabels.hasPattern(c) || CaseLabels.hasNull(c)) {
        hasDefault = true;
      }
      if (c.getCaseKind() == CaseTree.CaseKind.RULE) {
        arrow = true;
      }
    }
    if (!hasDefault || hasBreak(s, s, null)) {
      return true;
    }
    List<? extends CaseTree> cases = s.getCases();
    if (arrow) {
      for (CaseTree c : cases) {
        Tree body = c.getBody();
        if (body instanceof ExpressionTree) {
          return true;
        }
        if (body instanceof StatementTree && canComplete((StatementTree) body)) {
          return true;
        }
      }
      return false;
    }
    CaseTree last = cases.get(cases.size() - 1);
    return canComplete(last.getStatements());
  }

  /** A constant expression with the value true (JLS 15.29): a literal, constant variable or sum. */
  private boolean isTrue(ExpressionTree e) {
    return constants.isTrue(e);
  }

  /** Whether {@code body} has a break leaving {@code target} (unlabeled) or {@code label}. */
  private static boolean hasBreak(Tree body, Tree target, String label) {
    return hasJump(body, target, label, true);
  }

  /** Whether {@code body} has a continue of the loop {@code target}, labeled {@code label}. */
  private static boolean hasContinue(Tree body, Tree target, String label) {
    return hasJump(body, target, label, false);
  }

  private static boolean hasJump(Tree body, Tree target, String label, boolean isBreak) {
    boolean[] found = {false};
    new TreeScanner<Void, Integer>() {
      @Override
      public Void visitBreak(BreakTree node, Integer depth) {
        if (isBreak) {
          jump(node.getLabel(), depth);
        }
        return null;
      }

      @Override
      public Void visitContinue(ContinueTree node, Integer depth) {
        if (!isBreak) {
          jump(node.getLabel(), depth);
        }
        return null;
      }

      private void jump(Name jumpLabel, int depth) {
        if (jumpLabel == null ? depth == 0 : label != null && jumpLabel.contentEquals(label)) {
          found[0] = true;
        }
      }

      @Override
      public Void visitWhileLoop(WhileLoopTree node, Integer depth) {
        return super.visitWhileLoop(node, node == target ? depth : depth + 1);
      }

      @Override
      public Void visitDoWhileLoop(DoWhileLoopTree node, Integer depth) {
        return super.visitDoWhileLoop(node, node == target ? depth : depth + 1);
      }

      @Override
      public Void visitForLoop(ForLoopTree node, Integer depth) {
        return super.visitForLoop(node, node == target ? depth : depth + 1);
      }

      @Override
      public Void visitEnhancedForLoop(EnhancedForLoopTree node, Integer depth) {
        return super.visitEnhancedForLoop(node, node == target ? depth : depth + 1);
      }

      @Override
      public Void visitSwitch(SwitchTree node, Integer depth) {
        // an unlabeled break leaves the switch, an unlabeled continue goes through it
        return super.visitSwitch(node, node == target || !isBreak ? depth : depth + 1);
      }

      @Override
      public Void visitLambdaExpression(LambdaExpressionTree node, Integer depth) {
        return null;
      }

      @Override
      public Void visitClass(ClassTree node, Integer depth) {
        return null;
      }
    }.scan(body, 0);
    return found[0];
  }
}
