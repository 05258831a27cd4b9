/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.runtime.lincheck;

import java.util.function.Consumer;

/**
 * One task per Lincheck thread (indexed by {@code ThreadIdGen}), each with one awaiting {@link
 * Slot} and at most one held resource (a guard, a permit): what a task does with a lock between two
 * awaits.
 */
final class Tasks {
  static final String ACQUIRED = "acquired";
  private static final int MAX = 8;

  private final TestTask[] tasks = new TestTask[MAX];
  private final Slot[] slots = new Slot[MAX];
  private final Object[] held = new Object[MAX];

  Tasks() {
    for (int i = 0; i < MAX; i++) {
      tasks[i] = new TestTask();
      slots[i] = new Slot(tasks[i]);
    }
  }

  Slot slot(int t) {
    return slots[t];
  }

  boolean holds(int t) {
    return held[t] != null;
  }

  /** After a poll of the slot: keeps what a ready poll gave, and says "acquired". */
  Object hold(int t, Object pollResult) {
    if (pollResult instanceof String && ((String) pollResult).startsWith("ready:")) {
      Object v = slots[t].takeValue();
      return take(t, v == null ? "resource" : v);
    }
    return pollResult;
  }

  Object take(int t, Object resource) {
    held[t] = resource;
    return ACQUIRED;
  }

  /** Closes what task {@code t} holds with {@code close}; "released", or "none". */
  Object release(int t, Consumer<Object> close) {
    Object r = held[t];
    if (r == null) {
      return "none";
    }
    held[t] = null;
    close.accept(r);
    return "released";
  }

  Object held(int t) {
    return held[t];
  }

  /** Whether some task waits (its last poll answered pending). */
  boolean anyWaiting() {
    for (Slot s : slots) {
      if (s.waiting()) {
        return true;
      }
    }
    return false;
  }

  void verify() {
    for (int i = 0; i < MAX; i++) {
      slots[i].verify();
      tasks[i].verify();
    }
  }
}
