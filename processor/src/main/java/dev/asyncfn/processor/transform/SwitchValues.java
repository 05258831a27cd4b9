/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.processor.transform;

import com.sun.source.tree.CaseTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.SwitchExpressionTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.tree.YieldTree;
import com.sun.source.util.TreeScanner;
import dev.asyncfn.processor.analysis.Awaits;
import dev.asyncfn.processor.analysis.BodyNames;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * The values a switch expression gives, in source order: each rule's expression and each {@code
 * yield}'s value, and in their place the values of a switch expression without an await. A value is read back on its own when it names no local declared inside the
 * switch (a pattern binding, a case block's local), which would be out of scope where the switch's
 * value is read.
 */
final class SwitchValues {
  private final List<ExpressionTree> values = new ArrayList<>();
  private final List<Boolean> standsAlone = new ArrayList<>();
  private final Set<ExpressionTree> nested = Collections.newSetFromMap(new IdentityHashMap<>());
  private final Awaits awaits;

  SwitchValues(SwitchExpressionTree t, BodyNames names, Parents parents, Awaits awaits) {
    this.awaits = awaits;
    addValuesOf(t);
    for (ExpressionTree v : values) {
      standsAlone.add(!namesLocalWithin(v, t, names, parents));
    }
  }

  private void addValuesOf(SwitchExpressionTree t) {
    for (CaseTree c : t.getCases()) {
      if (c.getCaseKind() == CaseTree.CaseKind.RULE && c.getBody() instanceof ExpressionTree) {
        add((ExpressionTree) c.getBody());
      } else {
        new YieldScanner().scan(c.getCaseKind() == CaseTree.CaseKind.RULE
            ? List.of(c.getBody()) : c.getStatements(), null);
      }
    }
  }

  /**
   * A value; a switch expression without an await as a value gives its own values instead: in a
   * poly context each of them meets the target alone too, and it runs as written, so which one it
   * gave is only known if each says so ({@link SourceRenderer#markedValues}).
   */
  private void add(ExpressionTree value) {
    if (TreeShapes.unparen(value) instanceof SwitchExpressionTree s && !awaits.contains(s)) {
      nested.add(value);
      addValuesOf(s);
    } else {
      values.add(value);
    }
  }

  /** Whether {@code value} is a switch expression without an await, whose values are ours. */
  boolean isNested(ExpressionTree value) {
    return nested.contains(value);
  }

  /** How many values the switch gives. */
  int size() {
    return values.size();
  }

  /** The {@code index}th value. */
  ExpressionTree value(int index) {
    return values.get(index);
  }

  /** Whether value {@code index} can be typed where the switch's value is read. */
  boolean standsAlone(int index) {
    return standsAlone.get(index);
  }

  /** The index of {@code value}, one of this switch's values (by identity), or -1. */
  int indexOf(ExpressionTree value) {
    for (int i = 0; i < values.size(); i++) {
      if (values.get(i) == value) {
        return i;
      }
    }
    return -1;
  }

  private static boolean namesLocalWithin(
      ExpressionTree v, Tree root, BodyNames names, Parents parents) {
    boolean[] found = {false};
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitIdentifier(IdentifierTree id, Void unused) {
        VariableTree local = names.local(id);
        if (local != null && parents.isWithin(local, root)) {
          found[0] = true;
        }
        return null;
      }
    }.scan(v, null);
    return found[0];
  }

  /** The yields of the switch itself: not those of a nested switch expression, lambda or class. */
  private final class YieldScanner extends TreeScanner<Void, Void> {
    @Override
    public Void visitYield(YieldTree y, Void unused) {
      add(y.getValue());
      return null;
    }

    @Override
    public Void visitSwitchExpression(SwitchExpressionTree t, Void unused) {
      return null;
    }

    @Override
    public Void visitLambdaExpression(LambdaExpressionTree t, Void unused) {
      return null;
    }

    @Override
    public Void visitClass(ClassTree t, Void unused) {
      return null;
    }
  }
}
