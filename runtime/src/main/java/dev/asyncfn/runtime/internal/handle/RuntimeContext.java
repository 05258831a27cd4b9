/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.runtime.internal.handle;

import dev.asyncfn.runtime.Future;
import dev.asyncfn.runtime.internal.reactor.Reactor;

/**
 * Which runtime the calling thread has entered, and whether it drives tasks (Tokio's thread-local
 * runtime context). A {@link RuntimeThread} answers from its own fields without a thread-local
 * lookup; other threads enter a runtime for the length of a {@code blockOn}, of a task's cancel,
 * or for their whole life (blocking-pool threads).
 */
public final class RuntimeContext {
  private static final ThreadLocal<Entered> ENTERED = new ThreadLocal<>();

  private RuntimeContext() {}

  /** What a thread that is not a {@link RuntimeThread} entered; immutable, restored on exit. */
  public static final class Entered {
    final Handle handle;
    final boolean driving;

    Entered(Handle handle, boolean driving) {
      this.handle = handle;
      this.driving = driving;
    }
  }

  /** The handle of the runtime the calling thread runs under, or null outside any runtime. */
  public static Handle current() {
    Thread t = Thread.currentThread();
    if (t instanceof RuntimeThread) {
      return ((RuntimeThread) t).handle;
    }
    Entered e = ENTERED.get();
    return e == null ? null : e.handle;
  }

  /** Whether the calling thread polls a runtime's tasks, so it must never block. */
  public static boolean isDriving() {
    if (Thread.currentThread() instanceof RuntimeThread) {
      return true;
    }
    Entered e = ENTERED.get();
    return e != null && e.driving;
  }

  /**
   * The I/O driver of the runtime the calling code runs under, opened on first use; outside any
   * runtime (a future polled by hand), the process-wide one.
   */
  public static Reactor reactor() {
    Handle h = current();
    return h == null ? Reactor.global() : h.reactor();
  }

  /** Enters {@code handle}'s runtime on this thread; returns what to pass to {@link #restore}. */
  public static Entered enter(Handle handle, boolean driving) {
    Entered previous = ENTERED.get();
    ENTERED.set(new Entered(handle, driving));
    return previous;
  }

  /** Leaves the runtime entered last, going back to {@code previous}. */
  public static void restore(Entered previous) {
    if (previous == null) {
      ENTERED.remove();
    } else {
      ENTERED.set(previous);
    }
  }

  /**
   * Calls {@code future.cancel()} with {@code handle}'s runtime entered, for a task cancelled from
   * a thread outside it (an abort from {@code main}, a {@code JoinSet} closed there, shutdown): the
   * finally blocks that {@code cancel()} runs may poll timers or sockets, which need the task's
   * runtime.
   */
  public static void cancelInside(Handle handle, Future<?> future) {
    if (current() == handle) {
      future.cancel();
      return;
    }
    Entered previous = enter(handle, true);
    try {
      future.cancel();
    } finally {
      restore(previous);
    }
  }
}
