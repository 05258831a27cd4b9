/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.processor.transform;

import com.palantir.javapoet.CodeBlock;
import com.sun.source.tree.ConditionalExpressionTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.Tree;
import java.util.Set;
import java.util.regex.Pattern;

/** Small questions about the shape of a tree or of generated code. */
final class TreeShapes {
  private TreeShapes() {}

  static final Set<String> PRIMITIVES =
      Set.of("boolean", "byte", "short", "char", "int", "long", "float", "double");

  private static final Pattern SIMPLE_NAME = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*");

  /** {@code e} without the parentheses around it. */
  static ExpressionTree unparen(ExpressionTree e) {
    while (e instanceof ParenthesizedTree) {
      e = ((ParenthesizedTree) e).getExpression();
    }
    return e;
  }

  /** Whether {@code e} is the literal {@code true} (a loop that only a jump leaves). */
  /**
   * Whether {@code e} has the null type: {@code null}, or a conditional of such branches. A {@code
   * var} cannot be declared of it.
   */
  static boolean isNullTyped(ExpressionTree e) {
    ExpressionTree bare = unparen(e);
    if (bare.getKind() == Tree.Kind.NULL_LITERAL) {
      return true;
    }
    return bare instanceof ConditionalExpressionTree c
        && isNullTyped(c.getTrueExpression())
        && isNullTyped(c.getFalseExpression());
  }

  static boolean isTrueLiteral(ExpressionTree e) {
    return e.getKind() == Tree.Kind.BOOLEAN_LITERAL
        && Boolean.TRUE.equals(((LiteralTree) e).getValue());
  }

  /** The leftmost name of {@code a.b.c}. */
  static ExpressionTree rootOf(ExpressionTree e) {
    while (e instanceof MemberSelectTree) {
      e = ((MemberSelectTree) e).getExpression();
    }
    return e;
  }

  /**
   * Whether lowered code is a bare name (the value of a lowered expression that has no effect left
   * to run): it is not emitted as a statement of its own, which javac would reject.
   */
  static boolean isBareName(CodeBlock code) {
    return SIMPLE_NAME.matcher(code.toString()).matches();
  }

  /** {@code s} on one line, shortened to 80 characters: for comments. */
  static String oneLine(String s) {
    String one = s.replaceAll("\\s+", " ").trim();
    return one.length() > 80 ? one.substring(0, 77) + "..." : one;
  }
}
