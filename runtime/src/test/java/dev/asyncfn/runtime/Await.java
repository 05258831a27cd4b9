/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** Hand-written "async main" futures for tests that have no processor. */
public final class Await {
  private Await() {}

  /**
   * On first poll, calls {@code spawner} (inside the runtime) for handles, then awaits them in
   * order; ready with their outputs.
   */
  public static <T> Future<List<T>> spawnAll(Supplier<List<JoinHandle<T>>> spawner) {
    return new Future<>() {
      private List<JoinHandle<T>> handles;
      private final List<T> out = new ArrayList<>();

      @Override
      public Poll<List<T>> poll(Context cx) {
        if (handles == null) {
          handles = spawner.get();
        }
        while (out.size() < handles.size()) {
          Poll<T> p = handles.get(out.size()).poll(cx);
          if (p.isPending()) {
            return Poll.pending();
          }
          out.add(p.get());
        }
        return Poll.ready(out);
      }
    };
  }

  /** A future that runs {@code body} on its first poll (inside the runtime) and awaits its result. */
  public static <T> Future<T> inside(Supplier<Future<T>> body) {
    return new Future<>() {
      private Future<T> inner;

      @Override
      public Poll<T> poll(Context cx) {
        if (inner == null) {
          inner = body.get();
        }
        return inner.poll(cx);
      }
    };
  }
}
