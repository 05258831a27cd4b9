/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package cases.patterns;

import static dev.asyncfn.runtime.Futures.await;
import static dev.asyncfn.testing.TestFutures.later;
import static dev.asyncfn.testing.Trace.log;

import dev.asyncfn.Async;

/** instanceof patterns whose bindings live across awaits. */
public class Patterns {

  @Async
  static int bindingUsedAfterAwait(Object o) {
    if (await(later(o)) instanceof String s && !s.isEmpty()) {
      int extra = await(later(s.length()));
      log("string " + s);
      return s.length() + extra;
    }
    return -1;
  }

  @Async
  static int negatedPatternScopesOverTheRest(Object o) {
    Object v = await(later(o));
    if (!(v instanceof Integer i)) {
      return -1;
    }
    int doubled = await(later(i * 2));
    return doubled + i;
  }

  @Async
  static String patternInLoopCondition(Object[] items) {
    StringBuilder sb = new StringBuilder();
    int k = 0;
    while (k < items.length && items[k] instanceof CharSequence cs) {
      sb.append(await(later(cs.length())));
      k++;
    }
    return sb + "@" + k;
  }

  @Async
  static String patternInTernary(Object o) {
    return o instanceof Number n ? "num " + await(later(n.intValue() + 1)) : "other";
  }
}
