/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package cases.scoping;

import static dev.asyncfn.runtime.Futures.await;
import static dev.asyncfn.testing.TestFutures.later;
import static dev.asyncfn.testing.Trace.logged;

import dev.asyncfn.Async;

/**
 * Regression cases found by the processor's unit tests: names that a local or anonymous class
 * declares or inherits, constant expressions (JLS 15.29) and whether a statement can complete
 * (JLS 14.22), and a local that outlives its block when the lowering flattens it.
 */
public class Scoping {
  static final boolean FOREVER = true;

  static String getName() {
    return "outer";
  }

  static String f(Object a, int b) {
    return a + "/" + b;
  }

  @Async
  static String anonymousClassFieldDeclaredBelowItsUse() {
    int count = await(later(1));
    Object o =
        new Object() {
          @Override
          public String toString() {
            return "" + count;
          }

          int count = 5;
        };
    return o + "/" + count;
  }

  @Async
  static String methodInheritedByAnonymousClass() {
    String prefix = await(later("t:"));
    Thread t =
        new Thread("inner") {
          @Override
          public String toString() {
            return prefix + getName();
          }
        };
    return t + "/" + getName();
  }

  @Async
  static String fullyQualifiedConstantOperand() {
    return f(java.lang.Short.MAX_VALUE, await(later(1)));
  }

  @Async
  static String divisionByConstantZeroThrowsBeforeLaterOperands() {
    return f(1 / 0, await(later(logged("later", 2))));
  }

  @Async
  static int doLoopThatOnlyReturns(boolean c) {
    int a = await(later(1));
    if (c) {
      do {
        return a;
      } while (c);
    } else {
      a = await(later(2));
    }
    return a + 10;
  }

  @Async
  static int whileOnConstantVariable(int v) {
    int a = await(later(1));
    if (v > 0) {
      while (FOREVER) {
        return a;
      }
    } else {
      a = await(later(2));
    }
    return a + 10;
  }

  @Async
  static int whileOnConstantLocal(int v) {
    final boolean on = true;
    int a = await(later(1));
    if (v > 0) {
      while (on) {
        return a;
      }
    } else {
      a = await(later(2));
    }
    return a + 10;
  }

  @Async
  static int constantLocalAsCaseLabel(int v) {
    final int k = 3;
    final String name = "three";
    int a = await(later(1));
    String s = await(later(v == 3 ? "three" : "other"));
    switch (s) {
      case name:
        break;
      default:
        a += 100;
    }
    switch (v) {
      case k:
        return a + k;
      default:
        return a;
    }
  }

  @Async
  static int localOfFlattenedBlockDoesNotShadowLaterLocal() {
    {
      await(later(0));
      int x = 1;
      logged("inner", x);
    }
    int x = 2;
    await(later(0));
    return x;
  }
}
