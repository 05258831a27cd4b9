/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.runtime.support;

import dev.asyncfn.runtime.Future;

/**
 * A generated state machine as a frame of an async call chain: where it is suspended, in the
 * user's terms, and the future it awaits there. Task dumps walk this chain from a task's root
 * future down to the innermost await.
 *
 * <p>Thread safety: read from another thread (a dump), the answers are a racy snapshot; a machine
 * is only mutated by the thread polling it.
 */
public interface MachineFrame {
  /** The user's frame at the await the machine is suspended in, or null when it is not. */
  StackTraceElement suspendedAt();

  /** The future the machine awaits, or null. */
  Future<?> awaited();
}
