/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package cases.genericclass;

import static dev.asyncfn.runtime.Futures.await;
import static dev.asyncfn.testing.TestFutures.later;
import static dev.asyncfn.testing.Trace.log;

import dev.asyncfn.Async;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** A generic enclosing class: instance @Async methods use its type parameter. */
public class Cell<T extends Comparable<T>> {
  final List<T> items = new ArrayList<>();

  @Async
  T addAndGetMax(List<T> more) {
    for (T t : more) {
      items.add(await(later(t)));
    }
    T best = items.get(0);
    for (T t : items) {
      if (t.compareTo(best) > 0) {
        best = t;
      }
    }
    log("max " + best);
    return best;
  }

  @Async
  <R> List<R> mapItems(List<T> seed, Function<T, R> f) {
    items.addAll(seed);
    List<R> out = new ArrayList<>();
    for (T t : items) {
      out.add(await(later(f.apply(t))));
    }
    return out;
  }

  /** A nested generic class with its own parameter: companion Cell_PairAsync. */
  public static class Pair<A, B> {
    A first;
    B second;

    @Async
    String describe(A a, B b) {
      first = await(later(a));
      second = await(later(b));
      return first + "&" + second;
    }
  }
}
