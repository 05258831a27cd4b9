/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package shop;

import dev.asyncfn.runtime.Context;
import dev.asyncfn.runtime.Poll;
import dev.asyncfn.runtime.support.Machines;
import dev.asyncfn.runtime.support.SourceMap;

/** Hand-written machine of {@link Orders#sleepy}: a poll that blocks its thread. */
final class OrdersAsync_sleepy extends HandMachine<Integer> {
  private static final SourceMap SOURCE =
      SourceMap.of(
          OrdersAsync_sleepy.class,
          "shop.Orders",
          "sleepy",
          "Orders.java",
          Lines.states("sleepy", "sleepy-await"),
          Lines.table("OrdersAsync_sleepy.java", "sleepy-await", "sleepy-sleep"));

  private final long millis;

  OrdersAsync_sleepy(long millis) {
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
            awaiting = Later.of(0); // @sleepy-await
            state = 1;
          }
          case 1: {
            Poll<?> p = awaiting.poll(cx); // @sleepy-await
            if (p.isPending()) {
              return Poll.pending();
            }
            awaiting = null;
            Thread.sleep(millis); // @sleepy-sleep
            state = DONE;
            return Poll.ready(1);
          }
          default:
            throw Machines.badState("Orders.sleepy", state);
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
