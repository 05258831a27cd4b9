/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.processor.validation;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.SynchronizedTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreeScanner;
import dev.asyncfn.processor.analysis.BodyNames;
import dev.asyncfn.processor.diagnostics.Message;
import dev.asyncfn.processor.diagnostics.Reporter;
import java.util.Map;

/**
 * Warns about calls in an {@code @Async} body that block the thread polling it: {@code
 * Thread.sleep}, {@code Futures.blockOn}, {@code get()}/{@code join()} of a {@code
 * java.util.concurrent} future, and a direct call of another {@code @Async} method (its blocking
 * synchronous twin), each with what to await instead.
 */
public final class BlockingCallChecker {
  private final Reporter reporter;

  public BlockingCallChecker(Reporter reporter) {
    this.reporter = reporter;
  }

  /**
   * Warns about the blocking calls of {@code method}'s body (outside lambdas and class bodies,
   * which run elsewhere). {@code asyncMethods} maps the enclosing class's {@code @Async} method
   * names to the factory call that gives their future, e.g. {@code GreeterAsync.greet(...)}.
   */
  public void check(
      MethodTree method,
      CompilationUnitTree unit,
      BodyNames names,
      Map<String, String> asyncMethods) {
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitLambdaExpression(LambdaExpressionTree node, Void unused) {
        return null;
      }

      @Override
      public Void visitClass(ClassTree node, Void unused) {
        return null;
      }

      @Override
      public Void visitNewClass(NewClassTree node, Void unused) {
        scan(node.getEnclosingExpression(), null);
        return scan(node.getArguments(), null);
      }

      @Override
      public Void visitSynchronized(SynchronizedTree node, Void unused) {
        return scan(node.getExpression(), null);
      }

      @Override
      public Void visitMethodInvocation(MethodInvocationTree node, Void unused) {
        checkCall(node, unit, names, asyncMethods);
        return super.visitMethodInvocation(node, null);
      }
    }.scan(method.getBody(), null);
  }

  private void checkCall(
      MethodInvocationTree call,
      CompilationUnitTree unit,
      BodyNames names,
      Map<String, String> asyncMethods) {
    ExpressionTree select = call.getMethodSelect();
    String name;
    String qualifier = null;
    if (select instanceof MemberSelectTree) {
      name = ((MemberSelectTree) select).getIdentifier().toString();
      qualifier = ((MemberSelectTree) select).getExpression().toString();
    } else if (select instanceof IdentifierTree) {
      name = ((IdentifierTree) select).getName().toString();
    } else {
      return;
    }
    if (name.equals("sleep") && "Thread".equals(qualifier)) {
      reporter.at(
          call, unit, Message.BLOCKING_CALL, "Thread.sleep(...)", "Await a timer future instead.");
    } else if (name.equals("blockOn") && (qualifier == null || qualifier.endsWith("Futures"))) {
      reporter.at(
          call,
          unit,
          Message.BLOCKING_CALL,
          "Futures.blockOn(...)",
          "Use await(...) inside an @Async method.");
    } else if ((name.equals("join") && call.getArguments().isEmpty() && qualifier != null
            && looksLikeFuture(select, qualifier, names))
        || (name.equals("get")
            && (call.getArguments().isEmpty() || call.getArguments().size() == 2)
            && qualifier != null
            && looksLikeFuture(select, qualifier, names))) {
      reporter.at(
          call,
          unit,
          Message.BLOCKING_CALL,
          qualifier + "." + name + "(...)",
          "Use await(" + qualifier + ") instead: it accepts any CompletionStage.");
    } else if (qualifier == null && asyncMethods.containsKey(name)) {
      reporter.at(
          call,
          unit,
          Message.BLOCKING_CALL,
          "calling @Async " + name + "(...) directly (its synchronous twin)",
          "Await its future instead: await(" + asyncMethods.get(name) + ").");
    }
  }

  /**
   * Whether the receiver of {@code get()}/{@code join()} is a java.util.concurrent future, judged
   * without attribution: its declared type (for a local or parameter) or its own text names one.
   */
  private static boolean looksLikeFuture(ExpressionTree select, String qualifier, BodyNames names) {
    ExpressionTree receiver = ((MemberSelectTree) select).getExpression();
    String text = qualifier;
    if (receiver instanceof IdentifierTree) {
      VariableTree decl = names.local(receiver);
      if (decl != null && decl.getType() != null) {
        text = decl.getType().toString();
      }
    }
    return text.contains("Future") && !text.contains("dev.asyncfn");
  }
}
