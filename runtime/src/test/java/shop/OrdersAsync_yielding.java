/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package shop;

import dev.asyncfn.runtime.Context;
import dev.asyncfn.runtime.Poll;
import dev.asyncfn.runtime.Tasks;
import dev.asyncfn.runtime.support.Machines;
import dev.asyncfn.runtime.support.SourceMap;

/** Hand-written machine of {@link Orders#yielding}: many short polls. */
final class OrdersAsync_yielding extends HandMachine<Integer> {
  private static final SourceMap SOURCE =
      SourceMap.of(
          OrdersAsync_yielding.class,
          "shop.Orders",
          "yielding",
          "Orders.java",
          Lines.states("yielding", "yielding-loop", "yielding-await"),
          Lines.table("OrdersAsync_yielding.java", "yielding-loop", "yielding-await"));

  private final long millis;
  private long end;
  private int polls;

  OrdersAsync_yielding(long millis) {
    this.millis = millis;
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
            end = System.nanoTime() + millis * 1_000_000;
            polls = 0;
            state = 1;
          }
          case 1: {
            if (System.nanoTime() >= end) { // @yielding-loop
              state = DONE;
              return Poll.ready(polls);
            }
            awaiting = Tasks.yieldNow(); // @yielding-await
            state = 2;
          }
          case 2: {
            Poll<?> p = awaiting.poll(cx); // @yielding-await
            if (p.isPending()) {
              return Poll.pending();
            }
            awaiting = null;
            polls++;
            state = 1;
            continue;
          }
          default:
            throw Machines.badState("Orders.yielding", state);
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
