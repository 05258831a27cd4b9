/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package cases.generics;

import static dev.asyncfn.runtime.Futures.await;
import static dev.asyncfn.testing.TestFutures.later;
import static dev.asyncfn.testing.Trace.log;

import dev.asyncfn.Async;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Generic methods and bounded type parameters. */
public class Generics {

  @Async
  static <T> T identity(T value) {
    T v = await(later(value));
    log("identity " + v);
    return v;
  }

  @Async
  static <T extends Comparable<T>> T max(List<T> xs) {
    T best = null;
    for (T x : xs) {
      T y = await(later(x));
      if (best == null || y.compareTo(best) > 0) {
        best = y;
      }
    }
    return best;
  }

  @Async
  static <K, V> Map<K, V> zip(List<K> keys, List<V> values) {
    Map<K, V> m = new LinkedHashMap<>();
    for (int i = 0; i < keys.size(); i++) {
      m.put(await(later(keys.get(i))), await(later(values.get(i))));
    }
    return m;
  }

  @Async
  static <T, R> List<R> mapAll(List<T> xs, Function<? super T, ? extends R> f) {
    List<R> out = new ArrayList<>();
    for (T x : xs) {
      R r = await(later(f.apply(x)));
      out.add(r);
    }
    return out;
  }

  @Async
  static double sumWildcard(List<? extends Number> xs) {
    double s = 0;
    for (Number n : xs) {
      s += await(later(n)).doubleValue();
    }
    return s;
  }

  @Async
  static <T extends Number & Comparable<T>> String intersectionBound(T a, T b) {
    T x = await(later(a));
    return x.compareTo(b) + ":" + (x.doubleValue() + b.doubleValue());
  }
}
