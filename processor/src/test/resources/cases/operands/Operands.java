/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package cases.operands;

import static dev.asyncfn.runtime.Futures.await;
import static dev.asyncfn.testing.TestFutures.later;
import static dev.asyncfn.testing.Trace.log;

import dev.asyncfn.Async;

/**
 * Awaits inside expressions, from the processor's first tests: JLS 15.7 evaluation order, short
 * circuits, nesting, compound assignment, overload resolution, receivers, arrays and every
 * primitive kind.
 */
public class Operands {
  static int counter;

  static int f(String tag, int v) {
    log(tag + v);
    return v;
  }

  static String concat(Object a, Object b, Object c) {
    return a + "|" + b + "|" + c;
  }

  static void over(int x) {
    log("int " + x);
  }

  static void over(Integer x) {
    log("Integer " + x);
  }

  static void over(long x) {
    log("long " + x);
  }

  @Async
  static String order(int n) {
    int i = n;
    String s = concat(f("a", i++), await(later(f("b", i))), f("c", i++));
    return s + " " + i;
  }

  @Async
  static int binary(int n) {
    int x = f("l", n) * 10 + await(later(f("r", n + 1))) - f("z", 1);
    return x;
  }

  @Async
  static boolean shortCircuit(int n) {
    boolean a = n > 1 && await(later(f("and", n) > 2));
    boolean b = n > 1 || await(later(f("or", n) > 0));
    String c = n > 2 ? await(later("yes" + f("t", n))) : "no" + f("f", n);
    log(c);
    long d = n > 2 ? 1 : await(later(2L));
    log(d);
    return a ^ b;
  }

  @Async
  static int nestedAwaits(int n) {
    return await(later(await(later(n)) + await(later(f("x", 2)))));
  }

  @Async
  static int compound(int n) {
    int[] arr = {1, 2, 3};
    int i = 0;
    arr[i++] += await(later(10));
    counter = 5;
    counter += await(later(f("c", counter)));
    int x = 3;
    x *= await(later(x + 1));
    arr[await(later(2))] = await(later(f("v", 9)));
    byte b = 1;
    b += await(later(300));
    return arr[0] + arr[1] * 100 + arr[2] * 1000 + counter * 10000 + x + i + b;
  }

  @Async
  static void overloads(int n) {
    over(await(later(n)));
    over(n + await(later(n)));
    over(f("p", n) + await(later(1)));
  }

  @Async
  static String receiver(int n) {
    StringBuilder sb = new StringBuilder("x");
    sb.append(await(later(n))).append(await(later("-"))).append(n);
    String s = String.valueOf(await(later(n)));
    int len = (s + await(later("abc"))).length();
    return sb + ":" + len + ":" + (await(later(n)) instanceof Integer) + !await(later(false));
  }

  @Async
  static int arrays(int n) {
    int[] a = new int[await(later(n))];
    int[] b = {await(later(1)), n, await(later(3))};
    int[][] m = new int[n][await(later(2))];
    return a.length + b[0] + b[1] * 10 + b[2] * 100 + m[0].length * 1000;
  }

  @Async
  static String chars(char c, double d, float fl, short sh, long l) {
    char next = (char) (c + await(later(1)));
    double dd = d * await(later(2.0));
    float ff = fl + await(later(1.5f));
    short ss = (short) (sh + await(later((short) 2)));
    long ll = l + await(later(1L));
    return "" + next + dd + ff + ss + ll;
  }
}
