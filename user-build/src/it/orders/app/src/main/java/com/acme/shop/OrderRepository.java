/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package com.acme.shop;

import static dev.asyncfn.runtime.Futures.await;

import dev.asyncfn.Async;
import dev.asyncfn.runtime.Future;
import dev.asyncfn.runtime.Futures;
import dev.asyncfn.runtime.Tasks;
import dev.asyncfn.runtime.ThrowingFuture;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A repository of records with private state and private helpers. */
public final class OrderRepository {
  private static final int CAPACITY = 3;

  private final Map<Long, Order> orders = new LinkedHashMap<>();
  private final List<String> log = new ArrayList<>();
  private long nextId = 100;
  private int hits;
  private int misses;

  /** Saving fails with an IOException once the store is full. */
  public ThrowingFuture<Order, IOException> save(Order order) {
    if (orders.size() >= CAPACITY) {
      log.add("full " + order.id());
      return Futures.throwing(IOException.class, Futures.failed(new IOException("store is full")));
    }
    return Futures.throwing(IOException.class, Futures.map(Tasks.yieldNow(), ignored -> {
      orders.put(order.id(), order);
      log.add("saved " + order.id());
      return order;
    }));
  }

  long allocateId() {
    return nextId++;
  }

  @Async
  public Optional<Order> find(long id) {
    await(Tasks.yieldNow());
    Order found = orders.get(id);
    if (found == null) {
      misses++;
      this.log.add(miss(id));
      return Optional.empty();
    }
    hits += 1;
    log.add("hit " + id + " (" + hits + ")");
    return Optional.of(found);
  }

  @Async
  public int countFor(String customer) {
    int n = 0;
    for (Order o : List.copyOf(orders.values())) {
      Optional<Order> again = await(OrderRepositoryAsync.find(this, o.id()));
      if (again.isPresent() && again.get().customer().equals(customer)) {
        n++;
      }
    }
    return n;
  }

  private String miss(long id) {
    return "miss " + id + " (" + misses + ")";
  }

  public List<String> log() {
    List<String> out = new ArrayList<>(log);
    out.add("hits=" + hits + " misses=" + misses + " size=" + orders.size());
    return out;
  }
}
