/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package cases.expressions;

import static dev.asyncfn.runtime.Futures.await;
import static dev.asyncfn.testing.TestFutures.later;
import static dev.asyncfn.testing.Trace.log;

import dev.asyncfn.Async;
import java.util.List;
import java.util.Optional;

/** Awaits in the remaining expression positions: unary operands, casts, dimensions, chains. */
public class MoreExpressions {

  @Async
  static String unaryOperands() {
    int a = -await(later(3)) + ~await(later(0));
    boolean b = !await(later(false));
    return a + " " + b;
  }

  @Async
  static int arrayDimension() {
    int[][] grid = new int[await(later(3))][await(later(2))];
    return grid.length * 10 + grid[0].length;
  }

  @Async
  static String forEachOverAwaitedIterable() {
    StringBuilder sb = new StringBuilder();
    for (String s : await(later(List.of("a", "b", "c")))) {
      sb.append(await(later(s.toUpperCase())));
    }
    return sb.toString();
  }

  @Async
  static int castsAroundAwait() {
    Object o = await(later((Object) "four"));
    int n = ((String) o).length() + ((String) await(later((Object) "xy"))).length();
    long l = (long) await(later(5)) << 32;
    return n + (int) (l >> 32);
  }

  @Async
  static int awaitedValueThroughOptionalAndLambda() {
    return Optional.of(await(later(2))).map(x -> x + 1).orElse(-1);
  }

  @Async
  static String conditionalWithNullBoxing(boolean flag) {
    Integer r = flag ? await(later(1)) : null;
    return String.valueOf(r);
  }

  @Async
  static String chainedAndNestedAssignments() {
    int a;
    int b;
    a = b = await(later(5));
    int x;
    int y = (x = await(later(3))) + x;
    return a + "," + b + "," + x + "," + y;
  }

  @Async
  static boolean plainInstanceofOnAwait(Object o) {
    boolean r = await(later(o)) instanceof Integer;
    log("instanceof " + r);
    return r;
  }

  @Async
  static String awaitInsideTextOfLog() {
    log("value " + await(later(1)) + " and " + await(later(2)));
    return "logged";
  }
}
