/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package cases.straightline;

import static dev.asyncfn.runtime.Futures.await;
import static dev.asyncfn.testing.TestFutures.later;
import static dev.asyncfn.testing.TestFutures.laterFail;
import static dev.asyncfn.testing.Trace.log;

import dev.asyncfn.Async;
import java.util.List;

/**
 * Straight-line code, if/else and every loop form with awaits in their headers and bodies, from the
 * processor's first tests.
 */
public class StraightLine {

  @Async
  static int add(int a) {
    log("start");
    int x = await(later(a));
    log(x);
    int y = await(later(x + 1)) * 2;
    return x + y;
  }

  @Async
  static void noResult(String s) {
    await(later(s));
    log(s);
    await(later(1));
  }

  @Async
  static long widen(int n) {
    if (n < 0) return 0;
    long total = await(later(n));
    return n;
  }

  @Async
  static String ifElse(int n) {
    String r;
    if (await(later(n)) > 2) {
      r = await(later("big"));
      log(r);
    } else if (n == 2) {
      r = "two";
    } else {
      log("small");
      r = await(later("small")) + n;
    }
    return r;
  }

  @Async
  static int whileLoop(int n) {
    int sum = 0;
    int i = 0;
    while (i < n) {
      sum += await(later(i));
      i++;
    }
    return sum;
  }

  /** Awaits in the init, the condition and the update of one for, with continue and break. */
  @Async
  static int forLoop(int n) {
    int sum = 0;
    for (int i = await(later(0)); i < await(later(n)); i = i + await(later(1))) {
      if (i == 2) continue;
      if (i == 7) break;
      sum = sum * 10 + await(later(i));
      log(i);
    }
    return sum;
  }

  @Async
  static int doWhile(int n) {
    int i = 0;
    do {
      log(await(later(i)));
      i++;
    } while (await(later(i)) < n);
    return i;
  }

  @Async
  static String forEach(List<String> xs) {
    StringBuilder sb = new StringBuilder();
    for (String x : xs) {
      sb.append(await(later(x)));
    }
    for (var x : new int[] {1, 2, 3}) {
      sb.append(await(later(x * 2)));
    }
    return sb.toString();
  }

  /** A widening loop variable over an int[], and a break out of a for-each over varargs. */
  @Async
  static long arrays(int[] xs, String... names) {
    long total = 0;
    for (long x : xs) {
      total += await(later(x));
    }
    for (String name : names) {
      log(await(later(name)));
      if (name.isEmpty()) break;
    }
    return total;
  }

  @Async
  static int labeled(int n) {
    int count = 0;
    outer:
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        if (j > i) continue outer;
        if (i + j > 5) break outer;
        count += await(later(1));
      }
    }
    return count;
  }

  @Async
  static int throwing(int n) {
    int x = await(later(n));
    if (x > 1) throw new IllegalArgumentException("too big " + x);
    return await(laterFail(new IllegalStateException("failed")));
  }
}
