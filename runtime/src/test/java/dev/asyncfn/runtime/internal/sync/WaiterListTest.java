/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.runtime.internal.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class WaiterListTest {
  static final class Node extends Waiter {}

  @Test
  void fifoWithRemovalFromAnywhere() {
    WaiterList<Node> list = new WaiterList<>();
    Node n1 = new Node();
    Node n2 = new Node();
    Node n3 = new Node();
    list.addLast(n1);
    list.addLast(n2);
    list.addLast(n3);
    assertEquals(3, list.size());
    assertTrue(list.remove(n2));
    assertFalse(list.remove(n2));
    assertFalse(n2.isLinked());
    assertSame(n1, list.removeFirst());
    assertTrue(list.remove(n3));
    assertTrue(list.isEmpty());
    assertNull(list.removeFirst());
    list.addLast(n2);
    assertSame(n2, list.first());
    assertThrows(IllegalStateException.class, () -> list.addLast(n2));
  }
}
