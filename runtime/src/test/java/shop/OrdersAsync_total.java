/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package shop;

import dev.asyncfn.runtime.Context;
import dev.asyncfn.runtime.Poll;
import dev.asyncfn.runtime.support.Machines;
import dev.asyncfn.runtime.support.SourceMap;
import java.util.Iterator;
import java.util.List;

/** Hand-written machine of {@link Orders#total}: an await in a try/finally in a loop. */
final class OrdersAsync_total extends HandMachine<Integer> {
  private static final SourceMap SOURCE =
      SourceMap.of(
          OrdersAsync_total.class,
          "shop.Orders",
          "total",
          "Orders.java",
          Lines.states("total", "total-loop", "total-await"),
          Lines.table("OrdersAsync_total.java", "total-loop", "total-await"));

  private final List<String> ids;
  private int sum;
  private Iterator<String> it;
  private String id;

  OrdersAsync_total(List<String> ids) {
    this.ids = ids;
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
            sum = 0;
            it = ids.iterator(); // @total-loop
            state = 1;
          }
          case 1: {
            if (!it.hasNext()) { // @total-loop
              state = DONE;
              return Poll.ready(sum);
            }
            id = it.next(); // @total-loop
            awaiting = OrdersAsync.price(id); // @total-await
            state = 2;
          }
          case 2: {
            Poll<?> p = awaiting.poll(cx); // @total-await
            if (p.isPending()) {
              return Poll.pending();
            }
            awaiting = null;
            sum += (Integer) p.get(); // @total-await
            sum += 0; // the finally block
            state = 1;
            continue;
          }
          default:
            throw Machines.badState("Orders.total", state);
        }
      } catch (Throwable failure) {
        Machines.trace(failure, SOURCE, state);
        if (state == 2) {
          sum += 0; // the finally block, then rethrow
        }
        awaiting = null;
        state = DONE;
        throw Machines.rethrow(failure);
      }
    }
  }
}
