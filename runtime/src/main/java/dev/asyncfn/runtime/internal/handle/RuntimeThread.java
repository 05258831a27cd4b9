/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.runtime.internal.handle;

/**
 * A thread that drives one runtime's tasks for its whole life (a multi-thread runtime's worker).
 * {@link RuntimeContext} answers for it from this object, without a thread-local lookup.
 */
public abstract class RuntimeThread extends Thread {
  final Handle handle;

  /** A thread named {@code name} that runs {@code body} for {@code handle}'s runtime. */
  protected RuntimeThread(Handle handle, Runnable body, String name) {
    super(null, body, name);
    this.handle = handle;
  }
}
