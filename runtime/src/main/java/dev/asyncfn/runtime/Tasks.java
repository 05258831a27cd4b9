/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.runtime;

import dev.asyncfn.runtime.internal.Messages;
import dev.asyncfn.runtime.internal.handle.Handle;
import dev.asyncfn.runtime.internal.handle.RuntimeContext;
import java.util.Objects;
import java.util.concurrent.Callable;

/**
 * Spawning on the current runtime, and yielding: {@code tokio::spawn}, {@code
 * tokio::task::spawn_blocking} and {@code tokio::task::yield_now} in Java.
 *
 * <h2>Example</h2>
 *
 * <pre>{@code
 * @Async
 * static void serve(TcpListener listener) throws IOException {
 *   for (;;) {
 *     TcpStream socket = await(listener.accept());
 *     Tasks.spawn(EchoAsync.handle(socket));     // one task per connection
 *   }
 * }
 * }</pre>
 *
 * <h2>Throws</h2>
 *
 * {@code spawn} and {@code spawnBlocking} throw {@link IllegalStateException} outside a runtime
 * (run the code under {@link AsyncRuntime#blockOn} or {@link Futures#blockOn}, or call the method
 * on an {@link AsyncRuntime} or a {@link RuntimeHandle}).
 *
 * <h2>Thread safety</h2>
 *
 * Any thread under a runtime: a task, the future given to {@code blockOn}, a blocking job.
 */
public final class Tasks {
  private Tasks() {}

  /** Spawns {@code future} on the current runtime; see {@link AsyncRuntime#spawn}. */
  public static <T> JoinHandle<T> spawn(Future<T> future) {
    Objects.requireNonNull(future, "future");
    return current("spawn()").spawn(future);
  }

  /**
   * Runs {@code callable} on the current runtime's blocking pool; see {@link
   * AsyncRuntime#spawnBlocking}.
   */
  public static <T> JoinHandle<T> spawnBlocking(Callable<T> callable) {
    return current("spawnBlocking()").spawnBlocking(callable);
  }

  /**
   * A future that gives other tasks a turn: its first poll wakes the task and returns pending (the
   * task goes to the back of the run queue), its second poll is ready. For long computations that
   * should not hog a worker.
   */
  public static Future<Void> yieldNow() {
    return new YieldNow();
  }

  private static Handle current(String operation) {
    Handle h = RuntimeContext.current();
    if (h == null) {
      throw new IllegalStateException(Messages.outsideRuntime(operation));
    }
    return h;
  }

  /** Pending once, after waking itself. */
  private static final class YieldNow implements Future<Void> {
    private boolean yielded;

    @Override
    public Poll<Void> poll(Context cx) {
      if (yielded) {
        return Poll.ready(null);
      }
      yielded = true;
      cx.waker().wake();
      return Poll.pending();
    }
  }
}
