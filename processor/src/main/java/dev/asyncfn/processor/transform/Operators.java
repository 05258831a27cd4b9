/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.processor.transform;

import com.sun.source.tree.Tree;

/** The source text of binary operators, for the witnesses that re-state an operation. */
final class Operators {
  private Operators() {}

  /**
   * {@code "+"} for {@link Tree.Kind#PLUS} and for {@link Tree.Kind#PLUS_ASSIGNMENT}, and so on for
   * every binary and compound assignment operator.
   */
  static String text(Tree.Kind kind) {
    switch (kind) {
      case MULTIPLY_ASSIGNMENT:
        return "*";
      case DIVIDE_ASSIGNMENT:
        return "/";
      case REMAINDER_ASSIGNMENT:
        return "%";
      case PLUS_ASSIGNMENT:
        return "+";
      case MINUS_ASSIGNMENT:
        return "-";
      case LEFT_SHIFT_ASSIGNMENT:
        return "<<";
      case RIGHT_SHIFT_ASSIGNMENT:
        return ">>";
      case UNSIGNED_RIGHT_SHIFT_ASSIGNMENT:
        return ">>>";
      case AND_ASSIGNMENT:
        return "&";
      case XOR_ASSIGNMENT:
        return "^";
      case OR_ASSIGNMENT:
        return "|";
      case MULTIPLY:
        return "*";
      case DIVIDE:
        return "/";
      case REMAINDER:
        return "%";
      case PLUS:
        return "+";
      case MINUS:
        return "-";
      case LEFT_SHIFT:
        return "<<";
      case RIGHT_SHIFT:
        return ">>";
      case UNSIGNED_RIGHT_SHIFT:
        return ">>>";
      case LESS_THAN:
        return "<";
      case GREATER_THAN:
        return ">";
      case LESS_THAN_EQUAL:
        return "<=";
      case GREATER_THAN_EQUAL:
        return ">=";
      case EQUAL_TO:
        return "==";
      case NOT_EQUAL_TO:
        return "!=";
      case AND:
        return "&";
      case XOR:
        return "^";
      case OR:
        return "|";
      case CONDITIONAL_AND:
        return "&&";
      case CONDITIONAL_OR:
        return "||";
      default:
        throw new IllegalArgumentException("not a binary or compound operator: " + kind);
    }
  }
}
