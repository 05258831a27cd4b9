/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.runtime.internal;

/** Rethrows any throwable, checked or not, as it is. */
public final class Sneaky {
  private Sneaky() {}

  /** Throws {@code t} unchanged; declared to return so callers can write {@code throw raise(t)}. */
  @SuppressWarnings("unchecked")
  public static <X extends Throwable> RuntimeException raise(Throwable t) throws X {
    throw (X) t;
  }

  /** Hands {@code t} to the current thread's uncaught-exception handler without dying. */
  public static void report(Throwable t) {
    Thread self = Thread.currentThread();
    try {
      self.getUncaughtExceptionHandler().uncaughtException(self, t);
    } catch (Throwable ignored) {
      // A failing handler must not take a worker down either.
    }
  }
}
