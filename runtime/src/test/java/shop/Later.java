/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package shop;

import dev.asyncfn.runtime.Context;
import dev.asyncfn.runtime.Future;
import dev.asyncfn.runtime.Poll;

/** Ready with its value at the second poll: the first wakes the task and suspends it. */
final class Later<T> implements Future<T> {
  private final T value;
  private boolean polled;

  private Later(T value) {
    this.value = value;
  }

  static <T> Later<T> of(T value) {
    return new Later<>(value);
  }

  @Override
  public Poll<T> poll(Context cx) {
    if (!polled) {
      polled = true;
      cx.waker().wake();
      return Poll.pending();
    }
    return Poll.ready(value);
  }

  @Override
  public String toString() {
    return "Later[" + value + "]";
  }
}
