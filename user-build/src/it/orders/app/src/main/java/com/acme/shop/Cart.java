/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package com.acme.shop;

import static dev.asyncfn.runtime.Futures.await;

import dev.asyncfn.Async;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** A nest: the nested class uses the outer class's private members, and the outer class its. */
public class Cart {
  private final List<Line> lines = new ArrayList<>();
  private int version;

  private static String key(Line line) {
    return line.sku() + "/" + line.quantity();
  }

  public Cart add(String sku, int quantity) {
    lines.add(new Line(sku, quantity));
    version++;
    return this;
  }

  /** Checkout of one cart: private state that the outer class reads back. */
  static final class Checkout {
    private final Cart cart;
    private int attempts;
    private String lastError = "none";

    Checkout(Cart cart) {
      this.cart = cart;
    }

    @Async
    String run(OrderService service, String customer) {
      attempts++;
      cart.version += 10;
      String first = key(cart.lines.get(0));
      try {
        Receipt r = await(OrderServiceAsync.place(service, customer, cart.lines));
        return first + " -> " + r.orderId() + " v" + cart.version;
      } catch (IOException e) {
        lastError = e.getMessage();
        return first + " failed v" + cart.version;
      }
    }
  }

  @Async
  public String checkoutTwice(OrderService service, String customer) {
    Checkout c = new Checkout(this);
    String a = await(Cart_CheckoutAsync.run(c, service, customer));
    String b = await(Cart_CheckoutAsync.run(c, service, customer));
    return a + " | " + b + " | attempts=" + c.attempts + " error=" + c.lastError + " v" + version;
  }

  public String state() {
    return "lines=" + lines.size() + " v" + version;
  }
}
