/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.runtime.internal.debug;

import dev.asyncfn.runtime.Future;

/**
 * A task as diagnostics see it: its label and the future it runs. Implemented by the task cell,
 * so this package need not know the task package (which depends on this one).
 */
public interface TaskView {
  /** {@code task 7 "totals"}: the kind, id and name (if any) of the task. */
  String label();

  /**
   * The future the task polls, or null once it completed. Read from another thread (a dump, the
   * watchdog) it is a racy snapshot, like every answer of a {@code MachineFrame} chain.
   */
  Future<?> root();
}
