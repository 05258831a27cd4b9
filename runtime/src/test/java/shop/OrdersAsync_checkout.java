/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package shop;

import dev.asyncfn.runtime.Context;
import dev.asyncfn.runtime.Poll;
import dev.asyncfn.runtime.support.Machines;
import dev.asyncfn.runtime.support.SourceMap;

/** Hand-written machine of {@link Orders#checkout}, shaped like the processor's. */
final class OrdersAsync_checkout extends HandMachine<Integer> {
  private static final SourceMap SOURCE =
      SourceMap.of(
          OrdersAsync_checkout.class,
          "shop.Orders",
          "checkout",
          "Orders.java",
          Lines.states("checkout", "checkout-await"),
          Lines.table("OrdersAsync_checkout.java", "checkout-await"));

  private final java.util.List<String> ids;

  OrdersAsync_checkout(java.util.List<String> ids) {
    this.ids = ids;
  }

  @Override
  SourceMap source() {
    return SOURCE;
  }

  @Override
  @SuppressWarnings({"fallthrough", "unchecked"})
  public Poll<Integer> poll(Context cx) {
    for (;;) {
      try {
        switch (state) {
          case 0: {
            awaiting = OrdersAsync.total(ids); // @checkout-await
            state = 1;
          }
          case 1: {
            Poll<?> p = awaiting.poll(cx); // @checkout-await
            if (p.isPending()) {
              return Poll.pending();
            }
            awaiting = null;
            state = DONE;
            return Poll.ready((Integer) p.get() + 1);
          }
          default:
            throw Machines.badState("Orders.checkout", state);
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
