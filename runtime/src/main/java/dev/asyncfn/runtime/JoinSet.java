/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.runtime;

import dev.asyncfn.runtime.internal.Messages;
import dev.asyncfn.runtime.internal.handle.RuntimeContext;
import dev.asyncfn.runtime.internal.joinset.AllFuture;
import dev.asyncfn.runtime.internal.joinset.BlockingDrain;
import dev.asyncfn.runtime.internal.joinset.Group;
import dev.asyncfn.runtime.internal.joinset.NextFuture;
import dev.asyncfn.runtime.internal.joinset.ShutdownFuture;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;

/**
 * A group of spawned tasks whose outputs are taken as they finish, and which ends with its scope:
 * Tokio's {@code tokio::task::JoinSet}, with structured concurrency's guarantee that no task
 * outlives the block that owns the set.
 *
 * <h2>Example</h2>
 *
 * <pre>{@code
 * @Async
 * static long totalSize(List<String> urls) {
 *   try (JoinSet<Response> set = new JoinSet<>()) {
 *     for (String url : urls) {
 *       set.spawn(HttpAsync.get(url));
 *     }
 *     long total = 0;
 *     while (!set.isEmpty()) {
 *       Response r = await(set.joinNext());   // in completion order; a failure is rethrown as is
 *       total += r.body().length;
 *     }
 *     return total;
 *   } // a failure above leaves tasks running: close() aborts them here
 * }
 * }</pre>
 *
 * <h2>Joining</h2>
 *
 * <ul>
 *   <li>{@link #joinNext()}: the output of the next task to finish, in the order the tasks
 *       completed. A task that threw rethrows the very same exception object (as awaiting its
 *       {@link JoinHandle} would); an aborted task fails with {@link CancelledException}. Either
 *       way the task leaves the set, and the next {@code joinNext()} goes on with the others. On an
 *       empty set it completes with {@code null}, Tokio's {@code None}. Outputs may be {@code null}
 *       too (a {@code JoinSet<Void>}), so loop on {@link #isEmpty()}: it is exact, because only the
 *       owner's joins remove tasks.
 *   <li>{@link #joinAll()}: every output, in completion order. The first failure (a task that
 *       threw or was aborted) aborts all the tasks still in the set and fails {@code joinAll} with
 *       that exception, unchanged, like Tokio's {@code join_all}; the aborted tasks stay in the set
 *       until {@link #close()} or {@link #shutdown()} waits for them.
 * </ul>
 *
 * <h2>Cancellation and the end of the scope</h2>
 *
 * <ul>
 *   <li>{@link #abortAll()} aborts every task (see {@link JoinHandle#abort()}): each task's future
 *       gets {@code cancel()} once, never during a poll. The tasks stay in the set; joining one
 *       gives {@link CancelledException}, unless it completed first.
 *   <li>{@link #shutdown()} (the asynchronous end of scope): a future that aborts every task and
 *       completes when every one of them finished, its {@code cancel()} having run. Their outputs
 *       and failures are dropped.
 *   <li>{@link #close()} (try-with-resources) aborts every task still in the set and closes it to
 *       new spawns. Since {@code close()} cannot await, what it guarantees depends on the thread:
 *       <ul>
 *         <li>On a thread that does not drive a runtime (the main thread, a thread inside a
 *             multi-thread {@code AsyncRuntime.blockOn}, a blocking-pool thread) it blocks until
 *             every task finished: when it returns, no task of the set is running and each one's
 *             {@code cancel()} ran (or the task completed). A {@link #spawnBlocking} job that
 *             already started is not interrupted, so {@code close()} waits for it to return.
 *         <li>On a thread that drives tasks (a worker, or the thread inside a current-thread
 *             {@code blockOn}: where {@code await} would throw) it does not block. Every task that
 *             is not being polled at that moment is cancelled before {@code close()} returns, on
 *             the calling thread: its future's {@code cancel()} ran. A task being polled right
 *             then on another worker cannot be cancelled in the middle of its poll; it is
 *             cancelled by that worker as soon as the poll returns (or completes, if the poll
 *             returned ready), and it is never polled again. When {@code close()} runs on the
 *             thread that drives the set's current-thread runtime, no other thread polls its
 *             tasks, so every task is finished when {@code close()} returns.
 *             Blocking jobs that started run on, as above. To wait for all of them from async
 *             code, {@code await(set.shutdown())} before the end of the block.
 *       </ul>
 *   <li>Dropping the set without closing it detaches its tasks, which keep running, like tasks
 *       spawned with {@link Tasks#spawn}: use try-with-resources.
 * </ul>
 *
 * <p>{@code joinNext()} is cancel-safe: a task's outcome leaves the set only in the poll that
 * returns it, so a {@code joinNext()} that loses a {@code select} (or is dropped for any reason)
 * loses no output, and the outcome is there for the next {@code joinNext()}. {@code joinAll()} is
 * not cancel-safe: the outputs it collected are dropped with it (the tasks they came from left the
 * set). Cancelling {@code shutdown()} midway leaves the tasks aborted and in the set.
 *
 * <h2>Thread safety</h2>
 *
 * A set belongs to one task at a time (or one thread, outside a runtime): {@code spawn}, the joins,
 * {@code abortAll}, {@code size} and {@code close} are not thread-safe. Its tasks may finish on
 * any thread; their completion wakes the owner's pending {@code joinNext()}. The {@link
 * AbortHandle}s it returns may be used from any thread.
 *
 * <h2>Throws</h2>
 *
 * {@code spawn} and {@code spawnBlocking} throw {@link IllegalStateException} after {@link
 * #close()}, and, for a set made with {@code new JoinSet<>()}, outside a runtime (create it with
 * {@link #on(AsyncRuntime)} or {@link #on(RuntimeHandle)}, or spawn from code running under a
 * runtime).
 *
 * @param <T> the output type of the tasks
 */
public final class JoinSet<T> implements AutoCloseable {
  private final RuntimeHandle runtime;
  private final Group<T> group = new Group<>();
  private boolean closed;

  /** An empty set that spawns on the runtime current at each spawn, like {@link Tasks#spawn}. */
  public JoinSet() {
    this.runtime = null;
  }

  private JoinSet(RuntimeHandle runtime) {
    this.runtime = runtime;
  }

  /** An empty set that spawns on {@code runtime}, from any thread. */
  public static <T> JoinSet<T> on(AsyncRuntime runtime) {
    return new JoinSet<>(Objects.requireNonNull(runtime, "runtime").handle());
  }

  /** An empty set that spawns on the runtime of {@code handle}, from any thread. */
  public static <T> JoinSet<T> on(RuntimeHandle handle) {
    return new JoinSet<>(Objects.requireNonNull(handle, "handle"));
  }

  /**
   * Spawns {@code future} as a task of this set; it starts running in the background at once.
   *
   * <p>The returned handle can abort the task but not await it: the set collects the output, with
   * {@link #joinNext()} or {@link #joinAll()} (a second awaiter of the same task would steal the
   * output from the set).
   *
   * @throws IllegalStateException after {@link #close()}, or outside a runtime (see the class
   *     documentation)
   */
  public AbortHandle spawn(Future<? extends T> future) {
    Objects.requireNonNull(future, "future");
    checkOpen();
    return group.add(runtime == null ? Tasks.spawn(future) : runtime.spawn(future));
  }

  /**
   * Runs {@code callable} on the blocking pool as a task of this set. Aborting it before it started
   * means it never runs; a started job is not interrupted, and {@link #close()} waits for it.
   *
   * @throws IllegalStateException after {@link #close()}, or outside a runtime
   */
  public AbortHandle spawnBlocking(Callable<? extends T> callable) {
    Objects.requireNonNull(callable, "callable");
    checkOpen();
    return group.add(
        runtime == null ? Tasks.spawnBlocking(callable) : runtime.spawnBlocking(callable));
  }

  /**
   * A future of the output of the next task to finish, or of {@code null} when the set is empty.
   * The task leaves the set. A task that threw rethrows its exception unchanged; an aborted task
   * fails with {@link CancelledException}. Cancel-safe.
   */
  public Future<T> joinNext() {
    return new NextFuture<>(group);
  }

  /**
   * A future of every output, in completion order, once the set is empty (an empty list for an
   * empty set). The first task to fail aborts the others and fails it with its exception,
   * unchanged. Not cancel-safe.
   */
  public Future<List<T>> joinAll() {
    return new AllFuture<>(group);
  }

  /** Aborts every task in the set; they stay in it until joined. Idempotent, never blocks. */
  public void abortAll() {
    group.abortAll();
  }

  /**
   * A future that, at its first poll, aborts every task in the set, then completes once all of
   * them finished (each one's {@code cancel()} ran, or it completed first), dropping their outputs
   * and failures. The set is empty afterwards and may be used again.
   */
  public Future<Void> shutdown() {
    return new ShutdownFuture<>(group);
  }

  /** Number of tasks in the set: spawned and not yet joined, whether still running or finished. */
  public int size() {
    return group.size();
  }

  /** Whether the set holds no task, so that {@link #joinNext()} would complete with null. */
  public boolean isEmpty() {
    return group.size() == 0;
  }

  /**
   * Aborts every task still in the set and closes it to spawns; blocks until they finished unless
   * called on a thread that drives a runtime. See the class documentation for what is guaranteed
   * where. Idempotent.
   */
  @Override
  public void close() {
    closed = true;
    if (group.size() == 0) {
      return;
    }
    group.abortAll();
    if (!RuntimeContext.isDriving()) {
      BlockingDrain.await(group);
    }
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException(Messages.JOIN_SET_CLOSED);
    }
  }

  @Override
  public String toString() {
    return "JoinSet[size=" + group.size() + (closed ? ", closed]" : "]");
  }
}
