/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.runtime.internal.executor;

import dev.asyncfn.runtime.internal.handle.Handle;
import dev.asyncfn.runtime.internal.handle.RuntimeThread;

/** A thread of a multi-thread runtime: knows its executor and worker without a thread-local. */
final class WorkerThread extends RuntimeThread {
  final MultiThreadExecutor executor;
  final Worker worker;

  WorkerThread(Handle handle, Worker worker, String name) {
    super(handle, worker, name);
    this.executor = worker.executor;
    this.worker = worker;
    setDaemon(true);
  }
}
