/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.benchmarks;

import dev.asyncfn.runtime.Future;
import dev.asyncfn.runtime.Futures;
import dev.asyncfn.runtime.JoinHandle;
import dev.asyncfn.runtime.AsyncRuntime;
import dev.asyncfn.runtime.Tasks;
import java.util.function.IntFunction;

/**
 * Spawns many tasks from inside a task on a worker, as a server's accept loop would: spawns from a
 * worker go to its local queue, while spawns from a foreign thread all go through the global
 * injector.
 */
final class Spawner {
  private Spawner() {}

  /** Spawns {@code make.apply(i)} for every {@code i < handles.length}, storing the handles. */
  static void spawnAll(AsyncRuntime rt, JoinHandle<?>[] handles, IntFunction<Future<?>> make) {
    rt.blockOn(
        rt.spawn(
            Futures.lazy(
                () -> {
                  for (int i = 0; i < handles.length; i++) {
                    handles[i] = Tasks.spawn(make.apply(i));
                  }
                  return null;
                })));
  }
}
