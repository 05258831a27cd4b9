/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.runtime.internal.combinator;

import dev.asyncfn.runtime.Context;
import dev.asyncfn.runtime.Future;
import dev.asyncfn.runtime.Poll;

/**
 * Completes with the first of several futures to finish and cancels the others: the future
 * behind {@code Futures.select} and {@code Futures.race}.
 *
 * <h2>Polling order</h2>
 *
 * Biased: every poll polls the children in argument order and stops at the first that is ready,
 * like Tokio's {@code select!} with {@code biased;} and futures-rs's {@code future::select}. The
 * result is deterministic (when two children are ready at the same poll, the earlier argument
 * wins), and the earlier arguments get priority: put a shutdown or timeout signal first if it
 * must win ties, and do not put a future that is always ready before one that must make progress.
 *
 * <h2>Failure</h2>
 *
 * A child that fails before any other is ready fails the select with its exception, unchanged,
 * and the others are cancelled. If cancelling a loser throws, the select fails with that
 * exception (the winner's output is then lost: a {@code cancel()} should not throw).
 *
 * <h2>Thread safety</h2>
 *
 * Polled and cancelled by its owning task, one thread at a time. Children may wake the task from
 * any thread: they are given the task's own context.
 *
 * <h2>Cancellation</h2>
 *
 * The losers are cancelled, once each, in argument order, during the poll that found the winner.
 * {@link #cancel()} cancels every child of a select that has not completed; it is not cancel-safe
 * for the children themselves: a child's partial progress is dropped with it. To wait for the
 * first of several operations without dropping the others, use {@link
 * dev.asyncfn.runtime.combinator.Completions}.
 *
 * @param <R> the output type
 */
public final class SelectFuture<R> implements Future<R> {

  /** Builds the select's output from the winner's position and output. */
  @FunctionalInterface
  public interface Winner<R> {
    /** The output for the child at {@code index} (from 0) that finished with {@code value}. */
    R of(int index, Object value);
  }

  private static final int POLLING = 0;
  private static final int COMPLETED = 1;
  private static final int CANCELLED = 2;

  private final String name;
  private final Future<?>[] children;
  private final Winner<? extends R> winner;
  private int state = POLLING;

  /**
   * A select over {@code children}.
   *
   * @param name the operation, for messages (e.g. {@code "Futures.select"})
   * @param children at least one future; the select owns the array from now on
   * @param winner turns the winner's position and output into the select's output
   */
  public SelectFuture(String name, Future<?>[] children, Winner<? extends R> winner) {
    if (children.length == 0) {
      throw new IllegalArgumentException(
          name + " of no futures would never complete: pass at least one future");
    }
    this.name = name;
    this.children = Failures.checked(name, children);
    this.winner = winner;
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
      Poll<?> p;
      try {
        p = child.poll(cx);
      } catch (Throwable t) {
        cs[i] = null;
        state = COMPLETED;
        Throwable fromCancel = Failures.cancelAll(cs);
        throw Failures.sneaky(fromCancel == null ? t : Failures.combine(t, fromCancel));
      }
      if (p.isReady()) {
        cs[i] = null;
        state = COMPLETED;
        Throwable fromCancel = Failures.cancelAll(cs);
        if (fromCancel != null) {
          throw Failures.sneaky(fromCancel);
        }
        return Poll.ready(winner.of(i, p.get()));
      }
    }
    return Poll.pending();
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
