/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.runtime;

/** The two runtime flavours, for parameterised tests. */
public enum Flavor {
  CURRENT_THREAD,
  MULTI_THREAD;

  /** A fresh runtime of this flavour (two workers for the multi-thread one). */
  public AsyncRuntime build() {
    AsyncRuntime.Builder b =
        AsyncRuntime.builder().threadNamePrefix("test-" + name().toLowerCase());
    return (this == CURRENT_THREAD ? b.currentThread() : b.multiThread().workerThreads(2)).build();
  }
}
