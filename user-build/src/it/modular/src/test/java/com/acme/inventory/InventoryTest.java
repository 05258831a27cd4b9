/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package com.acme.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.asyncfn.runtime.Futures;
import java.lang.reflect.Modifier;
import java.util.List;
import org.junit.jupiter.api.Test;

class InventoryTest {
  @Test
  void theMachinesRunInTheNamedModule() {
    Inventory inventory = new Inventory();
    assertTrue(Futures.blockOn(InventoryAsync.reserve(inventory, "widget", Futures.ready(5), 3)));
    assertFalse(Futures.blockOn(InventoryAsync.reserve(inventory, "widget", Futures.ready(0), 3)));
    assertTrue(Futures.blockOn(InventoryAsync.reserve(inventory, "widget", Futures.ready(1), 3)));
    assertEquals(
        List.of("reserved 3 widget", "short of 3 widget", "reserved 3 widget"), inventory.log());
    // the same as the twin: the method run as plain Java, await blocking
    Inventory twin = new Inventory();
    assertTrue(twin.reserve("widget", Futures.ready(5), 3));
    assertEquals(List.of("reserved 3 widget"), twin.log());
  }

  @Test
  void theCompanionIsAsReachableAsItsClass() {
    assertEquals("com.acme.inventory", Inventory.class.getModule().getName());
    assertTrue(Modifier.isPublic(InventoryAsync.class.getModifiers()));
    assertFalse(Modifier.isPublic(StockAsync.class.getModifiers()));
  }
}
