/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.runtime;

/** Throws checked exceptions through signatures that do not declare them. */
final class Throwables {
  private Throwables() {}

  /** Throws {@code t} as it is; declared to return so callers can write {@code throw sneaky(t)}. */
  @SuppressWarnings("unchecked")
  static <X extends Throwable> RuntimeException sneaky(Throwable t) throws X {
    throw (X) t;
  }
}
