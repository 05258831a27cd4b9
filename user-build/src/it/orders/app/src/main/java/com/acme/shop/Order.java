/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package com.acme.shop;

import static dev.asyncfn.runtime.Futures.await;

import com.acme.base.Money;
import dev.asyncfn.Async;
import java.util.List;

/** A record with an @Async method that reads its own components (private fields of the record). */
public record Order(long id, String customer, List<Line> lines, Money total) {
  @Async
  public String summary(Inventory inventory) {
    StringBuilder out = new StringBuilder(customer).append(" #").append(id).append(':');
    for (Line line : lines) {
      int left = await(inventory.stock(line.sku()));
      out.append(' ').append(line.sku()).append('x').append(line.quantity())
          .append(left < line.quantity() ? "(short)" : "");
    }
    return out.append(" = ").append(total).toString();
  }
}
