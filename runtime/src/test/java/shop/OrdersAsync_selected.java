/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package shop;

import dev.asyncfn.runtime.Context;
import dev.asyncfn.runtime.Poll;
import dev.asyncfn.runtime.support.Machines;
import dev.asyncfn.runtime.support.SourceMap;
import dev.asyncfn.runtime.Futures;
import dev.asyncfn.runtime.Tasks;
import dev.asyncfn.runtime.combinator.Selected2;
import dev.asyncfn.runtime.time.Time;
import java.time.Duration;

/** Hand-written machine of {@link Orders#selected}, shaped like the processor's. */
final class OrdersAsync_selected extends HandMachine<Integer> {
  private static final SourceMap SOURCE =
      SourceMap.of(
          OrdersAsync_selected.class,
          "shop.Orders",
          "selected",
          "Orders.java",
          Lines.states("selected", "selected-await"),
          Lines.table("OrdersAsync_selected.java", "selected-await"));

  private final java.util.List<String> ids;

  OrdersAsync_selected(java.util.List<String> ids) {
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
            awaiting = Futures.select(Tasks.spawn(OrdersAsync.total(ids)), Time.sleep(Duration.ofHours(1))); // @selected-await
            state = 1;
          }
          case 1: {
            Poll<?> p = awaiting.poll(cx); // @selected-await
            if (p.isPending()) {
              return Poll.pending();
            }
            awaiting = null;
            state = DONE;
            return Poll.ready(((Selected2<Integer, Void>) p.get()).isFirst() ? 1 : 2);
          }
          default:
            throw Machines.badState("Orders.selected", state);
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
