/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.processor.transform;

import com.sun.source.tree.BlockTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.Tree;
import java.util.List;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeKind;

/**
 * What one machine runs: the body of an {@code @Async} method, or the lambda of an async block
 * inside one (whose enclosing method gives its class and receiver).
 *
 * @param root the method or the lambda: the tree the lowering's questions about parents stop at
 * @param statements the statements to lower, or null for a lambda whose body is an expression
 * @param expression that expression, or null
 * @param isVoid whether the machine completes with {@code null} ({@code void}, a block without a
 *     value)
 * @param owner the class whose members the body uses
 * @param instance whether the body has a receiver ({@code self})
 * @param generic whether the machine declares type variables (its method's, and its class's for an
 *     instance method), which a block machine copies
 */
public record LoweredBody(
    Tree root,
    List<? extends StatementTree> statements,
    ExpressionTree expression,
    boolean isVoid,
    TypeElement owner,
    boolean instance,
    boolean generic) {

  /** The body of {@code method}. */
  public static LoweredBody of(MethodTree tree, ExecutableElement method) {
    TypeElement owner = (TypeElement) method.getEnclosingElement();
    boolean instance = !method.getModifiers().contains(Modifier.STATIC);
    return new LoweredBody(
        tree,
        tree.getBody().getStatements(),
        null,
        method.getReturnType().getKind() == TypeKind.VOID,
        owner,
        instance,
        isGeneric(method, instance));
  }

  /** The lambda of an async block inside {@code method}; {@code isVoid} for a block without value. */
  public static LoweredBody ofBlock(
      LambdaExpressionTree lambda, boolean isVoid, ExecutableElement method) {
    TypeElement owner = (TypeElement) method.getEnclosingElement();
    boolean instance = !method.getModifiers().contains(Modifier.STATIC);
    Tree body = lambda.getBody();
    return new LoweredBody(
        lambda,
        body instanceof BlockTree ? ((BlockTree) body).getStatements() : null,
        body instanceof BlockTree ? null : (ExpressionTree) body,
        isVoid,
        owner,
        instance,
        isGeneric(method, instance));
  }

  private static boolean isGeneric(ExecutableElement method, boolean instance) {
    TypeElement owner = (TypeElement) method.getEnclosingElement();
    return !method.getTypeParameters().isEmpty()
        || (instance && !owner.getTypeParameters().isEmpty());
  }
}
