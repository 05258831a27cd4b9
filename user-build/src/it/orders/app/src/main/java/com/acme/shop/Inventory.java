/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package com.acme.shop;

import dev.asyncfn.runtime.Future;
import dev.asyncfn.runtime.Futures;
import dev.asyncfn.runtime.Tasks;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;

/**
 * A remote inventory, faked: each call answers after one suspension (like a network round trip),
 * or through a CompletableFuture completed on another thread.
 */
public final class Inventory {
  private final Map<String, Integer> stock = new TreeMap<>();
  private final List<String> calls = new ArrayList<>();

  public Inventory with(String sku, int quantity) {
    stock.put(sku, quantity);
    return this;
  }

  public Future<Integer> stock(String sku) {
    return Futures.map(Tasks.yieldNow(), ignored -> {
      calls.add("stock " + sku);
      return stock.getOrDefault(sku, 0);
    });
  }

  /** Whether the inventory is too slow on this attempt (the first two are). */
  public CompletableFuture<Boolean> slow(int attempt) {
    return CompletableFuture.supplyAsync(() -> attempt < 3);
  }

  public void take(String sku, int quantity) {
    stock.merge(sku, -quantity, Integer::sum);
    calls.add("take " + sku + " " + quantity);
  }

  public List<String> calls() {
    return List.copyOf(calls);
  }
}
