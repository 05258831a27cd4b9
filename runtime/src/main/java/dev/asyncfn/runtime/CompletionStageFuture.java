/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.runtime;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;

/**
 * Adapts a {@link CompletionStage} to a {@link Future}: {@code Futures.fromCompletionStage}.
 *
 * <p>One callback is registered on the stage, at the first poll that finds it incomplete, never
 * one per poll. The callback records the outcome, then wakes the waker of the latest poll. A
 * {@code CompletableFuture} that is already complete at the first poll is read without a callback.
 *
 * <p>Failure: the stage's exception is thrown as it is, unwrapped from the {@link
 * CompletionException} that dependent stages wrap it in; a cancelled stage throws its {@code
 * CancellationException}.
 *
 * <p>Cancellation drops the waker, so the task is not woken for a result nobody wants. It does not
 * cancel the stage: the stage may have other consumers. Its callback stays registered (the
 * {@code CompletionStage} API cannot remove one) and only holds this small adapter.
 */
final class CompletionStageFuture<T> implements Future<T>, BiConsumer<T, Throwable> {
  private static final int POLLING = 0;
  private static final int COMPLETED = 1;
  private static final int CANCELLED = 2;

  private final CompletionStage<T> stage;
  // The waker to wake when the stage completes; null once woken or cancelled.
  private final AtomicReference<Waker> waker = new AtomicReference<>();
  // The outcome, written by the callback before the volatile `outcomeSet` that publishes it.
  private T value;
  private Throwable error;
  private volatile boolean outcomeSet;
  private boolean subscribed;
  private int state = POLLING;

  CompletionStageFuture(CompletionStage<T> stage) {
    this.stage = java.util.Objects.requireNonNull(stage, "Futures.fromCompletionStage: stage");
  }

  @Override
  public Poll<T> poll(Context cx) {
    if (state != POLLING) {
      throw new IllegalStateException(
          "CompletionStage future polled after it "
              + (state == COMPLETED ? "completed" : "was cancelled")
              + ": await it once; to await the stage again, adapt it again");
    }
    if (!outcomeSet) {
      // Exact class only: subclasses such as minimalCompletionStage() throw from isDone().
      if (!subscribed
          && stage.getClass() == CompletableFuture.class
          && ((CompletableFuture<T>) stage).isDone()) {
        return complete((CompletableFuture<T>) stage);
      }
      Waker w = cx.waker();
      Waker old = waker.get();
      if (old == null || !old.willWake(w)) {
        waker.set(w);
      }
      if (!subscribed) {
        subscribed = true;
        stage.whenComplete(this);
      }
      // Re-checked after publishing the waker: a completion in between either sees the new
      // waker or is seen here, so the wake-up cannot be lost.
      if (!outcomeSet) {
        return Poll.pending();
      }
    }
    state = COMPLETED;
    waker.set(null);
    if (error != null) {
      throw Throwables.sneaky(unwrap(error));
    }
    return Poll.ready(value);
  }

  private Poll<T> complete(CompletableFuture<T> cf) {
    state = COMPLETED;
    try {
      return Poll.ready(cf.join());
    } catch (CompletionException e) {
      throw Throwables.sneaky(unwrap(e));
    }
  }

  /** The stage's callback: records the outcome, then wakes the latest waker. */
  @Override
  public void accept(T v, Throwable e) {
    value = v;
    error = e;
    outcomeSet = true;
    Waker w = waker.getAndSet(null);
    if (w != null) {
      w.wake();
    }
  }

  @Override
  public void cancel() {
    if (state == POLLING) {
      state = CANCELLED;
      waker.set(null);
    }
  }

  private static Throwable unwrap(Throwable e) {
    while (e instanceof CompletionException && e.getCause() != null) {
      e = e.getCause();
    }
    return e;
  }
}
