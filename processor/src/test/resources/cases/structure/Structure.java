/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package cases.structure;

import static dev.asyncfn.runtime.Futures.await;
import static dev.asyncfn.testing.TestFutures.later;
import static dev.asyncfn.testing.Trace.log;

import dev.asyncfn.Async;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * @Async methods calling each other through the companion (instance methods with implicit this,
 * recursion with and without var, overloads, varargs, an interface's static and default methods,
 * a checked failure), generics, instanceof patterns, captures by lambdas and anonymous classes,
 * and completion stages, from the processor's first tests.
 */
public class Structure {
  int count;
  final String name;

  Structure(String name) {
    this.name = name;
  }

  static final int BASE = 100;

  static int twice(int x) {
    return 2 * x;
  }

  int plus(int x) {
    return x + count;
  }

  @Async
  static String captures(int n) {
    List<java.util.function.Supplier<String>> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      int v = await(later(i));
      String tag = "t" + v;
      out.add(() -> tag + v);
      Runnable r = new Runnable() { public void run() { log(tag); } };
      r.run();
    }
    StringBuilder sb = new StringBuilder();
    for (var s : out) sb.append(s.get()).append(',');
    return sb.toString();
  }

  /** A parameter named like a field, this.field, a field by its simple name, Outer.this. */
  @Async
  int instance(int count) {
    this.count += await(later(count));
    int before = plus(0);
    return await(later(name.length())) + before + BASE + twice(this.count) + Structure.this.count;
  }

  @Async
  static int callInstance(int n) {
    Structure c = new Structure("abc");
    c.count = 1;
    return await(StructureAsync.instance(c, n)) * 1000 + c.count;
  }

  @Async
  static <T extends Comparable<T>> T max(List<T> xs) {
    T best = null;
    for (T x : xs) {
      T y = await(later(x));
      if (best == null || y.compareTo(best) > 0) best = y;
    }
    return best;
  }

  @Async
  static long fib(int n) {
    if (n < 2) return n;
    return await(StructureAsync.fib(n - 1)) + await(StructureAsync.fib(n - 2));
  }

  /** var locals holding the companion's futures: typed only once the companion exists. */
  @Async
  static long fibVar(int n) {
    if (n < 2) return n;
    var a = StructureAsync.fibVar(n - 1);
    var b = StructureAsync.fibVar(n - 2);
    var sum = await(a) + await(b);
    return sum;
  }

  @Async
  static int sum(int... xs) {
    int s = 0;
    for (int x : xs) s += await(later(x));
    return s;
  }

  @Async
  static String over(String s) { return await(later(s)) + "!"; }

  @Async
  static String over(int i) { return await(later(i)) + "?"; }

  @Async
  static String callOver(int i) {
    return await(StructureAsync.over("s" + i))
        + await(StructureAsync.over(i))
        + await(StructureAsync.sum(1, 2, i));
  }

  @Async
  static String patterns(Object o) {
    if (o instanceof String s && await(later(s.length())) > 1) {
      await(later(0));
      return "string " + s;
    }
    var v = await(later(o));
    return "other " + v;
  }

  @Async
  static String stages(int n) throws IOException {
    String a = await(java.util.concurrent.CompletableFuture.completedFuture("cf" + n));
    try {
      if (n > 0) await(StructureAsync.fails(n));
    } catch (IOException e) {
      a += e.getMessage();
    }
    return a;
  }

  interface Svc {
    String name();

    @Async
    static int twice(int x) { return 2 * await(later(x)); }

    @Async
    default String greet(String who) { return name() + " greets " + await(later(who)); }
  }

  @Async
  static String callSvc(int n) {
    Svc s = () -> "svc";
    return await(Structure_SvcAsync.greet(s, "you")) + await(Structure_SvcAsync.twice(n));
  }

  @Async
  static int fails(int n) throws IOException {
    await(later(n));
    throw new FileNotFoundException("missing" + n);
  }
}
