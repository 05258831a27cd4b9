/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.runtime.internal.reactor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.CancelledKeyException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * A {@link Selector} that turns channel readiness into wake-ups (Tokio's I/O driver).
 *
 * <p>One reactor per runtime, opened by the runtime's handle when a socket of the runtime first
 * waits (a runtime whose tasks never wait on a socket opens no selector); the reactor itself knows
 * nothing of runtimes. It has no thread of its own: the runtime's
 * threads turn it (Tokio's design). The thread that parks with the runtime's timers blocks in
 * {@link #turn} until its next timer deadline or a {@link #wakeup()}, and readiness is dispatched
 * on that thread, so a woken task lands in that thread's own run queue; a busy thread turns it
 * without blocking every few dozen tasks ({@link #tryTurnNow()}) so readiness is not starved.
 *
 * <p>Code polled outside any runtime (a hand-written executor; {@code Futures.blockOn} has its
 * default runtime) shares one process-wide reactor, {@link #global()}, which is turned by its own
 * daemon thread {@code asyncfn-reactor-global}.
 *
 * <h2>Thread safety</h2>
 *
 * One thread at a time turns the selector (a lock, taken with {@code tryLock} by busy threads).
 * Registration changes and probes come from any thread: they are queued, and the selector is woken
 * when a thread blocks in it. Internal: the public face is {@code dev.asyncfn.runtime.net}.
 */
public final class Reactor implements AutoCloseable {
  private static final BooleanSupplier NEVER = () -> false;
  private static volatile Reactor global;

  private final Selector selector;
  /** Held by the thread turning the selector; busy threads only try it. */
  private final ReentrantLock turning = new ReentrantLock();
  private final ConcurrentLinkedQueue<Registration> changes = new ConcurrentLinkedQueue<>();
  /** Made once: a method reference per select would allocate on every turn. */
  private final Consumer<SelectionKey> dispatcher = this::dispatch;
  private final ConcurrentLinkedQueue<CompletableFuture<Integer>> probes =
      new ConcurrentLinkedQueue<>();
  private volatile boolean closed;
  /** Guarded by {@code turning}: the selector was closed and its waiters woken. */
  private boolean shutDown;
  /**
   * The turning thread, set just before it blocks in select, cleared after. Other threads wake the
   * selector only when it is set: otherwise the next turn drains the queue anyway, and a needless
   * wakeup() costs a system call and an empty select round.
   */
  private volatile Thread selecting;
  private volatile int keyCount;

  private Reactor() {
    try {
      this.selector = Selector.open();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open a java.nio Selector for the I/O reactor", e);
    }
  }

  /**
   * A reactor turned by the threads of a runtime ({@link #turn}, {@link #tryTurnNow()}); for the
   * runtime's handle, which opens it when a socket of the runtime first waits.
   */
  public static Reactor driven() {
    return new Reactor();
  }

  /**
   * The process-wide reactor, for futures polled outside any runtime; started on first use with
   * its own daemon thread, never closed.
   */
  public static Reactor global() {
    Reactor r = global;
    if (r == null) {
      synchronized (Reactor.class) {
        r = global;
        if (r == null) {
          r = new Reactor();
          Reactor self = r;
          Thread t = new Thread(() -> self.runOwnThread(), "asyncfn-reactor-global");
          t.setDaemon(true);
          t.start();
          global = r;
        }
      }
    }
    return r;
  }

  /**
   * Registers {@code channel} (non-blocking) with no interest yet. The selector registration itself
   * happens on the turning thread at the first wait.
   */
  public Registration register(SelectableChannel channel) {
    if (closed) {
      throw new IllegalStateException(
          "the I/O reactor was closed because its runtime shut down: build a new AsyncRuntime for"
              + " new sockets");
    }
    return new Registration(this, channel);
  }

  /** Number of channels registered with the selector at its last select; for tests. */
  public int keyCount() {
    return keyCount;
  }

  /**
   * The number of channels registered with the selector once every change queued before this call
   * (closes, cancelled waits) was applied; for tests that check no key leaks.
   */
  public CompletableFuture<Integer> registeredKeys() {
    CompletableFuture<Integer> result = new CompletableFuture<>();
    if (closed) {
      result.complete(0);
      return result;
    }
    probes.offer(result);
    // Answered here when no thread turns the selector (an idle current-thread runtime); else the
    // turning thread answers it, at the latest right after it lets go of the selector.
    if (!answerProbesIfFree()) {
      selector.wakeup();
    }
    return result;
  }

  /** The thread blocked in (or about to block in) the selector now, or null; for tests. */
  public Thread selectingThread() {
    return selecting;
  }

  /** Whether this reactor was closed. */
  public boolean isClosed() {
    return closed;
  }

  /**
   * Makes the thread blocked in {@link #turn} return, or the next {@code turn} return at once
   * (sticky, like a park permit, so a wake-up that comes before the select is not lost).
   */
  public void wakeup() {
    selector.wakeup();
  }

  /**
   * Turns the selector on the calling thread: applies queued changes, then waits for readiness
   * until {@code deadline} ({@link System#nanoTime()}; MAX for no deadline) or a {@link
   * #wakeup()}, and wakes the wakers of ready channels on this thread. Does not block when {@code
   * stop} is already true after the changes were applied: the caller's own permit, checked after
   * the last non-blocking select (which would clear a wakeup that came before it). Returns at once
   * once closed.
   */
  public void turn(long deadline, BooleanSupplier stop) {
    turning.lock();
    try {
      if (!closed) {
        prepare();
        long timeoutMillis = timeoutMillis(deadline);
        selecting = Thread.currentThread();
        if (timeoutMillis >= 0
            && changes.isEmpty()
            && probes.isEmpty()
            && !closed
            && !stop.getAsBoolean()) {
          selector.select(dispatcher, timeoutMillis);
        } else {
          selector.selectNow(dispatcher);
        }
        selecting = null;
        keyCount = selector.keys().size();
      }
    } catch (IOException e) {
      fail(e);
    } finally {
      turning.unlock();
    }
    answerProbesIfFree();
  }

  /**
   * Dispatches the readiness already there without blocking, unless another thread turns the
   * selector right now (Tokio's {@code event_interval} maintenance of a busy worker).
   */
  public void tryTurnNow() {
    if (!turning.tryLock()) {
      return;
    }
    try {
      if (!closed) {
        prepare();
        selector.selectNow(dispatcher);
        keyCount = selector.keys().size();
      }
    } catch (IOException e) {
      fail(e);
    } finally {
      turning.unlock();
    }
    answerProbesIfFree();
  }

  /** Closes the selector; waiters are woken. Waits for a turning thread to let go. Idempotent. */
  @Override
  public void close() {
    closed = true;
    selector.wakeup();
    turning.lock();
    try {
      if (!shutDown) {
        shutDown = true;
        shutdownSelector();
      }
    } finally {
      turning.unlock();
    }
  }

  void schedule(Registration r) {
    if (r.queued.compareAndSet(false, true)) {
      changes.offer(r);
      // Queue first, then read the flag; the turning thread sets the flag, then re-reads the
      // queue. So either it sees this change before blocking, or this thread sees it blocking.
      if (selecting != null) {
        selector.wakeup();
      }
    }
  }

  /** The loop of the process-wide reactor's own thread. */
  private void runOwnThread() {
    while (!closed) {
      turn(Long.MAX_VALUE, NEVER);
    }
    close();
  }

  /** Milliseconds to block (0: no limit), or -1 when the deadline has passed. */
  private static long timeoutMillis(long deadline) {
    if (deadline == Long.MAX_VALUE) {
      return 0;
    }
    long remaining = deadline - System.nanoTime();
    if (remaining <= 0) {
      return -1;
    }
    // Rounded up: waking before the deadline would only turn the selector once more for nothing.
    return Math.max(1, (remaining + 999_999) / 1_000_000);
  }

  /** Applies queued changes and answers probes; the caller holds {@code turning}. */
  private void prepare() throws IOException {
    if (applyChanges()) {
      // Deregister cancelled keys now, so a closed socket is released at once.
      selector.selectNow(dispatcher);
    }
    answerProbes();
  }

  private void fail(Throwable e) {
    closed = true;
    Thread self = Thread.currentThread();
    self.getUncaughtExceptionHandler().uncaughtException(self, e);
    if (!shutDown) {
      shutDown = true;
      shutdownSelector();
    }
  }

  /** Answers waiting probes if no other thread turns the selector; false if one does. */
  private boolean answerProbesIfFree() {
    if (probes.isEmpty()) {
      return true;
    }
    if (!turning.tryLock()) {
      return false;
    }
    try {
      if (!closed) {
        answerProbes();
      }
    } catch (IOException e) {
      fail(e);
    } finally {
      turning.unlock();
    }
    return true;
  }

  private void dispatch(SelectionKey key) {
    Registration r = (Registration) key.attachment();
    int ready;
    try {
      ready = key.readyOps();
    } catch (CancelledKeyException e) {
      r.wakeAll();
      return;
    }
    // Level-triggered: a dropped interest must reach the key before the next select, or it
    // returns at once again. No selector wake-up needed: the next turn applies the changes first.
    if (r.fire(ready) && r.queued.compareAndSet(false, true)) {
      changes.offer(r);
    }
  }

  private void answerProbes() throws IOException {
    if (probes.isEmpty()) {
      return;
    }
    List<CompletableFuture<Integer>> answering = new ArrayList<>();
    CompletableFuture<Integer> p;
    while ((p = probes.poll()) != null) {
      answering.add(p);
    }
    // Every change queued before these probes is visible now: apply it before counting.
    applyChanges();
    selector.selectNow(dispatcher);
    applyChanges();
    int n = selector.keys().size();
    keyCount = n;
    for (CompletableFuture<Integer> answer : answering) {
      answer.complete(n);
    }
  }

  /** Applies queued changes; true if a key was cancelled. */
  private boolean applyChanges() {
    boolean cancelled = false;
    Registration r;
    while ((r = changes.poll()) != null) {
      // Clear first: a change made from now on queues the registration again.
      r.queued.set(false);
      if (r.closed) {
        if (r.key != null) {
          r.key.cancel();
          cancelled = true;
        }
        r.wakeAll();
        continue;
      }
      int ops = r.interest.get();
      try {
        if (r.key == null) {
          if (ops != 0) {
            r.key = r.channel.register(selector, ops, r);
          }
        } else {
          r.key.interestOps(ops);
        }
      } catch (ClosedChannelException | CancelledKeyException e) {
        // Closed under us: wake the waiters, whose next attempt reports the closed channel.
        r.wakeAll();
      }
    }
    return cancelled;
  }

  /** Closes the selector and wakes every waiter; the caller holds {@code turning}. */
  private void shutdownSelector() {
    try {
      for (SelectionKey k : selector.keys()) {
        ((Registration) k.attachment()).wakeAll();
      }
    } catch (RuntimeException ignored) {
      // The key set of a failed selector may be unusable; the waiters are woken below at least.
    }
    try {
      selector.close();
    } catch (IOException ignored) {
      // Nothing useful to do with a failure to close an epoll descriptor at shutdown.
    }
    keyCount = 0;
    Registration r;
    while ((r = changes.poll()) != null) {
      r.wakeAll();
    }
    CompletableFuture<Integer> p;
    while ((p = probes.poll()) != null) {
      p.complete(0);
    }
  }
}
