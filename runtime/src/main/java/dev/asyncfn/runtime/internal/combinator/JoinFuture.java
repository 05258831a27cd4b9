/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.runtime.internal.combinator;

import dev.asyncfn.runtime.Context;
import dev.asyncfn.runtime.Future;
import dev.asyncfn.runtime.Poll;
import java.util.function.Function;

/**
 * Polls several futures concurrently and completes with all their outputs: the future behind
 * {@code Futures.join}, {@code tryJoin}, {@code joinAll} and {@code tryJoinAll}.
 *
 * <p>Each poll polls every child that has not finished yet, in argument order, with the task's
 * context. The outputs are kept by position and handed to a finisher (which builds a {@link
 * dev.asyncfn.runtime.combinator.Join2}, a list, ...) once the last child is ready.
 *
 * <h2>Failure</h2>
 *
 * Two policies, chosen at construction:
 *
 * <ul>
 *   <li>{@linkplain Policy#FAIL_FAST Fail fast} ({@code tryJoin}, Rust's {@code try_join!}): the
 *       first child to fail fails the join with that exception, unchanged, and every child still
 *       pending is cancelled.
 *   <li>{@linkplain Policy#WAIT_FOR_ALL Wait for all} ({@code join}, Rust's {@code join!}, which
 *       gives every branch's {@code Result}): a failed child is finished; the others are polled to
 *       completion; then the join fails with the first failure, unchanged, any later failures
 *       added to it as suppressed exceptions. Nothing is cancelled.
 * </ul>
 *
 * <h2>Thread safety</h2>
 *
 * Polled and cancelled by its owning task, one thread at a time. Children may wake the task from
 * any thread: they are given the task's own context, so a wake-up reaches the task directly.
 *
 * <h2>Cancellation</h2>
 *
 * {@link #cancel()} cancels every child that is still pending, each exactly once, in argument
 * order; a completed join ignores it.
 *
 * @param <R> the output type
 */
public final class JoinFuture<R> implements Future<R> {

  /** What a failing child does to the join. */
  public enum Policy {
    /** The first failure fails the join at once and cancels the pending children. */
    FAIL_FAST,
    /** Every child runs to completion; then the first failure, if any, fails the join. */
    WAIT_FOR_ALL
  }

  private static final int POLLING = 0;
  private static final int COMPLETED = 1;
  private static final int CANCELLED = 2;

  private final String name;
  private final Future<?>[] children;
  private final Object[] outputs;
  private final Policy policy;
  private final Function<Object[], ? extends R> finisher;
  private int remaining;
  private Throwable failure;
  private int state = POLLING;

  /**
   * A join of {@code children}.
   *
   * @param name the operation, for messages (e.g. {@code "Futures.join"})
   * @param children the futures; the join owns the array from now on
   * @param policy what a failing child does
   * @param finisher turns the outputs, by position, into the join's output
   */
  public JoinFuture(
      String name, Future<?>[] children, Policy policy, Function<Object[], ? extends R> finisher) {
    this.name = name;
    this.children = Failures.checked(name, children);
    this.outputs = new Object[children.length];
    this.policy = policy;
    this.finisher = finisher;
    this.remaining = children.length;
  }

  @Override
  public Poll<R> poll(Context cx) {
    if (state != POLLING) {
      throw new IllegalStateException(
          name
              + " polled after it "
              + (state == COMPLETED ? "completed" : "was cancelled")
              + ": await it once, and do not poll it after cancel()");
    }
    Future<?>[] cs = children;
    for (int i = 0; i < cs.length; i++) {
      Future<?> child = cs[i];
      if (child == null) {
        continue;
      }
      Poll<?> p;
      try {
        p = child.poll(cx);
      } catch (Throwable t) {
        cs[i] = null;
        remaining--;
        if (policy == Policy.FAIL_FAST) {
          state = COMPLETED;
          Throwable fromCancel = Failures.cancelAll(cs);
          throw Failures.sneaky(fromCancel == null ? t : Failures.combine(t, fromCancel));
        }
        failure = Failures.combine(failure, t);
        continue;
      }
      if (p.isReady()) {
        cs[i] = null;
        outputs[i] = p.get();
        remaining--;
      }
    }
    if (remaining > 0) {
      return Poll.pending();
    }
    state = COMPLETED;
    if (failure != null) {
      throw Failures.sneaky(failure);
    }
    return Poll.ready(finisher.apply(outputs));
  }

  @Override
  public void cancel() {
    if (state != POLLING) {
      return;
    }
    state = CANCELLED;
    Throwable t = Failures.cancelAll(children);
    if (t != null) {
      throw Failures.sneaky(t);
    }
  }
}
