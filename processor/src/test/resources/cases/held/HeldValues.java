/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package cases.held;

import static dev.asyncfn.runtime.Futures.await;
import static dev.asyncfn.testing.TestFutures.later;
import static dev.asyncfn.testing.Trace.logged;

import dev.asyncfn.Async;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;

/** Values evaluated before an await in the same expression, of types that are hard to write. */
public class HeldValues {

  static String show(Object o, int x) {
    return o + "#" + x;
  }

  static int apply(Function<Integer, Integer> f, int v) {
    return f.apply(v);
  }

  @Async
  static String anonymousClassInstanceHeld() {
    return show(
        new Object() {
          @Override
          public String toString() {
            return "anon";
          }
        },
        await(later(1)));
  }

  @Async
  static int lambdaArgumentHeld() {
    return apply(x -> x * 10, await(later(4))) + apply(Math::abs, await(later(-3)));
  }

  @Async
  static long mixedBoxingConditionalHeld(boolean flag) {
    return (flag ? 1 : 2L) + await(later(1));
  }

  @Async
  static int explicitTypeArgumentsCallHeld() {
    return Collections.<String>emptyList().size() + await(later(5));
  }

  @Async
  static double wildcardElementHeld(List<? extends Number> xs) {
    return xs.get(0).doubleValue() + await(later(xs.get(1))).doubleValue();
  }

  @Async
  static String charAndShortHeld() {
    char c = 'a';
    short s = 2;
    int r = c + await(later(1)) + s * await(later(3));
    return r + " " + (char) (c + await(later(2)));
  }

  @Async
  static String nullLiteralHeld() {
    return String.valueOf(logged("left", (Object) null)) + await(later("!"));
  }
}
