/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package shop;

import dev.asyncfn.runtime.Context;
import dev.asyncfn.runtime.Poll;
import dev.asyncfn.runtime.support.Machines;
import dev.asyncfn.runtime.support.SourceMap;

/** Hand-written machine of {@link Orders#waitFor}, shaped like the processor's. */
final class OrdersAsync_waitFor extends HandMachine<String> {
  private static final SourceMap SOURCE =
      SourceMap.of(
          OrdersAsync_waitFor.class,
          "shop.Orders",
          "waitFor",
          "Orders.java",
          Lines.states("waitFor", "waitFor-await"),
          Lines.table("OrdersAsync_waitFor.java", "waitFor-await"));

  private final dev.asyncfn.runtime.Future<String> signal;

  OrdersAsync_waitFor(dev.asyncfn.runtime.Future<String> signal) {
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
            awaiting = signal; // @waitFor-await
            state = 1;
          }
          case 1: {
            Poll<?> p = awaiting.poll(cx); // @waitFor-await
            if (p.isPending()) {
              return Poll.pending();
            }
            awaiting = null;
            state = DONE;
            return Poll.ready((String) p.get());
          }
          default:
            throw Machines.badState("Orders.waitFor", state);
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
