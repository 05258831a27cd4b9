/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.processor.transform;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.util.TreePath;
import dev.asyncfn.processor.analysis.ProcessingHarness;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Which operands left of an await need not be held (JLS 15.7): evaluating them after the await
 * gives the same value, because they are constants, locals no later operand assigns, or final
 * fields read through their class.
 */
class OperandOrderTest {
  static ProcessingHarness javac;
  static TreePath method;
  static OperandOrder order;

  @BeforeAll
  static void compile() {
    javac =
        ProcessingHarness.compile(
            """
            package order;

            import java.util.function.Supplier;

            class Order {
              static int sc;
              static final int FIXED = 7;
              static final String NAME = "n";
              static final Integer BOXED = 5;
              static final Order INSTANCE = new Order();
              final int f = call();
              int g;

              static class Inner {
                static final int CONST = 3;
                static int mutable;
              }

              static int call() { return 0; }
              static void use(Object... values) {}
              static void run(Runnable r, Supplier<Integer> s) {}

              @SuppressWarnings("divzero")
              void operands(int a, final int k) {
                int x = 0;
                use(26, 'c', "s", null, 2.5, true);
                use((int) 26L, (byte) 3, (String) "s", (long) FIXED, -1, ~1, !true, 1 + 2 * 3);
                use("a" + 1, true ? 1 : 2, FIXED > 2 ? NAME : "m", (FIXED));
                use((Integer) 3, (Object) "s", (int) x, -x, 1 + x, x > 0 ? 1 : 2);
                use(FIXED, NAME, sc, f, g, BOXED);
                use(Order.FIXED, Order.sc, Order.Inner.CONST, Order.Inner.mutable);
                use(Order.INSTANCE.f, Order.INSTANCE.g, Order.BOXED, Integer.MAX_VALUE);
                use(Order.class);
                use(x, a, k, this, Order.call(), call());
                run(() -> {}, Order::call);
                use(x = 3, x++, x += 2, --x, (x) = 4, a = 1);
                use(1 / 0, 1 % 0, java.lang.Integer.MAX_VALUE);
              }
            }
            """);
    method = javac.method("order.Order", "operands");
    order = Lowerings.of(javac, method).operands;
  }

  @AfterAll
  static void close() {
    javac.close();
  }

  /** The arguments of the first call whose source text is {@code call}. */
  private static List<? extends ExpressionTree> arguments(String call) {
    return javac.find(method, MethodInvocationTree.class, call).getArguments();
  }

  private static void assertStable(boolean expected, String call) {
    for (ExpressionTree operand : arguments(call)) {
      String text = javac.source(method.getCompilationUnit()).of(operand);
      if (expected) {
        assertTrue(order.isStable(operand, List.of()), text + " is stable");
      } else {
        assertFalse(order.isStable(operand, List.of()), text + " is held");
      }
    }
  }

  @Test
  void literalsAreStable() {
    assertStable(true, "use(26, 'c', \"s\", null, 2.5, true)");
  }

  @Test
  void constantCastsAndOperationsOnConstantsAreStable() {
    assertStable(
        true, "use((int) 26L, (byte) 3, (String) \"s\", (long) FIXED, -1, ~1, !true, 1 + 2 * 3)");
    assertStable(true, "use(\"a\" + 1, true ? 1 : 2, FIXED > 2 ? NAME : \"m\", (FIXED))");
  }

  @Test
  void boxingCastsCastsToOtherTypesAndOperationsOnVariablesAreHeld() {
    assertStable(false, "use((Integer) 3, (Object) \"s\", (int) x, -x, 1 + x, x > 0 ? 1 : 2)");
  }

  @Test
  void aFieldByItsSimpleNameIsStableOnlyWhenItIsAConstant() {
    List<? extends ExpressionTree> args = arguments("use(FIXED, NAME, sc, f, g, BOXED)");
    assertTrue(order.isStable(args.get(0), List.of()));
    assertTrue(order.isStable(args.get(1), List.of()));
    for (ExpressionTree held : args.subList(2, args.size())) {
      assertFalse(order.isStable(held, List.of()), held.toString());
    }
  }

  @Test
  void aFieldReadThroughItsClassIsStableOnlyWhenEveryFieldOfTheChainIsFinal() {
    List<? extends ExpressionTree> statics =
        arguments("use(Order.FIXED, Order.sc, Order.Inner.CONST, Order.Inner.mutable)");
    assertTrue(order.isStable(statics.get(0), List.of()));
    assertFalse(order.isStable(statics.get(1), List.of()));
    assertTrue(order.isStable(statics.get(2), List.of()));
    assertFalse(order.isStable(statics.get(3), List.of()));
    List<? extends ExpressionTree> chains =
        arguments("use(Order.INSTANCE.f, Order.INSTANCE.g, Order.BOXED, Integer.MAX_VALUE)");
    assertTrue(order.isStable(chains.get(0), List.of()));
    assertFalse(order.isStable(chains.get(1), List.of()));
    assertTrue(order.isStable(chains.get(2), List.of()));
    assertTrue(order.isStable(chains.get(3), List.of()));
    assertTrue(order.isStable(arguments("use(Order.class)").get(0), List.of()));
  }

  @Test
  void localsThisLambdasAndMethodReferencesAreStableAndCallsAreHeld() {
    List<? extends ExpressionTree> args = arguments("use(x, a, k, this, Order.call(), call())");
    for (ExpressionTree stable : args.subList(0, 4)) {
      assertTrue(order.isStable(stable, List.of()), stable.toString());
    }
    assertFalse(order.isStable(args.get(4), List.of()));
    assertFalse(order.isStable(args.get(5), List.of()));
    assertStable(true, "run(() -> {}, Order::call)");
  }

  @Test
  void aLocalIsHeldWhenALaterOperandAssignsIt() {
    ExpressionTree x = arguments("use(x, a, k, this, Order.call(), call())").get(0);
    List<? extends ExpressionTree> writes =
        arguments("use(x = 3, x++, x += 2, --x, (x) = 4, a = 1)");
    for (ExpressionTree write : writes.subList(0, 5)) {
      assertFalse(order.isStable(x, List.of(write)), write.toString());
    }
    assertTrue(order.isStable(x, List.of(writes.get(5))));
    assertTrue(OperandOrder.assignedIn("a", List.of(writes.get(5))));
    assertFalse(OperandOrder.assignedIn("k", List.copyOf(writes)));
  }

  @Test
  void anIntegerDivisionByAConstantZeroIsHeld() {
    List<? extends ExpressionTree> args =
        arguments("use(1 / 0, 1 % 0, java.lang.Integer.MAX_VALUE)");
    assertFalse(order.isStable(args.get(0), List.of()));
    assertFalse(order.isStable(args.get(1), List.of()));
  }

  @Test
  void aFullyQualifiedConstantIsStable() {
    ExpressionTree max = arguments("use(1 / 0, 1 % 0, java.lang.Integer.MAX_VALUE)").get(2);
    assertTrue(order.isStable(max, List.of()));
  }
}
