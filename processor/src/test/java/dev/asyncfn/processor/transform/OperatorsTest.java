/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.processor.transform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.CompoundAssignmentTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import dev.asyncfn.processor.analysis.ProcessingHarness;
import dev.asyncfn.processor.analysis.SourceText;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The text of every binary and compound assignment operator, checked against javac itself: the text
 * between the operands of each operator written in a source.
 */
class OperatorsTest {
  static ProcessingHarness javac;

  /** Each operator kind, and its text as written in the source below. */
  static final Map<Tree.Kind, String> written = new EnumMap<>(Tree.Kind.class);

  @BeforeAll
  static void compile() {
    javac =
        ProcessingHarness.compile(
            """
            package ops;

            class Ops {
              void all(int a, int b, boolean p, boolean q) {
                int r;
                r = a * b; r = a / b; r = a % b; r = a + b; r = a - b;
                r = a << b; r = a >> b; r = a >>> b;
                p = a < b; p = a > b; p = a <= b; p = a >= b; p = a == b; p = a != b;
                r = a & b; r = a ^ b; r = a | b; p = p && q; p = p || q;
                a *= b; a /= b; a %= b; a += b; a -= b; a <<= b; a >>= b; a >>>= b;
                a &= b; a ^= b; a |= b;
              }
            }
            """);
    TreePath method = javac.method("ops.Ops", "all");
    SourceText src = javac.source(method.getCompilationUnit());
    new TreePathScanner<Void, Void>() {
      @Override
      public Void visitBinary(BinaryTree node, Void unused) {
        written.put(
            node.getKind(),
            src.slice(src.end(node.getLeftOperand()), src.start(node.getRightOperand())).trim());
        return super.visitBinary(node, null);
      }

      @Override
      public Void visitCompoundAssignment(CompoundAssignmentTree node, Void unused) {
        String op = src.slice(src.end(node.getVariable()), src.start(node.getExpression())).trim();
        written.put(node.getKind(), op.substring(0, op.length() - 1));
        return super.visitCompoundAssignment(node, null);
      }
    }.scan(method, null);
  }

  @AfterAll
  static void close() {
    javac.close();
  }

  @Test
  void theSourceWritesEveryBinaryAndCompoundOperator() {
    Set<Tree.Kind> operators = EnumSet.noneOf(Tree.Kind.class);
    for (Tree.Kind k : Tree.Kind.values()) {
      if (k.asInterface() == BinaryTree.class || k.asInterface() == CompoundAssignmentTree.class) {
        operators.add(k);
      }
    }
    assertEquals(operators, written.keySet());
  }

  @Test
  void everyOperatorIsWrittenAsInTheSource() {
    written.forEach((kind, text) -> assertEquals(text, Operators.text(kind), kind.toString()));
  }

  @Test
  void aCompoundAssignmentHasTheTextOfItsBinaryOperator() {
    for (Tree.Kind k : written.keySet()) {
      if (k.name().endsWith("_ASSIGNMENT")) {
        Tree.Kind binary = Tree.Kind.valueOf(k.name().replace("_ASSIGNMENT", ""));
        assertEquals(Operators.text(binary), Operators.text(k), k.toString());
      }
    }
  }

  @Test
  void aKindThatIsNoBinaryOperatorFails() {
    for (Tree.Kind k :
        new Tree.Kind[] {
          Tree.Kind.ASSIGNMENT,
          Tree.Kind.POSTFIX_INCREMENT,
          Tree.Kind.UNARY_MINUS,
          Tree.Kind.INSTANCE_OF,
          Tree.Kind.IDENTIFIER
        }) {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> Operators.text(k));
      assertTrue(e.getMessage().contains(k.toString()), e.getMessage());
    }
  }
}
