/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package shop;

import dev.asyncfn.runtime.Context;
import dev.asyncfn.runtime.Poll;
import dev.asyncfn.runtime.support.Machines;
import dev.asyncfn.runtime.support.SourceMap;

/** Hand-written machine of {@link Orders#price}, shaped like the processor's. */
final class OrdersAsync_price extends HandMachine<Integer> {
  private static final SourceMap SOURCE =
      SourceMap.of(
          OrdersAsync_price.class,
          "shop.Orders",
          "price",
          "Orders.java",
          Lines.states("price", "price-await"),
          Lines.table("OrdersAsync_price.java", "price-await", "price-throw"));

  private final String id;

  OrdersAsync_price(String id) {
    this.id = id;
  }

  @Override
  SourceMap source() {
    return SOURCE;
  }

  @Override
  @SuppressWarnings("fallthrough")
  public Poll<Integer> poll(Context cx) {
    for (;;) {
      try {
        switch (state) {
          case 0: {
            awaiting = Later.of(id); // @price-await
            state = 1;
          }
          case 1: {
            Poll<?> p = awaiting.poll(cx); // @price-await
            if (p.isPending()) {
              return Poll.pending();
            }
            awaiting = null;
            if (id.isEmpty()) {
              throw new IllegalArgumentException("no item"); // @price-throw
            }
            state = DONE;
            return Poll.ready(id.length());
          }
          default:
            throw Machines.badState("Orders.price", state);
        }
      } catch (Throwable failure) {
        Machines.trace(failure, SOURCE, state);
        awaiting = null;
        state = DONE;
        throw Machines.rethrow(failure);
      }
    }
  }
}
