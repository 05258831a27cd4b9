/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package com.acme.inventory;

import static dev.asyncfn.runtime.Futures.await;

import dev.asyncfn.Async;
import dev.asyncfn.runtime.Future;
import java.util.ArrayList;
import java.util.List;

/** The module's API: a public class whose public @Async method has a public factory. */
public final class Inventory {
  private final Stock stock = new Stock();
  private final List<String> log = new ArrayList<>();

  /** An empty inventory (explicit: -Xlint:missing-explicit-ctor, in an exported package). */
  public Inventory() {}

  /** Adds the count that {@code arrived} brings to {@code item}, then takes {@code n} of it. */
  @Async
  public boolean reserve(String item, Future<Integer> arrived, int n) {
    stock.put(item, await(arrived));
    boolean taken = await(StockAsync.take(stock, item, n));
    log.add((taken ? "reserved " : "short of ") + n + " " + item);
    return taken;
  }

  public List<String> log() {
    return List.copyOf(log);
  }
}
