/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package cases.localclass;

import static dev.asyncfn.runtime.Futures.await;
import static dev.asyncfn.testing.TestFutures.later;

import dev.asyncfn.Async;

/** A local class declared in an @Async body, capturing a hoisted local. */
public class LocalClasses {

  @Async
  static int localClassCapture(int n) {
    int factor = await(later(n));
    class Scaler {
      int scale(int x) {
        return x * factor;
      }
    }
    Scaler s = new Scaler();
    int a = s.scale(await(later(2)));
    return a + new Scaler().scale(1);
  }

  /** A local class declared in a branch, capturing a parameter and a hoisted local. */
  @Async
  static String localClassInABranch(boolean take) {
    int base = await(later(2));
    if (take) {
      class Adder {
        int add(int x) {
          return base + x;
        }
      }
      Adder a = new Adder();
      int r = a.add(await(later(3)));
      return "yes " + r;
    }
    return "no";
  }
}
