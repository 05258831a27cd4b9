/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package shop;

import dev.asyncfn.runtime.Context;
import dev.asyncfn.runtime.Future;
import dev.asyncfn.runtime.Poll;
import dev.asyncfn.runtime.Waker;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Pending forever, counting the futures that have been polled once: {@link #all} completes when
 * {@code target} of them are parked, so a test waits for "every task is suspended at its await"
 * without sleeping.
 */
final class Parked implements Future<String> {
  /** The count of one group of parked futures and the waker of whoever waits for all of them. */
  static final class Group {
    private final int target;
    private final AtomicInteger parked = new AtomicInteger();
    private final AtomicReference<Waker> waiter = new AtomicReference<>();

    Group(int target) {
      this.target = target;
    }

    /** Ready once {@code target} futures of this group have been polled. */
    Future<Void> all() {
      return cx -> {
        waiter.set(cx.waker());
        return parked.get() >= target ? Poll.ready(null) : Poll.pending();
      };
    }

    private void parkedOne() {
      if (parked.incrementAndGet() >= target) {
        Waker w = waiter.get();
        if (w != null) {
          w.wake();
        }
      }
    }
  }

  private final Group group;
  private final String name;
  private boolean counted;

  Parked(Group group, String name) {
    this.group = group;
    this.name = name;
  }

  @Override
  public Poll<String> poll(Context cx) {
    if (!counted) {
      counted = true;
      group.parkedOne();
    }
    return Poll.pending();
  }

  @Override
  public String toString() {
    return "Parked[" + name + "]";
  }
}
