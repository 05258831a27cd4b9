/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package shop;

import dev.asyncfn.runtime.Context;
import dev.asyncfn.runtime.Poll;
import dev.asyncfn.runtime.support.Machines;
import dev.asyncfn.runtime.support.SourceMap;

/** Hand-written machine of {@link Orders#relay}, shaped like the processor's. */
final class OrdersAsync_relay extends HandMachine<String> {
  private static final SourceMap SOURCE =
      SourceMap.of(
          OrdersAsync_relay.class,
          "shop.Orders",
          "relay",
          "Orders.java",
          Lines.states("relay", "relay-await"),
          Lines.table("OrdersAsync_relay.java", "relay-await"));

  private final dev.asyncfn.runtime.Future<String> signal;

  OrdersAsync_relay(dev.asyncfn.runtime.Future<String> signal) {
    this.signal = signal;
  }

  @Override
  SourceMap source() {
    return SOURCE;
  }

  @Override
  @SuppressWarnings({"fallthrough", "unchecked"})
  public Poll<String> poll(Context cx) {
    for (;;) {
      try {
        switch (state) {
          case 0: {
            awaiting = OrdersAsync.waitFor(signal); // @relay-await
            state = 1;
          }
          case 1: {
            Poll<?> p = awaiting.poll(cx); // @relay-await
            if (p.isPending()) {
              return Poll.pending();
            }
            awaiting = null;
            state = DONE;
            return Poll.ready((String) p.get());
          }
          default:
            throw Machines.badState("Orders.relay", state);
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
