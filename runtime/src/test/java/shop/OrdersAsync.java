/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package shop;

import dev.asyncfn.runtime.Future;
import java.util.List;

/** The companion the processor would generate for {@link Orders}: one factory per method. */
public final class OrdersAsync {
  private OrdersAsync() {}

  public static Future<Integer> price(String id) {
    return new OrdersAsync_price(id);
  }

  public static Future<Integer> total(List<String> ids) {
    return new OrdersAsync_total(ids);
  }

  public static Future<Integer> checkout(List<String> ids) {
    return new OrdersAsync_checkout(ids);
  }

  public static Future<Integer> checkoutLater(List<String> ids) {
    return new OrdersAsync_checkoutLater(ids);
  }

  public static Future<Integer> joinedInTask(List<String> a, List<String> b) {
    return new OrdersAsync_joinedInTask(a, b);
  }

  public static Future<Integer> joined(List<String> a, List<String> b) {
    return new OrdersAsync_joined(a, b);
  }

  public static Future<Integer> selected(List<String> ids) {
    return new OrdersAsync_selected(ids);
  }

  public static Future<Integer> timed(List<String> ids) {
    return new OrdersAsync_timed(ids);
  }

  public static Future<String> waitFor(Future<String> signal) {
    return new OrdersAsync_waitFor(signal);
  }

  public static Future<String> relay(Future<String> signal) {
    return new OrdersAsync_relay(signal);
  }

  public static Future<Integer> sleepy(long millis) {
    return new OrdersAsync_sleepy(millis);
  }

  public static Future<Integer> yielding(long millis) {
    return new OrdersAsync_yielding(millis);
  }
}
