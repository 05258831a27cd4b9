/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.runtime.internal.task;

import dev.asyncfn.runtime.CancelledException;
import dev.asyncfn.runtime.Context;
import dev.asyncfn.runtime.Future;
import dev.asyncfn.runtime.JoinHandle;
import dev.asyncfn.runtime.Poll;
import dev.asyncfn.runtime.Waker;
import dev.asyncfn.runtime.internal.Messages;
import dev.asyncfn.runtime.internal.Sneaky;
import dev.asyncfn.runtime.internal.debug.CoarseClock;
import dev.asyncfn.runtime.internal.debug.SpawnSites;
import dev.asyncfn.runtime.internal.debug.TaskView;
import dev.asyncfn.runtime.internal.debug.Traces;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.CompletableFuture;

/**
 * A spawned task: one object that is at once the task cell, its {@link Waker}, the {@link Context}
 * its future is polled with, and its {@link JoinHandle} (Tokio's one-allocation design). See the
 * package documentation for the state word.
 *
 * <p>Internal: users see it only as a {@code JoinHandle}. Executors call {@link #run()}.
 *
 * @param <T> the output type
 */
public final class Task<T> implements JoinHandle<T>, Waker, Context, TaskView {
  /** A thread owns the future: it is polling or cancelling it. Set by run() or by a cancel. */
  static final int RUNNING = 1;
  /** The output (or failure) is stored; terminal. */
  static final int COMPLETE = 1 << 1;
  /** The task is queued, or must be queued again when the running poll returns. */
  static final int NOTIFIED = 1 << 2;
  /** Abort or shutdown asked the task to stop; the owner of RUNNING carries it out. */
  static final int CANCELLED = 1 << 3;
  /** The cancellation came from shutdown, not abort (chooses the message). */
  static final int SHUTDOWN = 1 << 4;
  /** The handle was not detached (informational: a detached task keeps its output for GC). */
  static final int JOIN_INTEREST = 1 << 5;
  /** The handle gave the output away (awaited to completion or converted); it is spent. */
  static final int JOINED = 1 << 6;
  /** The stored result is a Throwable to rethrow, not a value. */
  static final int FAILED = 1 << 7;
  /** The failure's trace got its task boundary (once, even if handed out twice). */
  static final int TRACED = 1 << 8;

  /** {@link #polledAt} of a task never polled: no {@link CoarseClock#stamp()} is 0. */
  static final int NEVER = 0;

  private static final VarHandle STATE;
  private static final VarHandle POLLED_AT;

  static {
    try {
      MethodHandles.Lookup l = MethodHandles.lookup();
      STATE = l.findVarHandle(Task.class, "state", int.class);
      POLLED_AT = l.findVarHandle(Task.class, "polledAt", int.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  @SuppressWarnings("unused") // accessed through STATE
  private volatile int state;

  /**
   * The future until the task completes, then its output (or the Throwable when FAILED): one
   * field, not two, as they are never needed at once. While not COMPLETE only the thread holding
   * RUNNING touches it; the completer writes the output before the state CAS that publishes
   * COMPLETE, and handles read it only after seeing COMPLETE; dumps read it racily through
   * {@link #liveFuture}. (One field fewer: 8 bytes less per task.)
   */
  private Object cell;

  /** Written by the handle's poller, read and cleared by the completer (Dekker with COMPLETE). */
  private volatile Waker joinWaker;

  /** The registry shard; also gives the scheduler. */
  final TaskList list;

  /** Links in {@link #list}, guarded by the list's lock. */
  Task<?> prev;

  Task<?> next;

  /**
   * Unique in the runtime; given by the list under its lock before the task is scheduled, so the
   * queue hand-off publishes it to the threads that poll, and the lock to the dump.
   */
  long id;

  /**
   * The name given at spawn (a String), where the task was spawned (a StackTraceElement, see
   * {@code SpawnSites}), both (an {@link Origin}), or null: one field, so that a task without a
   * name costs no more than one with.
   */
  private final Object origin;

  /**
   * {@link CoarseClock#stamp()} at spawn. The two times are 4-byte stamps rather than 8-byte
   * readings: with them the task is 56 bytes instead of 64 (a dump shows them to a tick anyway).
   */
  private final int createdAt;

  /**
   * {@link CoarseClock#stamp()} when the last poll started, or {@link #NEVER}; written by the
   * RUNNING owner (opaque: a plain store on x86), read by dumps.
   */
  @SuppressWarnings("unused") // accessed through POLLED_AT
  private int polledAt;

  Task(Future<T> future, TaskList list, String name, StackTraceElement spawnedAt) {
    this.cell = future;
    this.list = list;
    this.origin =
        name == null ? spawnedAt : spawnedAt == null ? name : new Origin(name, spawnedAt);
    this.createdAt = CoarseClock.stamp();
    STATE.setRelease(this, NOTIFIED | JOIN_INTEREST);
  }

  /** The future; only for the thread holding RUNNING, before COMPLETE. */
  @SuppressWarnings("unchecked")
  private Future<T> future() {
    return (Future<T>) cell;
  }

  private int state() {
    return (int) STATE.getVolatile(this);
  }

  private int cas(int expect, int update) {
    return (int) STATE.compareAndExchange(this, expect, update);
  }

  // ---------------------------------------------------------------- executor side

  /**
   * Polls the task once, if it is still runnable. Called by the executor that dequeued it; a task
   * already completed or claimed by a cancel is skipped. Never throws: a failing future completes
   * the task with its exception.
   */
  public void run() {
    int s = state();
    for (;;) {
      if ((s & (RUNNING | COMPLETE)) != 0) {
        return; // claimed by a cancel, or finished: the queue entry is stale
      }
      int w = cas(s, (s | RUNNING) & ~NOTIFIED);
      if (w == s) {
        break;
      }
      s = w;
    }
    if ((s & CANCELLED) != 0) {
      cancelNow(s);
      return;
    }
    POLLED_AT.setOpaque(this, CoarseClock.stamp());
    Poll<T> p;
    try {
      p = future().poll(this);
    } catch (Throwable e) {
      complete(e, true);
      return;
    }
    if (p.isReady()) {
      complete(p.get(), false);
      return;
    }
    s = state();
    for (;;) {
      if ((s & CANCELLED) != 0) {
        cancelNow(s); // we still own RUNNING and are not polling: cancel here, once
        return;
      }
      int w = cas(s, s & ~RUNNING);
      if (w == s) {
        break;
      }
      s = w;
    }
    if ((s & NOTIFIED) != 0) {
      list.scheduler.schedule(this); // woken during the poll: poll again, after the others
    }
  }

  /** Wakes the task: schedules it unless it is queued, complete, or running (then re-polls it). */
  @Override
  public void wake() {
    int s = state();
    for (;;) {
      if ((s & (COMPLETE | NOTIFIED)) != 0) {
        return;
      }
      int w = cas(s, s | NOTIFIED);
      if (w == s) {
        if ((s & RUNNING) == 0) {
          list.scheduler.schedule(this);
        }
        return;
      }
      s = w;
    }
  }

  /** The task is its own context. */
  @Override
  public Waker waker() {
    return this;
  }

  /**
   * Cancels the task with {@code reason}: at once if no thread is polling it, else when the
   * running poll returns. Used by abort and shutdown.
   */
  void cancelTask(String reason) {
    int flag = reason.equals(Messages.TASK_SHUTDOWN) ? CANCELLED | SHUTDOWN : CANCELLED;
    int s = state();
    for (;;) {
      if ((s & (COMPLETE | CANCELLED)) != 0) {
        return;
      }
      if ((s & RUNNING) != 0) {
        int w = cas(s, s | flag);
        if (w == s) {
          return; // the poller sees CANCELLED when its poll returns
        }
        s = w;
      } else {
        int w = cas(s, s | RUNNING | flag);
        if (w == s) {
          cancelNow(s | flag);
          return;
        }
        s = w;
      }
    }
  }

  /**
   * Drops the future (its cancel() runs once, through the scheduler, which enters the task's
   * runtime when this thread is outside it) and completes with CancelledException. A failure of
   * that cancel() (a finally block of an @Async machine that threw) goes to the uncaught-exception
   * handler and is attached to the CancelledException as suppressed: the outcome stays cancelled.
   */
  private void cancelNow(int s) {
    Future<T> f = future();
    Throwable failure = null;
    if (f != null) {
      try {
        list.scheduler.cancelFuture(f);
      } catch (Throwable e) {
        failure = e;
        Sneaky.report(e);
      }
    }
    String why = (s & SHUTDOWN) != 0 ? Messages.TASK_SHUTDOWN : Messages.TASK_ABORTED;
    CancelledException cancelled = new CancelledException(why);
    if (failure != null) {
      cancelled.addSuppressed(failure);
    }
    complete(cancelled, true);
  }

  private void complete(Object value, boolean failed) {
    cell = value; // drops the future
    int s = state();
    for (;;) {
      int w = cas(s, (s | COMPLETE | (failed ? FAILED : 0)) & ~RUNNING);
      if (w == s) {
        break;
      }
      s = w;
    }
    list.remove(this);
    Waker w = joinWaker;
    if (w != null) {
      joinWaker = null;
      try {
        w.wake();
      } catch (Throwable e) {
        Sneaky.report(e); // a broken waker of the awaiter must not take the worker down
      }
    }
  }

  // ---------------------------------------------------------------- handle side

  @Override
  public Poll<T> poll(Context cx) {
    int s = state();
    if ((s & JOINED) != 0) {
      throw new IllegalStateException(Messages.JOIN_HANDLE_REUSED);
    }
    if ((s & COMPLETE) == 0) {
      Waker w = cx.waker();
      if (joinWaker != w) {
        joinWaker = w;
      }
      s = state(); // Dekker: either we see COMPLETE, or the completer sees our waker
      if ((s & COMPLETE) == 0) {
        return Poll.pending();
      }
    }
    markJoined();
    return Poll.ready(output());
  }

  private void markJoined() {
    int s = state();
    for (;;) {
      if ((s & JOINED) != 0) {
        throw new IllegalStateException(Messages.JOIN_HANDLE_REUSED);
      }
      int w = cas(s, s | JOINED);
      if (w == s) {
        return;
      }
      s = w;
    }
  }

  @SuppressWarnings("unchecked")
  private T output() {
    if ((state() & FAILED) != 0) {
      Throwable failure = (Throwable) cell;
      if (markTraced()) {
        // The awaiter's stack is taken here, where the awaiting machines poll the handle.
        Traces.crossBoundary(failure, label(), spawnedAt(), SpawnSites.exact(), true);
      }
      throw Sneaky.raise(failure);
    }
    return (T) cell;
  }

  /** True for the first caller only: the failure's trace gets one boundary per task. */
  private boolean markTraced() {
    int s = state();
    for (;;) {
      if ((s & TRACED) != 0) {
        return false;
      }
      int w = cas(s, s | TRACED);
      if (w == s) {
        return true;
      }
      s = w;
    }
  }

  @Override
  public void abort() {
    cancelTask(Messages.TASK_ABORTED);
  }

  @Override
  public boolean isFinished() {
    return (state() & COMPLETE) != 0;
  }

  @Override
  public CompletableFuture<T> toCompletableFuture() {
    markJoined();
    CompletableFuture<T> cf = new CompletableFuture<>();
    joinWaker = () -> completeInto(cf);
    completeInto(cf);
    return cf;
  }

  @SuppressWarnings("unchecked")
  private void completeInto(CompletableFuture<T> cf) {
    int s = state();
    if ((s & COMPLETE) == 0) {
      return;
    }
    if ((s & FAILED) != 0) {
      Throwable failure = (Throwable) cell;
      if (markTraced()) {
        // No awaiting stack: whoever joins the CompletableFuture gets its own wrapper's trace.
        Traces.crossBoundary(failure, label(), spawnedAt(), SpawnSites.exact(), false);
      }
      cf.completeExceptionally(failure);
    } else {
      cf.complete((T) cell);
    }
  }

  /** Detaches the handle: the task keeps running, its output is dropped. */
  @Override
  public void cancel() {
    int s = state();
    for (;;) {
      int w = cas(s, s & ~JOIN_INTEREST);
      if (w == s) {
        break;
      }
      s = w;
    }
    joinWaker = null;
  }

  // ---------------------------------------------------------------- diagnostics

  /** A task's name and spawn site, when it has both. */
  private static final class Origin {
    final String name;
    final StackTraceElement site;

    Origin(String name, StackTraceElement site) {
      this.name = name;
      this.site = site;
    }
  }

  private String name() {
    return origin instanceof String
        ? (String) origin
        : origin instanceof Origin ? ((Origin) origin).name : null;
  }

  private StackTraceElement spawnedAt() {
    return origin instanceof StackTraceElement
        ? (StackTraceElement) origin
        : origin instanceof Origin ? ((Origin) origin).site : null;
  }

  @Override
  public String label() {
    return TaskSnapshot.label(list.kind, id, name());
  }

  @Override
  public Future<?> root() {
    return liveFuture();
  }

  /**
   * The future while the task has not completed, else null. Exact on the thread holding RUNNING;
   * from another thread (a dump, the watchdog) racy by nature: the completer writes the output
   * into {@link #cell} just before it publishes COMPLETE, so a reader in that window may read the
   * output, which is reported only if it is itself a future, never cast to one.
   */
  private Future<?> liveFuture() {
    Object c = cell;
    if ((state() & COMPLETE) != 0) {
      return null;
    }
    return c instanceof Future ? (Future<?>) c : null;
  }

  /** This task as a dump shows it, or null once it completed. Any thread; racy by nature. */
  TaskSnapshot snapshot() {
    int s = state();
    if ((s & COMPLETE) != 0) {
      return null;
    }
    TaskSnapshot.State st =
        (s & RUNNING) != 0
            ? TaskSnapshot.State.RUNNING
            : (s & NOTIFIED) != 0 ? TaskSnapshot.State.SCHEDULED : TaskSnapshot.State.IDLE;
    int polled = (int) POLLED_AT.getOpaque(this);
    return new TaskSnapshot(
        list.kind,
        id,
        name(),
        st,
        (s & CANCELLED) != 0,
        CoarseClock.fromStamp(createdAt),
        polled == NEVER ? null : CoarseClock.fromStamp(polled),
        liveFuture(),
        spawnedAt());
  }

  @Override
  public String toString() {
    int s = state();
    StringBuilder b = new StringBuilder("Task[");
    if ((s & COMPLETE) != 0) {
      b.append((s & FAILED) != 0 ? "failed" : "complete");
    } else if ((s & RUNNING) != 0) {
      b.append("running");
    } else if ((s & NOTIFIED) != 0) {
      b.append("scheduled");
    } else {
      b.append("idle");
    }
    if ((s & CANCELLED) != 0) {
      b.append(", cancelled");
    }
    return b.append(']').toString();
  }
}
