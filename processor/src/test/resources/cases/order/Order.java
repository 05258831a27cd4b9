/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package cases.order;

import static dev.asyncfn.runtime.Futures.await;
import static dev.asyncfn.testing.TestFutures.later;
import static dev.asyncfn.testing.Trace.log;
import static dev.asyncfn.testing.Trace.logged;

import dev.asyncfn.Async;
import java.util.ArrayList;
import java.util.List;

/** JLS 15.7: operands left of an await are evaluated first and held; side effects happen once. */
public class Order {

  static int counter;

  static String three(Object a, Object b, Object c) {
    return a + "|" + b + "|" + c;
  }

  static int idx(String tag, int i) {
    log("idx " + tag);
    return i;
  }

  static final class Pair {
    final Object left;
    final Object right;

    Pair(Object left, Object right) {
      log("new Pair");
      this.left = left;
      this.right = right;
    }

    @Override
    public String toString() {
      return "(" + left + "," + right + ")";
    }
  }

  @Async
  static int binaryOperandsInOrder() {
    return logged("a", 1) + await(later(logged("b", 2))) * logged("c", 3);
  }

  /** The left operand is read before the await's argument assigns the variable. */
  @Async
  static int leftOperandHeldBeforeAssignmentInAwait() {
    int x = 1;
    int r = x + await(later(x = 10));
    return r * 100 + x;
  }

  @Async
  static int compoundAssignmentReadsLeftFirst() {
    int x = 1;
    x += await(later(x = 5));
    return x;
  }

  @Async
  static int staticFieldCompoundAssignment() {
    counter = 7;
    counter *= await(later(counter++));
    return counter;
  }

  @Async
  static String incrementsInArgumentsHappenOnce() {
    int i = 0;
    String r = three(i++, await(later(i)), i++);
    return r + " i=" + i;
  }

  @Async
  static String arrayElementAssignment() {
    int[] a = new int[3];
    int i = 0;
    a[i++] = await(later(i + 40));
    a[idx("second", 2)] = await(later(logged("value", 7)));
    return java.util.Arrays.toString(a) + " i=" + i;
  }

  @Async
  static String arrayElementCompoundAssignment() {
    int[] a = {1, 2, 3};
    int i = 0;
    a[i++] += await(later(a[0] = 100));
    return java.util.Arrays.toString(a) + " i=" + i;
  }

  @Async
  static String receiverEvaluatedBeforeArguments() {
    StringBuilder a = new StringBuilder("a");
    StringBuilder b = new StringBuilder("b");
    StringBuilder target = a;
    target.append(await(later(logged("arg", "X"))));
    target.append(await(later((target = b).length())));
    return a + " " + b + " " + (target == b);
  }

  @Async
  static String argumentsInOrder() {
    return three(logged("1st", 1), await(later(logged("2nd", 2))), logged("3rd", 3))
        + three(await(later(4)), logged("5th", 5), await(later(logged("6th", 6))));
  }

  @Async
  static String stringConcatenationOrder() {
    String s = "x";
    return "a" + s + await(later(s = "y")) + s;
  }

  @Async
  static int nestedAwaits() {
    int a = await(later(await(later(3)) + 1));
    int b = await(later(await(later(await(later(2)) * 5)) + a));
    return a * 100 + b;
  }

  @Async
  static String awaitInArrayInitializer() {
    int[] xs = {logged("first", 1), await(later(2)), logged("third", 3)};
    Object[] ys = new Object[] {await(later("p")), logged("q", "q")};
    return java.util.Arrays.toString(xs) + java.util.Arrays.toString(ys);
  }

  @Async
  static String awaitInConstructorArguments() {
    Pair p = new Pair(logged("left", 1), await(later(logged("right", 2))));
    return p.toString();
  }

  @Async
  static String methodCallChainWithAwaitsInArguments() {
    List<String> list = new ArrayList<>();
    list.add(logged("one", "1"));
    list.add(await(later("2")));
    list.add(list.size() + await(later("")));
    return String.join(",", list);
  }

  @Async
  static int postAndPreIncrementAroundAwaits() {
    int i = 5;
    int r = i++ + await(later(i)) + ++i + await(later(i--)) + i;
    return r * 10 + i;
  }

  /** A static field used as a receiver, reassigned by the argument's evaluation. */
  static final class Holder {
    static StringBuilder sb = new StringBuilder();
  }

  static String swap() {
    Holder.sb = new StringBuilder("B");
    return "x";
  }

  @Async
  static String staticFieldReceiverReassignedInArgument() {
    Holder.sb = new StringBuilder("A");
    StringBuilder a = Holder.sb;
    Holder.sb.append(await(later(swap())));
    return a + "|" + Holder.sb;
  }
}
