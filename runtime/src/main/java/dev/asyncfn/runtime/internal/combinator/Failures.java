/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.runtime.internal.combinator;

import dev.asyncfn.runtime.Future;

/**
 * Failure plumbing shared by the combinators (these and {@code Completions}): rethrowing as is,
 * and cancelling children.
 */
public final class Failures {
  private Failures() {}

  /** Throws {@code t} as it is, checked or not; written {@code throw sneaky(t)} by callers. */
  @SuppressWarnings("unchecked")
  public static <X extends Throwable> RuntimeException sneaky(Throwable t) throws X {
    throw (X) t;
  }

  /**
   * Cancels every child still in {@code children}, clearing each slot first so that no child is
   * cancelled twice. A throwing {@code cancel()} does not stop the others from being cancelled.
   *
   * @return what the cancels threw (the first, the others suppressed in it), or {@code null}
   */
  public static Throwable cancelAll(Future<?>[] children) {
    Throwable failure = null;
    for (int i = 0; i < children.length; i++) {
      Future<?> child = children[i];
      if (child != null) {
        children[i] = null;
        try {
          child.cancel();
        } catch (Throwable t) {
          failure = combine(failure, t);
        }
      }
    }
    return failure;
  }

  /** {@code first} with {@code next} suppressed in it, or {@code next} when there is no first. */
  public static Throwable combine(Throwable first, Throwable next) {
    if (first == null) {
      return next;
    }
    if (first != next) {
      first.addSuppressed(next);
    }
    return first;
  }

  /** Rejects null children: {@code operation} names the call in the message. */
  public static Future<?>[] checked(String operation, Future<?>[] children) {
    for (int i = 0; i < children.length; i++) {
      if (children[i] == null) {
        throw new NullPointerException(
            operation + ": future number " + (i + 1) + " is null; pass a Future, e.g."
                + " Futures.ready(value) for a value that is already known");
      }
    }
    return children;
  }
}
