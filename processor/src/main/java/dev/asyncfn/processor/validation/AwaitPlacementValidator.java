/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.processor.validation;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.EnhancedForLoopTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.SynchronizedTree;
import com.sun.source.util.TreeScanner;
import dev.asyncfn.processor.analysis.Awaits;
import dev.asyncfn.processor.diagnostics.Message;
import dev.asyncfn.processor.diagnostics.Reporter;

/**
 * Where an await may be: not inside a lambda or a class body (another function, which the machine
 * does not lower) unless that lambda is an async block's, nor inside a {@code synchronized} block
 * (a monitor cannot be held across a suspension). Each misplaced await is reported at its call.
 */
public final class AwaitPlacementValidator {
  private final Reporter reporter;

  public AwaitPlacementValidator(Reporter reporter) {
    this.reporter = reporter;
  }

  /** Reports every misplaced await of {@code method}'s body; returns whether there was none. */
  public boolean validate(MethodTree method, CompilationUnitTree unit, Awaits awaits) {
    boolean[] ok = {true};
    new TreeScanner<Void, Message>() {
      @Override
      public Void visitLambdaExpression(LambdaExpressionTree node, Message inside) {
        return super.visitLambdaExpression(node, Message.AWAIT_IN_LAMBDA);
      }

      @Override
      public Void visitClass(ClassTree node, Message inside) {
        return super.visitClass(node, Message.AWAIT_IN_CLASS);
      }

      @Override
      public Void visitNewClass(NewClassTree node, Message inside) {
        scan(node.getEnclosingExpression(), inside);
        scan(node.getArguments(), inside);
        scan(node.getClassBody(), Message.AWAIT_IN_CLASS);
        return null;
      }

      @Override
      public Void visitSynchronized(SynchronizedTree node, Message inside) {
        scan(node.getExpression(), inside);
        return scan(node.getBlock(), inside == null ? Message.AWAIT_IN_SYNCHRONIZED : inside);
      }

      @Override
      public Void visitEnhancedForLoop(EnhancedForLoopTree node, Message inside) {
        MethodInvocationTree each = awaits.eachCall(node);
        if (each == null) {
          return super.visitEnhancedForLoop(node, inside);
        }
        // the loop awaits each element: a suspension point where an await would be one
        if (inside != null) {
          reporter.at(each, unit, inside);
          ok[0] = false;
        }
        scan(node.getVariable(), inside);
        scan(each.getArguments(), inside);
        return scan(node.getStatement(), inside);
      }

      @Override
      public Void visitMethodInvocation(MethodInvocationTree node, Message inside) {
        if (awaits.isAsyncBlock(node) && inside != Message.AWAIT_IN_CLASS) {
          // an async block's body is a body of its own, lowered like the method's: it may await
          // (even in a lambda or synchronized block around it: it runs when it is polled)
          scan(node.getMethodSelect(), inside);
          scan(((LambdaExpressionTree) node.getArguments().get(0)).getBody(), null);
          return null;
        }
        if (inside != null && awaits.isAwait(node)) {
          reporter.at(node, unit, inside);
          ok[0] = false;
        }
        if (awaits.isAwaitEach(node)) {
          reporter.at(node, unit, inside != null ? inside : Message.AWAIT_EACH_OUTSIDE_FOR_EACH);
          ok[0] = false;
        }
        return super.visitMethodInvocation(node, inside);
      }
    }.scan(method.getBody(), null);
    return ok[0];
  }
}
