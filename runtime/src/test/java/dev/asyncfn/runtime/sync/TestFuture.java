/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.runtime.sync;

import dev.asyncfn.runtime.Context;
import dev.asyncfn.runtime.Future;
import dev.asyncfn.runtime.Poll;
import dev.asyncfn.runtime.Waker;

/** A future completed by hand, that counts its cancels. */
final class TestFuture<T> implements Future<T> {
  private boolean completed;
  private T value;
  private Waker waker;
  int cancels;

  synchronized void complete(T v) {
    completed = true;
    value = v;
    if (waker != null) {
      waker.wake();
    }
  }

  @Override
  public synchronized Poll<T> poll(Context cx) {
    if (completed) {
      return Poll.ready(value);
    }
    waker = cx.waker();
    return Poll.pending();
  }

  @Override
  public synchronized void cancel() {
    cancels++;
  }
}
