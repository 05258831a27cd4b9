/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.runtime.net;

import dev.asyncfn.runtime.Context;
import dev.asyncfn.runtime.Future;
import dev.asyncfn.runtime.Poll;
import dev.asyncfn.runtime.AsyncRuntime;
import dev.asyncfn.runtime.internal.Sneaky;

/**
 * Hand-written sequencing for tests (the processor would generate these state machines): {@code
 * then} chains two futures, {@code closing} closes a resource on every path.
 */
final class Steps {
  private Steps() {}

  /** A function that may throw a checked exception, rethrown unchanged from poll. */
  interface Fn<A, B> {
    B apply(A a) throws Exception;
  }

  /** Runs {@code first}, then the future {@code next} makes from its output. */
  static <A, B> Future<B> then(Future<A> first, Fn<? super A, ? extends Future<B>> next) {
    return new Future<>() {
      private Future<B> second;

      @Override
      public Poll<B> poll(Context cx) {
        if (second == null) {
          Poll<A> p = first.poll(cx);
          if (p.isPending()) {
            return Poll.pending();
          }
          try {
            second = next.apply(p.get());
          } catch (Exception e) {
            throw Sneaky.raise(e);
          }
        }
        return second.poll(cx);
      }

      @Override
      public void cancel() {
        if (second != null) {
          second.cancel();
        } else {
          first.cancel();
        }
      }
    };
  }

  /** {@code then} whose second step is a plain value. */
  static <A, B> Future<B> map(Future<A> first, Fn<? super A, ? extends B> fn) {
    return then(first, a -> dev.asyncfn.runtime.Futures.ready(fn.apply(a)));
  }

  /** Runs {@code body}, closing {@code resource} when it completes, fails or is cancelled. */
  static <T> Future<T> closing(AutoCloseable resource, Future<T> body) {
    return new Future<>() {
      private boolean closed;

      @Override
      public Poll<T> poll(Context cx) {
        Poll<T> p;
        try {
          p = body.poll(cx);
        } catch (Throwable e) {
          close(e);
          throw e;
        }
        if (p.isReady()) {
          close(null);
        }
        return p;
      }

      @Override
      public void cancel() {
        try {
          body.cancel();
        } finally {
          close(null);
        }
      }

      private void close(Throwable primary) {
        if (closed) {
          return;
        }
        closed = true;
        try {
          resource.close();
        } catch (Exception e) {
          if (primary != null) {
            primary.addSuppressed(e);
          } else {
            throw Sneaky.raise(e);
          }
        }
      }
    };
  }

  /** {@code current}: a current-thread runtime; {@code one-worker}; else two workers. */
  static AsyncRuntime runtime(String flavour) {
    return switch (flavour) {
      case "current" -> AsyncRuntime.builder().currentThread().build();
      case "one-worker" -> AsyncRuntime.builder().multiThread().workerThreads(1).build();
      default -> AsyncRuntime.builder().multiThread().workerThreads(2).build();
    };
  }
}
