/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package shop;

import dev.asyncfn.runtime.Context;
import dev.asyncfn.runtime.Poll;
import dev.asyncfn.runtime.support.Machines;
import dev.asyncfn.runtime.support.SourceMap;
import dev.asyncfn.runtime.Tasks;
import dev.asyncfn.runtime.time.Time;
import java.time.Duration;

/** Hand-written machine of {@link Orders#timed}, shaped like the processor's. */
final class OrdersAsync_timed extends HandMachine<Integer> {
  private static final SourceMap SOURCE =
      SourceMap.of(
          OrdersAsync_timed.class,
          "shop.Orders",
          "timed",
          "Orders.java",
          Lines.states("timed", "timed-await"),
          Lines.table("OrdersAsync_timed.java", "timed-await"));

  private final java.util.List<String> ids;

  OrdersAsync_timed(java.util.List<String> ids) {
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
            awaiting = Time.timeout(Duration.ofHours(1), Tasks.spawn(OrdersAsync.total(ids))); // @timed-await
            state = 1;
          }
          case 1: {
            Poll<?> p = awaiting.poll(cx); // @timed-await
            if (p.isPending()) {
              return Poll.pending();
            }
            awaiting = null;
            state = DONE;
            return Poll.ready((Integer) p.get());
          }
          default:
            throw Machines.badState("Orders.timed", state);
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
