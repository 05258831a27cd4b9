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
    return in(
        method,
        tree,
        tree.getBody().getStatements(),
        null,
        method.getReturnType().getKind() == TypeKind.VOID);
  }

  /** The lambda of an async block inside {@code method}; {@code isVoid} for a block without value. */
  public static LoweredBody ofBlock(
      LambdaExpressionTree lambda, boolean isVoid, ExecutableElement method) {
    Tree body = lambda.getBody();
    return body instanceof BlockTree
        ? in(method, lambda, ((BlockTree) body).getStatements(), null, isVoid)
        : in(method, lambda, null, (ExpressionTree) body, isVoid);
  }

  /** A body inside {@code method}, which gives it its class, receiver and type variables. */
  private static LoweredBody in(
      ExecutableElement method,
      Tree root,
      List<? extends StatementTree> statements,
      ExpressionTree expression,
      boolean isVoid) {
    TypeElement owner = (TypeElement) method.getEnclosingElement();
    boolean instance = !method.getModifiers().contains(Modifier.STATIC);
    boolean generic =
        !method.getTypeParameters().isEmpty()
            || (instance && !owner.getTypeParameters().isEmpty());
    return new LoweredBody(root, statements, expression, isVoid, owner, instance, generic);
  }
}
