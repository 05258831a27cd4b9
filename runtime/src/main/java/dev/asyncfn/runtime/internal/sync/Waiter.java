/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.runtime.internal.sync;

import dev.asyncfn.runtime.Waker;

/**
 * A node of a {@link WaiterList}: extended by the waiting future itself, so that waiting allocates
 * no separate node (Tokio's intrusive linked lists).
 *
 * <p>The links belong to the list and are guarded by the lock of the primitive that owns it.
 */
public abstract class Waiter {
  Waiter prev;
  Waiter next;
  boolean linked;

  /**
   * The waker of the task waiting, set by the waiting future when it returns pending; guarded by
   * the owning primitive's lock. Whoever unlinks the waiter to wake it takes it.
   */
  protected Waker waker;

  /** For subclasses: the futures that wait. */
  protected Waiter() {}

  /** Whether this node is in a list. Read under the owning primitive's lock. */
  public final boolean isLinked() {
    return linked;
  }

  /** Takes the waker out of this waiter (null if none), to wake once the lock is released. */
  public final Waker takeWaker() {
    Waker w = waker;
    waker = null;
    return w;
  }
}
