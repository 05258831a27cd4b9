/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.runtime.combinator;

import dev.asyncfn.runtime.Context;
import dev.asyncfn.runtime.Future;
import dev.asyncfn.runtime.Poll;
import dev.asyncfn.runtime.Waker;
import dev.asyncfn.runtime.internal.combinator.Failures;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.NoSuchElementException;

/**
 * A set of futures run concurrently whose outputs are taken one at a time, in the order they
 * finish: {@code Futures.unordered(...)}, the counterpart of futures-rs's {@code
 * FuturesUnordered} (and of Rust's {@code select!} over {@code &mut} futures in a loop).
 *
 * <p>Unlike {@code select}, taking one output does not drop the others: they stay in the set and
 * keep their progress until their turn comes.
 *
 * <h2>Example</h2>
 *
 * <pre>{@code
 * Completions<Response> inFlight = Futures.unordered(List.of(get(url1), get(url2)));
 * while (!inFlight.isEmpty()) {
 *   Response r = await(inFlight.next());   // whichever finishes first
 *   System.out.println(r.status());
 * }
 * }</pre>
 *
 * <h2>next()</h2>
 *
 * {@link #next()} returns a future of the next output. Its polls poll only the futures that woke
 * since they were last polled (and those added since), in the order they woke, and complete with
 * the first that is ready, removing it from the set. So a poll costs in proportion to the futures
 * that made progress, not to the size of the set, as in futures-rs. Each future is polled with a
 * context of its own whose waker marks it for polling and wakes the task; it is created once, when
 * the future is added, so polling and waking allocate nothing. A future that fails is removed
 * too, and {@code next()} fails with its exception, unchanged; the others stay. Awaiting {@code
 * next()} on an empty set fails with {@link NoSuchElementException}: check {@link #isEmpty()}
 * first (Rust's {@code None}).
 *
 * <p>A poll of {@code next()} polls each woken future at most once; futures that wake again
 * during that poll (a future that yields) are polled at the next poll, for which their wake-up
 * already woke the task, so one busy future cannot keep the task in one endless poll.
 *
 * <h2>Cancellation and cancel safety</h2>
 *
 * The future returned by {@code next()} is cancel-safe: cancelling it (for example because it
 * lost a {@code select} against a timer) cancels nothing in the set and loses no output, since an
 * output is only removed in the same poll that returns it. {@link #close()} cancels every future
 * still in the set, once each; use the set in try-with-resources so that none outlives the scope.
 *
 * <h2>Thread safety</h2>
 *
 * The set belongs to one task, which adds to it, awaits {@code next()} and closes it; those
 * methods are not thread-safe. The futures in it may wake from any thread: a wake-up puts the
 * future on a queue guarded by a lock and then wakes the waker of the latest {@code next()} poll,
 * which is published before that poll reads the queue, so no wake-up is lost.
 *
 * @param <T> the output type
 */
public final class Completions<T> implements AutoCloseable {
  // Every future still in the set, for size() and close(); a node knows its index (swap-remove).
  private final ArrayList<Node<T>> nodes = new ArrayList<>();
  // Nodes to poll: added or woken since their last poll, each at most once. Guarded by itself.
  private final ArrayDeque<Node<T>> ready = new ArrayDeque<>();
  // The waker of the latest next() poll; the nodes' wakers wake it.
  private volatile Waker taskWaker;
  // Set by close(); read by wakers, under the lock of `ready`, so late wake-ups queue nothing.
  private boolean closed;

  /** An empty set; {@link #add} futures to it. */
  public Completions() {}

  /** A set holding {@code futures}, in order. */
  public Completions(Iterable<? extends Future<? extends T>> futures) {
    for (Future<? extends T> f : futures) {
      add(f);
    }
  }

  /**
   * Adds {@code future} to the set (futures-rs's {@code push}). It is first polled by the next
   * poll of a {@link #next()} future.
   *
   * @throws IllegalStateException if the set was closed
   */
  public void add(Future<? extends T> future) {
    if (future == null) {
      throw new NullPointerException(
          "Completions.add(future): future is null; pass a Future, e.g. Futures.ready(value)");
    }
    if (closed) {
      throw new IllegalStateException(
          "Completions.add(future) after close(): the set cancelled its futures; create a new set");
    }
    Node<T> node = new Node<>(this, future, nodes.size());
    nodes.add(node);
    node.wake();
  }

  /** How many futures have not been taken by {@link #next()} yet. */
  public int size() {
    return nodes.size();
  }

  /** Whether every future has been taken: then {@link #next()} has nothing to wait for. */
  public boolean isEmpty() {
    return nodes.isEmpty();
  }

  /**
   * A future of the output of the next future in the set to finish. See the class documentation.
   */
  public Future<T> next() {
    return new Next();
  }

  /**
   * Cancels every future still in the set, once each, and empties it. Idempotent.
   */
  @Override
  public void close() {
    Future<?>[] rest = new Future<?>[nodes.size()];
    for (int i = 0; i < rest.length; i++) {
      Node<T> node = nodes.get(i);
      node.index = -1;
      rest[i] = node.future;
    }
    nodes.clear();
    synchronized (ready) {
      closed = true;
      ready.clear();
    }
    Throwable t = Failures.cancelAll(rest);
    if (t != null) {
      throw Failures.sneaky(t);
    }
  }

  private void remove(Node<T> node) {
    int i = node.index;
    Node<T> last = nodes.remove(nodes.size() - 1);
    if (last != node) {
      nodes.set(i, last);
      last.index = i;
    }
    node.index = -1;
  }

  private Node<T> pollReady() {
    synchronized (ready) {
      Node<T> node = ready.pollFirst();
      if (node != null) {
        node.queued = false;
      }
      return node;
    }
  }

  /** One future of the set, with the context and waker it is polled with. */
  private static final class Node<T> implements Context, Waker {
    private final Completions<T> set;
    private final Future<? extends T> future;
    // Position in set.nodes, or -1 once taken or cancelled. Owner's thread only.
    private int index;
    // Whether the node is in set.ready. Guarded by set.ready.
    private boolean queued;

    Node(Completions<T> set, Future<? extends T> future, int index) {
      this.set = set;
      this.future = future;
      this.index = index;
    }

    @Override
    public Waker waker() {
      return this;
    }

    /** Marks the future for polling and wakes the task; a no-op while it is already marked. */
    @Override
    public void wake() {
      synchronized (set.ready) {
        if (queued || set.closed) {
          return;
        }
        queued = true;
        set.ready.addLast(this);
      }
      Waker w = set.taskWaker;
      if (w != null) {
        w.wake();
      }
    }
  }

  /** The output of one future of the set; removed from the set in the poll that returns it. */
  private final class Next implements Future<T> {
    private boolean done;

    @Override
    public Poll<T> poll(Context cx) {
      if (done) {
        throw new IllegalStateException(
            "Completions.next() future polled after it completed: call next() again for the"
                + " next output");
      }
      if (nodes.isEmpty()) {
        done = true;
        throw new NoSuchElementException(
            closed
                ? "Completions.next() after close(): the set was closed"
                : "Completions.next() on an empty set: check isEmpty() before awaiting next()");
      }
      // Published before the queue is read: a wake-up after the read finds this waker.
      Waker w = cx.waker();
      Waker old = taskWaker;
      if (old == null || !old.willWake(w)) {
        taskWaker = w;
      }
      // At most one poll per node that was queued when this poll began.
      int budget;
      synchronized (ready) {
        budget = ready.size();
      }
      for (; budget > 0; budget--) {
        Node<T> node = pollReady();
        if (node == null) {
          break;
        }
        if (node.index < 0) {
          continue;
        }
        Poll<? extends T> p;
        try {
          p = node.future.poll(node);
        } catch (Throwable t) {
          remove(node);
          done = true;
          throw t;
        }
        if (p.isReady()) {
          remove(node);
          done = true;
          @SuppressWarnings("unchecked") // Poll is immutable, so Poll<? extends T> is a Poll<T>.
          Poll<T> result = (Poll<T>) p;
          return result;
        }
      }
      // A future that woke during this poll is queued again and has already woken the task.
      return Poll.pending();
    }

    // cancel(): the default does nothing, which is what makes next() cancel-safe.
  }
}
