/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package com.acme.shop;

import static dev.asyncfn.runtime.Futures.await;

import com.acme.base.BaseService;
import com.acme.base.Money;
import dev.asyncfn.Async;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A service as production code writes it: a private logger and constants, private state and
 * helpers, a superclass in another package (protected members, super calls), several checked
 * exceptions caught together.
 */
public class OrderService extends BaseService {
  private static final Logger LOG = Logger.getLogger(OrderService.class.getName());
  private static final int MAX_LINES = 4;
  private static final Map<String, Money> PRICES =
      Map.of("apple", new Money(120), "pear", new Money(95), "plum", new Money(40));

  private final OrderRepository repository;
  private final Inventory inventory;
  private int placed;
  private Money revenue = new Money(0);

  public OrderService(OrderRepository repository, Inventory inventory) {
    this.repository = repository;
    this.inventory = inventory;
  }

  @Override
  protected String name() {
    return "orders";
  }

  @Override
  public String describe(String what) {
    return super.describe(what) + "!";
  }

  @Async
  public Receipt place(String customer, List<Line> lines) throws IOException {
    if (lines.size() > MAX_LINES) {
      throw new IllegalArgumentException("too many lines: " + lines.size());
    }
    Money total = new Money(0);
    for (Line line : lines) {
      int left = await(inventory.stock(line.sku()));
      if (left < line.quantity()) {
        audit.add(prefix() + " short " + line.sku());
        throw new IOException("out of stock: " + line.sku());
      }
      total = total.plus(priceOf(line));
    }
    Order order = new Order(repository.allocateId(), normalize(customer), List.copyOf(lines), total);
    await(repository.save(order));
    for (Line line : lines) {
      inventory.take(line.sku(), line.quantity());
    }
    placed++;
    revenue = revenue.plus(total);
    LOG.log(Level.FINE, () -> "placed " + order.id() + " for " + order.customer());
    audit.add(prefix() + " placed " + order.id());
    calls += 1;
    return new Receipt(order.id(), total, super.describe("order " + order.id()));
  }

  @Async
  Receipt placeWithin(String customer, List<Line> lines, int attempt)
      throws IOException, TimeoutException {
    if (await(inventory.slow(attempt))) {
      throw new TimeoutException("inventory too slow on attempt " + attempt);
    }
    return await(OrderServiceAsync.place(this, customer, lines));
  }

  @Async
  public Receipt placeWithRetry(String customer, List<Line> lines, int attempts) {
    for (int attempt = 1; ; attempt++) {
      try {
        return await(OrderServiceAsync.placeWithin(this, customer, lines, attempt));
      } catch (IOException | TimeoutException e) {
        audit.add("attempt " + attempt + ": " + e.getClass().getSimpleName() + " " + e.getMessage());
        if (attempt >= attempts) {
          throw new IllegalStateException("gave up after " + attempt + " attempts", e);
        }
      }
    }
  }

  @Async
  public List<String> placeAll(Map<String, List<Line>> byCustomer) throws IOException {
    List<String> out = new ArrayList<>();
    for (Map.Entry<String, List<Line>> e : byCustomer.entrySet()) {
      try {
        Receipt r = await(OrderServiceAsync.place(this, e.getKey(), e.getValue()));
        out.add(r.orderId() + ":" + r.total());
      } catch (IOException failure) {
        if (failure.getMessage().startsWith("store")) {
          throw failure;
        }
        out.add(e.getKey() + " failed: " + failure.getMessage());
      } finally {
        out.add(stats());
      }
    }
    return out;
  }

  private Money priceOf(Line line) {
    Money unit = PRICES.get(line.sku());
    if (unit == null) {
      throw new IllegalArgumentException("no price for " + line.sku());
    }
    return unit.times(line.quantity());
  }

  private String stats() {
    return "placed=" + placed + " revenue=" + revenue;
  }

  public List<String> trace() {
    List<String> out = new ArrayList<>(audit());
    out.add(stats());
    out.addAll(repository.log());
    out.addAll(inventory.calls());
    return out;
  }
}
