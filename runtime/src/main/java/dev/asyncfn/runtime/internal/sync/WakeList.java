/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.runtime.internal.sync;

import dev.asyncfn.runtime.Waker;
import dev.asyncfn.runtime.internal.executor.RemoteWakes;
import java.util.Arrays;

/**
 * Wakers collected under a primitive's lock, to be woken after the lock is released so that no
 * waker runs under the lock (Tokio's {@code WakeList}).
 *
 * <p>Starts without an array: the common case of waking one waiter stores it in a field.
 */
public final class WakeList {
  private Waker single;
  private Waker[] more;
  private int count;

  /** Adds a waker to wake later; {@code null} is ignored. */
  public void add(Waker waker) {
    if (waker == null) {
      return;
    }
    if (single == null && count == 0) {
      single = waker;
      count = 1;
      return;
    }
    if (more == null) {
      more = new Waker[8];
    } else if (count - 1 == more.length) {
      more = Arrays.copyOf(more, more.length * 2);
    }
    more[count - 1] = waker;
    count++;
  }

  /**
   * Wakes every collected waker once, outside any lock. A throwing waker does not stop the others;
   * the first exception is rethrown afterwards.
   */
  public void wakeAll() {
    if (count == 0) {
      return;
    }
    RuntimeException failure = null;
    // Many tasks woken from outside the runtime reach its queues in chunks, not one lock each.
    boolean batched = count > 1 && RemoteWakes.begin();
    try {
      try {
        single.wake();
      } catch (RuntimeException e) {
        failure = e;
      }
      for (int i = 0; i < count - 1; i++) {
        try {
          more[i].wake();
        } catch (RuntimeException e) {
          if (failure == null) {
            failure = e;
          } else {
            failure.addSuppressed(e);
          }
        }
        more[i] = null;
      }
    } finally {
      if (batched) {
        RemoteWakes.end();
      }
    }
    single = null;
    count = 0;
    if (failure != null) {
      throw failure;
    }
  }
}
