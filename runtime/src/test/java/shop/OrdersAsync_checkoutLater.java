/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package shop;

import dev.asyncfn.runtime.Context;
import dev.asyncfn.runtime.Poll;
import dev.asyncfn.runtime.support.Machines;
import dev.asyncfn.runtime.support.SourceMap;
import dev.asyncfn.runtime.JoinHandle;
import dev.asyncfn.runtime.Tasks;

/** Hand-written machine of {@link Orders#checkoutLater}, shaped like the processor's. */
final class OrdersAsync_checkoutLater extends HandMachine<Integer> {
  private static final SourceMap SOURCE =
      SourceMap.of(
          OrdersAsync_checkoutLater.class,
          "shop.Orders",
          "checkoutLater",
          "Orders.java",
          Lines.states("checkoutLater", "checkoutLater-await"),
          Lines.table("OrdersAsync_checkoutLater.java", "checkoutLater-await", "checkoutLater-spawn"));

  private final java.util.List<String> ids;

  OrdersAsync_checkoutLater(java.util.List<String> ids) {
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
            JoinHandle<Integer> totals = Tasks.spawn("totals", OrdersAsync.total(ids)); // @checkoutLater-spawn
            awaiting = totals; // @checkoutLater-await
            state = 1;
          }
          case 1: {
            Poll<?> p = awaiting.poll(cx); // @checkoutLater-await
            if (p.isPending()) {
              return Poll.pending();
            }
            awaiting = null;
            state = DONE;
            return Poll.ready((Integer) p.get());
          }
          default:
            throw Machines.badState("Orders.checkoutLater", state);
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
