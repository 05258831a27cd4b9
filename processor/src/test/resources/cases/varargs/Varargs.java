/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package cases.varargs;

import static dev.asyncfn.runtime.Futures.await;
import static dev.asyncfn.testing.TestFutures.later;

import dev.asyncfn.Async;

/** Varargs @Async methods, called with arrays and through varargs factories. */
public class Varargs {

  @Async
  static int sum(int... xs) {
    int s = 0;
    for (int x : xs) {
      s += await(later(x));
    }
    return s;
  }

  @Async
  static String join(String sep, String... parts) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < parts.length; i++) {
      if (i > 0) {
        sb.append(sep);
      }
      sb.append(await(later(parts[i])));
    }
    return sb.toString();
  }

  @Async
  static String callsVarargsFactories() {
    int a = await(VarargsAsync.sum(1, 2, 3));
    int b = await(VarargsAsync.sum());
    String c = await(VarargsAsync.join("-", "x", "y"));
    return a + " " + b + " " + c;
  }
}
