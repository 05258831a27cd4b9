/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package com.acme.shop;

import static dev.asyncfn.runtime.Futures.await;

import dev.asyncfn.Async;
import dev.asyncfn.runtime.Future;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** A generic class with private state: the @Async body works on K and V. */
public final class Cache<K extends Comparable<K>, V> {
  private final Map<K, V> values = new HashMap<>();
  private final List<String> events = new ArrayList<>();
  private int loads;

  @Async
  public V getOrLoad(K key, Function<? super K, ? extends Future<V>> loader) {
    V cached = values.get(key);
    if (cached != null) {
      events.add("hit " + key);
      return cached;
    }
    V loaded = await(loader.apply(key));
    loads++;
    values.put(key, loaded);
    events.add("load " + key + " #" + loads);
    return loaded;
  }

  /** An instance @SafeVarargs method: the first non-null value, cached under {@code key}. */
  @SafeVarargs
  @Async
  public final V firstOf(K key, Future<? extends V>... candidates) {
    for (Future<? extends V> candidate : candidates) {
      V v = await(candidate);
      if (v != null) {
        values.put(key, v);
        events.add("first " + key + " = " + v);
        return v;
      }
    }
    events.add("none " + key);
    return null;
  }

  public List<String> events() {
    return List.copyOf(events);
  }
}
