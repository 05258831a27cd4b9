/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package shop;

import dev.asyncfn.runtime.Future;
import dev.asyncfn.runtime.support.MachineFrame;
import dev.asyncfn.runtime.support.SourceMap;

/**
 * What every machine the processor generates has besides its {@code poll}, written by hand: its
 * state, the future it awaits, {@code toString()}, {@code suspendedAt()} and {@code awaited()}
 * through its {@link SourceMap}, and a {@code cancel()} that drops the awaited future. Each
 * subclass is one {@code @Async} method's machine, with its own {@code poll} (so its frames are its
 * own class's, as in generated code) and its own {@code static final SourceMap}.
 */
abstract class HandMachine<T> implements Future<T>, MachineFrame {
  static final int DONE = -1;

  int state;
  Future<?> awaiting;

  abstract SourceMap source();

  @Override
  public String toString() {
    return source().describe(state);
  }

  @Override
  public StackTraceElement suspendedAt() {
    return source().suspendedAt(state);
  }

  @Override
  public Future<?> awaited() {
    return awaiting;
  }

  @Override
  public void cancel() {
    Future<?> f = awaiting;
    awaiting = null;
    state = DONE;
    if (f != null) {
      f.cancel();
    }
  }
}
