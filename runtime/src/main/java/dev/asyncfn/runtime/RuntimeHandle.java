/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.runtime;

import dev.asyncfn.runtime.internal.Messages;
import dev.asyncfn.runtime.internal.handle.Handle;
import dev.asyncfn.runtime.internal.handle.RuntimeContext;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * A handle to a running {@link AsyncRuntime}: spawn tasks on it, run blocking jobs on its pool,
 * block on it, from any thread (Tokio's {@code runtime::Handle}). It cannot shut the runtime down:
 * only the {@code AsyncRuntime} its owner built can, so the handle is what code running under a
 * runtime gets from {@link #current()}, and what to pass to code that may spawn but does not own
 * the runtime.
 *
 * <h2>Example</h2>
 *
 * <pre>{@code
 * RuntimeHandle rt = RuntimeHandle.current();          // inside a task
 * Thread t = new Thread(() -> rt.spawn(ReportAsync.send(stats)));
 * }</pre>
 *
 * <h2>Thread safety</h2>
 *
 * All methods may be called from any thread, except that {@code blockOn} throws on a thread that
 * drives a runtime's tasks. Two handles of the same runtime are {@linkplain #equals equal}.
 *
 * <h2>Cancellation</h2>
 *
 * After the runtime shut down, {@code spawn} and {@code spawnBlocking} return handles that fail
 * with {@link CancelledException}, and {@code blockOn} throws {@link IllegalStateException}.
 */
public final class RuntimeHandle {
  private final Handle handle;

  RuntimeHandle(Handle handle) {
    this.handle = handle;
  }

  /**
   * The handle of the runtime the calling code runs under: a task, the future given to {@code
   * blockOn}, a blocking job.
   *
   * @throws IllegalStateException outside any runtime
   */
  public static RuntimeHandle current() {
    Handle h = RuntimeContext.current();
    if (h == null) {
      throw new IllegalStateException(Messages.outsideRuntime("RuntimeHandle.current()"));
    }
    return new RuntimeHandle(h);
  }

  /** The handle of the runtime the calling code runs under, if any. */
  public static Optional<RuntimeHandle> tryCurrent() {
    Handle h = RuntimeContext.current();
    return h == null ? Optional.empty() : Optional.of(new RuntimeHandle(h));
  }

  /**
   * Runs {@code future} to completion on the calling thread with the runtime entered; see {@link
   * AsyncRuntime#blockOn}.
   *
   * @throws IllegalStateException on a thread that drives a runtime's tasks (await instead), on a
   *     current-thread runtime another thread is driving, or after shutdown
   */
  public <T> T blockOn(Future<T> future) {
    return handle.blockOn(Objects.requireNonNull(future, "future"));
  }

  /** Spawns {@code future} as a task on the runtime; see {@link AsyncRuntime#spawn}. */
  public <T> JoinHandle<T> spawn(Future<T> future) {
    return handle.spawn(Objects.requireNonNull(future, "future"));
  }

  /**
   * Runs {@code callable} on the runtime's blocking pool; see {@link AsyncRuntime#spawnBlocking}.
   */
  public <T> JoinHandle<T> spawnBlocking(Callable<T> callable) {
    return handle.spawnBlocking(callable);
  }

  /** Number of spawned tasks that have not completed; for tests and diagnostics. */
  public int liveTaskCount() {
    return handle.liveTasks();
  }

  /** Whether {@code o} is a handle of the same runtime. */
  @Override
  public boolean equals(Object o) {
    return o instanceof RuntimeHandle && ((RuntimeHandle) o).handle == handle;
  }

  @Override
  public int hashCode() {
    return System.identityHashCode(handle);
  }

  @Override
  public String toString() {
    return "RuntimeHandle@" + Integer.toHexString(hashCode());
  }
}
