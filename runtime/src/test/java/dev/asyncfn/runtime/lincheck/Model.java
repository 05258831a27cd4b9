/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.runtime.lincheck;

import dev.asyncfn.runtime.Context;
import dev.asyncfn.runtime.Future;
import dev.asyncfn.runtime.Poll;
import java.util.function.Function;

/** Building blocks of the sequential specifications: model futures made of two functions. */
final class Model {
  private Model() {}

  /** A future that polls with {@code poll}; cancelling it does nothing. */
  static <T> Future<T> of(Function<Context, Poll<T>> poll) {
    return poll::apply;
  }

  /** A future that polls with {@code poll} and runs {@code cancel} when cancelled. */
  static <T> Future<T> future(Function<Context, Poll<T>> poll, Runnable cancel) {
    return new Future<>() {
      @Override
      public Poll<T> poll(Context cx) {
        return poll.apply(cx);
      }

      @Override
      public void cancel() {
        cancel.run();
      }
    };
  }
}
