/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package cases.generics2;

import static dev.asyncfn.runtime.Futures.await;
import static dev.asyncfn.testing.TestFutures.later;

import dev.asyncfn.Async;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Generic classes awaiting their own companion, generic recursion, generic varargs, overloads. */
public class Repo<T extends Comparable<T>> {
  final List<T> items = new ArrayList<>();

  @Async
  T addAll(List<T> xs) {
    for (T x : xs) {
      items.add(await(later(x)));
    }
    return items.get(items.size() - 1);
  }

  @Async
  String addTwiceThroughCompanion(List<T> xs) {
    T a = await(RepoAsync.addAll(this, xs));
    T b = await(RepoAsync.addAll(this, xs));
    return a + "/" + b + "/" + items.size();
  }

  @Async
  static <E> List<E> nest(E v, int depth) {
    if (depth == 0) {
      List<E> base = new ArrayList<>();
      base.add(await(later(v)));
      return base;
    }
    List<E> inner = await(RepoAsync.<E>nest(v, depth - 1));
    inner.add(v);
    return inner;
  }

  @SafeVarargs
  @Async
  static <E extends Comparable<E>> Set<E> sorted(E... xs) {
    Set<E> out = new TreeSet<>();
    for (E x : xs) {
      out.add(await(later(x)));
    }
    return out;
  }

  @Async
  static String kind(List<String> xs) {
    return "list " + await(later(xs.size()));
  }

  @Async
  static String kind(Set<String> xs) {
    return "set " + await(later(xs.size()));
  }
}
