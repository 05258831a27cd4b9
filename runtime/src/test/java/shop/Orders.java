/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package shop;

import static dev.asyncfn.runtime.Futures.await;

import dev.asyncfn.runtime.Future;
import dev.asyncfn.runtime.Futures;
import dev.asyncfn.runtime.JoinHandle;
import dev.asyncfn.runtime.Tasks;
import dev.asyncfn.runtime.combinator.Join2;
import dev.asyncfn.runtime.combinator.Selected2;
import dev.asyncfn.runtime.time.Time;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeoutException;

/**
 * The user's class, as a user would write it with {@code @Async} on each method: these bodies are
 * the synchronous twins, and {@link OrdersAsync} returns the hand-written machines shaped like the
 * processor's. Lines marked {@code // @name} are looked up by {@link Lines}; the machines map their
 * own marked lines to these.
 */
public final class Orders {
  private Orders() {}

  static int price(String id) { // @price
    await(Later.of(id)); // @price-await
    if (id.isEmpty()) {
      throw new IllegalArgumentException("no item"); // @price-throw
    }
    return id.length();
  }

  static int total(List<String> ids) { // @total
    int sum = 0;
    for (String id : ids) { // @total-loop
      try {
        sum += await(OrdersAsync.price(id)); // @total-await
      } finally {
        sum += 0;
      }
    }
    return sum;
  }

  static int checkout(List<String> ids) { // @checkout
    int total = await(OrdersAsync.total(ids)); // @checkout-await
    return total + 1;
  }

  static int checkoutLater(List<String> ids) { // @checkoutLater
    JoinHandle<Integer> totals = Tasks.spawn("totals", OrdersAsync.total(ids)); // @checkoutLater-spawn
    return await(totals); // @checkoutLater-await
  }

  static int joinedInTask(List<String> a, List<String> b) { // @joinedInTask
    Join2<Integer, Integer> both =
        await(Futures.join(OrdersAsync.total(a), OrdersAsync.total(b))); // @joinedInTask-await
    return both.first() + both.second();
  }

  static int joined(List<String> a, List<String> b) { // @joined
    Join2<Integer, Integer> both =
        await(Futures.join(Tasks.spawn(OrdersAsync.total(a)), Tasks.spawn(OrdersAsync.total(b)))); // @joined-await
    return both.first() + both.second();
  }

  static int selected(List<String> ids) { // @selected
    Selected2<Integer, Void> first =
        await(Futures.select(Tasks.spawn(OrdersAsync.total(ids)), Time.sleep(Duration.ofHours(1)))); // @selected-await
    return first.isFirst() ? 1 : 2;
  }

  static int timed(List<String> ids) throws TimeoutException { // @timed
    return await(Time.timeout(Duration.ofHours(1), Tasks.spawn(OrdersAsync.total(ids)))); // @timed-await
  }

  static String waitFor(Future<String> signal) { // @waitFor
    return await(signal); // @waitFor-await
  }

  static String relay(Future<String> signal) { // @relay
    String s = await(OrdersAsync.waitFor(signal)); // @relay-await
    return s;
  }

  static int sleepy(long millis) throws InterruptedException { // @sleepy
    await(Later.of(0)); // @sleepy-await
    Thread.sleep(millis); // @sleepy-sleep
    return 1;
  }

  static int yielding(long millis) { // @yielding
    long end = System.nanoTime() + millis * 1_000_000;
    int polls = 0;
    while (System.nanoTime() < end) { // @yielding-loop
      await(Tasks.yieldNow()); // @yielding-await
      polls++;
    }
    return polls;
  }
}
