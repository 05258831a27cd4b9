/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package com.acme.shop;

import static dev.asyncfn.runtime.Futures.await;

import dev.asyncfn.Async;
import dev.asyncfn.runtime.Future;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;

/** Generic methods, bounded wildcards, @SafeVarargs. */
public final class Batch {
  private Batch() {}

  @SafeVarargs
  @Async
  public static <T extends Comparable<? super T>> List<T> sorted(Future<? extends T>... parts) {
    List<T> out = new ArrayList<>();
    for (Future<? extends T> part : parts) {
      out.add(await(part));
    }
    out.sort(null);
    return out;
  }

  @Async
  public static <K, V extends Number> double sum(
      Collection<? extends K> keys, Function<? super K, ? extends Future<? extends V>> lookup) {
    double total = 0;
    for (K key : keys) {
      V value = await(lookup.apply(key));
      total += value.doubleValue();
    }
    return total;
  }
}
