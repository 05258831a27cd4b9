/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.processor.transform;

import com.sun.source.tree.BlockTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreeScanner;
import com.sun.source.util.Trees;
import dev.asyncfn.processor.analysis.Awaits;
import dev.asyncfn.processor.diagnostics.Message;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;

/**
 * Whether an async block has a value: which {@code Futures.async} overload the user's call
 * resolves to, {@code AsyncBlock} (a value) or {@code AsyncRunnable} ({@code Future<Void>}).
 */
public final class BlockShapes {
  private BlockShapes() {}

  /**
   * Whether the block of {@code call} has no value. A block body has one when it returns one; an
   * expression body has one unless it is a call of a {@code void} method, which only javac can
   * tell: the call is attributed ({@code Trees.getScope}) and the overload it resolved to read.
   */
  public static boolean isVoid(
      MethodInvocationTree call, Trees trees, CompilationUnitTree unit, Awaits awaits) {
    LambdaExpressionTree lambda = (LambdaExpressionTree) call.getArguments().get(0);
    Tree body = lambda.getBody();
    if (body instanceof BlockTree) {
      return !returnsValue((BlockTree) body);
    }
    if (!(body instanceof MethodInvocationTree) || awaits.isAwait(body)) {
      return false;
    }
    TreePath path = trees.getPath(unit, call);
    Element overload = null;
    try {
      trees.getScope(path);
      overload = trees.getElement(path);
    } catch (RuntimeException javacCannotAttributeHere) {
      // JDK-8347989 on javac 17: reported below
    }
    if (!(overload instanceof ExecutableElement)) {
      String text = body.toString();
      throw new Unsupported(call, Message.BLOCK_NOT_TYPED_BY_JAVAC, text, text, text);
    }
    String parameter = ((ExecutableElement) overload).getParameters().get(0).asType().toString();
    return parameter.startsWith("dev.asyncfn.runtime.AsyncRunnable");
  }

  private static boolean returnsValue(BlockTree body) {
    boolean[] found = {false};
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitReturn(ReturnTree node, Void unused) {
        found[0] |= node.getExpression() != null;
        return null;
      }

      @Override
      public Void visitLambdaExpression(LambdaExpressionTree node, Void unused) {
        return null;
      }

      @Override
      public Void visitClass(ClassTree node, Void unused) {
        return null;
      }
    }.scan(body, null);
    return found[0];
  }
}
