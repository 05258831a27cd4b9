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
import dev.asyncfn.runtime.combinator.Join2;

/** Hand-written machine of {@link Orders#joinedInTask}, shaped like the processor's. */
final class OrdersAsync_joinedInTask extends HandMachine<Integer> {
  private static final SourceMap SOURCE =
      SourceMap.of(
          OrdersAsync_joinedInTask.class,
          "shop.Orders",
          "joinedInTask",
          "Orders.java",
          Lines.states("joinedInTask", "joinedInTask-await"),
          Lines.table("OrdersAsync_joinedInTask.java", "joinedInTask-await"));

  private final java.util.List<String> a;
  private final java.util.List<String> b;

  OrdersAsync_joinedInTask(java.util.List<String> a, java.util.List<String> b) {
    this.a = a;
    this.b = b;
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
            awaiting = Futures.join(OrdersAsync.total(a), OrdersAsync.total(b)); // @joinedInTask-await
            state = 1;
          }
          case 1: {
            Poll<?> p = awaiting.poll(cx); // @joinedInTask-await
            if (p.isPending()) {
              return Poll.pending();
            }
            awaiting = null;
            state = DONE;
            return Poll.ready(((Join2<Integer, Integer>) p.get()).first() + ((Join2<Integer, Integer>) p.get()).second());
          }
          default:
            throw Machines.badState("Orders.joinedInTask", state);
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
