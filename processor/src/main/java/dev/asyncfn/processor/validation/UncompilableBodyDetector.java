/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.processor.validation;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.SwitchExpressionTree;
import com.sun.source.tree.YieldTree;
import com.sun.source.util.TreeScanner;
import dev.asyncfn.processor.analysis.BodyNames;
import dev.asyncfn.processor.analysis.TypeScope;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;

/**
 * Finds what javac will certainly reject in a body: a type or method name nothing declares, a
 * local declared twice, a {@code yield} outside a switch expression, a static method (a companion's
 * factory, say) called with a number of arguments none of its overloads takes. A machine is not
 * generated from such a body: javac reports the mistake once, on the user's line, and a copy of it
 * in the generated file would report it a second time.
 */
public final class UncompilableBodyDetector {
  private UncompilableBodyDetector() {}

  /** What javac will reject in {@code method}'s body, in source order; empty when nothing. */
  public static List<BodyNames.Unresolved> find(
      MethodTree method, BodyNames names, TypeScope scope) {
    List<BodyNames.Unresolved> out = new ArrayList<>(names.unresolved());
    new TreeScanner<Void, Boolean>() {
      @Override
      public Void visitSwitchExpression(SwitchExpressionTree node, Boolean inSwitch) {
        scan(node.getExpression(), inSwitch);
        return scan(node.getCases(), true);
      }

      @Override
      public Void visitLambdaExpression(LambdaExpressionTree node, Boolean inSwitch) {
        return scan(node.getBody(), false);
      }

      @Override
      public Void visitClass(ClassTree node, Boolean inSwitch) {
        return null;
      }

      @Override
      public Void visitYield(YieldTree node, Boolean inSwitch) {
        if (!inSwitch) {
          out.add(new BodyNames.Unresolved(node, "yield outside of a switch expression", false));
        }
        return super.visitYield(node, inSwitch);
      }

      @Override
      public Void visitMethodInvocation(MethodInvocationTree node, Boolean inSwitch) {
        if (node.getMethodSelect() instanceof MemberSelectTree) {
          MemberSelectTree ms = (MemberSelectTree) node.getMethodSelect();
          Element type = scope.qualified(ms.getExpression()).orElse(null);
          if (type instanceof TypeElement
              && isTypeName(ms.getExpression(), names)
              && !accepts(
                  scope.methods((TypeElement) type, ms.getIdentifier().toString()),
                  node.getArguments().size())) {
            out.add(
                new BodyNames.Unresolved(
                    node,
                    "no method " + ms + " takes " + node.getArguments().size() + " arguments",
                    false));
          }
        }
        return super.visitMethodInvocation(node, inSwitch);
      }
    }.scan(method.getBody(), false);
    return out;
  }

  private static boolean isTypeName(com.sun.source.tree.ExpressionTree e, BodyNames names) {
    while (e instanceof MemberSelectTree) {
      e = ((MemberSelectTree) e).getExpression();
    }
    return names.isTypeName(e);
  }

  /** Whether one of {@code methods} takes {@code count} arguments (varargs: at least n - 1). */
  private static boolean accepts(List<ExecutableElement> methods, int count) {
    for (ExecutableElement m : methods) {
      int n = m.getParameters().size();
      if (n == count || (m.isVarArgs() && count >= n - 1)) {
        return true;
      }
    }
    return false;
  }
}
