/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.runtime.internal.joinset;

import dev.asyncfn.runtime.AbortHandle;
import dev.asyncfn.runtime.Context;
import dev.asyncfn.runtime.JoinHandle;
import dev.asyncfn.runtime.Poll;
import dev.asyncfn.runtime.Waker;
import dev.asyncfn.runtime.internal.Sneaky;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * One task of a {@link Group}: its handle, the waker its completion calls, and its place in the
 * group's list. See the package documentation for who touches which field.
 *
 * @param <T> the output type of the group
 */
public final class Member<T> implements Waker, Context, AbortHandle {
  private static final VarHandle QUEUED;

  static {
    try {
      QUEUED = MethodHandles.lookup().findVarHandle(Member.class, "queued", boolean.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private final Group<T> group;
  private final JoinHandle<? extends T> handle;

  @SuppressWarnings("unused") // accessed through QUEUED
  private volatile boolean queued;

  // Owner only: the outcome seen by the first poll of the handle, if the task had finished then.
  private boolean hasEarly;
  private Object early;
  private boolean earlyFailed;

  // Owner only.
  boolean removed;
  Member<T> prev;
  Member<T> next;

  Member(Group<T> group, JoinHandle<? extends T> handle) {
    this.group = group;
    this.handle = handle;
  }

  /**
   * Registers this member as the task's join waker by polling the handle once; a task that already
   * finished has its outcome kept and the member queued.
   */
  void register() {
    try {
      Poll<? extends T> p = handle.poll(this);
      if (p.isPending()) {
        return;
      }
      early = p.get();
    } catch (Throwable t) {
      early = t;
      earlyFailed = true;
    }
    hasEarly = true;
    wake();
  }

  /**
   * The task's outcome if it finished: ready with its output, pending if it has not (this member is
   * then its join waker again). Throws the task's exception unchanged.
   */
  @SuppressWarnings("unchecked")
  Poll<T> pollOutcome() {
    if (hasEarly) {
      hasEarly = false;
      Object o = early;
      early = null;
      if (earlyFailed) {
        throw Sneaky.raise((Throwable) o);
      }
      return Poll.ready((T) o);
    }
    return (Poll<T>) handle.poll(this);
  }

  /** Lets the next completion queue this member again; the owner calls it on dequeue. */
  void unqueue() {
    QUEUED.setVolatile(this, false);
  }

  /** The task finished: queue this member (once) and wake the group's owner. */
  @Override
  public void wake() {
    if (QUEUED.compareAndSet(this, false, true)) {
      group.enqueue(this);
    }
  }

  @Override
  public Waker waker() {
    return this;
  }

  @Override
  public void abort() {
    handle.abort();
  }

  @Override
  public boolean isFinished() {
    return handle.isFinished();
  }

  @Override
  public String toString() {
    return "JoinSet member " + handle;
  }
}
