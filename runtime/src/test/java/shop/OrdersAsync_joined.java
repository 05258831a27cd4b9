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
import dev.asyncfn.runtime.combinator.Join2;

/** Hand-written machine of {@link Orders#joined}, shaped like the processor's. */
final class OrdersAsync_joined extends HandMachine<Integer> {
  private static final SourceMap SOURCE =
      SourceMap.of(
          OrdersAsync_joined.class,
          "shop.Orders",
          "joined",
          "Orders.java",
          Lines.states("joined", "joined-await"),
          Lines.table("OrdersAsync_joined.java", "joined-await"));

  private final java.util.List<String> a;
  private final java.util.List<String> b;

  OrdersAsync_joined(java.util.List<String> a, java.util.List<String> b) {
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
            awaiting = Futures.join(Tasks.spawn(OrdersAsync.total(a)), Tasks.spawn(OrdersAsync.total(b))); // @joined-await
            state = 1;
          }
          case 1: {
            Poll<?> p = awaiting.poll(cx); // @joined-await
            if (p.isPending()) {
              return Poll.pending();
            }
            awaiting = null;
            state = DONE;
            return Poll.ready(((Join2<Integer, Integer>) p.get()).first() + ((Join2<Integer, Integer>) p.get()).second());
          }
          default:
            throw Machines.badState("Orders.joined", state);
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
