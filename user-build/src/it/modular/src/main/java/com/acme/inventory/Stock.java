/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package com.acme.inventory;

import static dev.asyncfn.runtime.Futures.await;

import dev.asyncfn.Async;
import dev.asyncfn.runtime.Tasks;
import java.util.HashMap;
import java.util.Map;

/**
 * A package-private class with a public @Async method and private state: its companion must not be
 * public API of the exported package (its factory takes a Stock), or -Xlint:exports warns.
 */
final class Stock {
  private final Map<String, Integer> counts = new HashMap<>();

  void put(String item, int n) {
    counts.merge(item, n, Integer::sum);
  }

  @Async
  public boolean take(String item, int n) {
    await(Tasks.yieldNow());
    int have = counts.getOrDefault(item, 0);
    if (have < n) {
      return false;
    }
    counts.put(item, have - n);
    return true;
  }
}
