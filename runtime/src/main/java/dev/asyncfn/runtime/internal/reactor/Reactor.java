package dev.asyncfn.runtime.internal.reactor;

import dev.asyncfn.runtime.Runtime;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ref.WeakReference;
import java.nio.channels.CancelledKeyException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * A {@link Selector} driven by one daemon thread, turning channel readiness into wake-ups (Tokio's
 * I/O driver).
 *
 * <p>One reactor per runtime, created on first use by {@link #forCurrentRuntime()}; code polled
 * outside any runtime (a hand-written executor; {@code Futures.blockOn} has its default runtime)
 * shares one process-wide reactor. The
 * selector thread is a daemon; it stops on {@link #close()} (the runtime's shutdown should call
 * {@link #closeFor(Runtime)}) or by itself once its runtime was garbage-collected.
 *
 * <p>Internal: the public face is {@code dev.asyncfn.runtime.net}.
 */
public final class Reactor implements AutoCloseable {
  private static final Map<Runtime, Reactor> BY_RUNTIME = new WeakHashMap<>();
  private static final AtomicInteger THREAD_IDS = new AtomicInteger();
  private static volatile Reactor global;
  /** How often an idle selector checks whether its runtime is gone. */
  private static final long IDLE_CHECK_MILLIS = 1_000;

  private final Selector selector;
  private final Thread thread;
  private final WeakReference<Runtime> owner;
  private final boolean ownerless;
  private final ConcurrentLinkedQueue<Registration> changes = new ConcurrentLinkedQueue<>();
  /** Made once: a method reference per select would allocate on every loop. */
  private final Consumer<SelectionKey> dispatcher = this::dispatch;
  private final ConcurrentLinkedQueue<CompletableFuture<Integer>> probes =
      new ConcurrentLinkedQueue<>();
  private volatile boolean closed;
  /**
   * Set by the selector thread just before it blocks in select, cleared after. Other threads wake
   * the selector only when it is set: while the thread is busy it drains the queue anyway, and a
   * needless wakeup() costs a system call and an empty select round.
   */
  private volatile boolean selecting;
  private volatile int keyCount;

  private Reactor(Runtime owner, String name) {
    try {
      this.selector = Selector.open();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open a java.nio Selector for the I/O reactor", e);
    }
    this.owner = new WeakReference<>(owner);
    this.ownerless = owner == null;
    this.thread = new Thread(this::run, name);
    thread.setDaemon(true);
    thread.start();
  }

  /**
   * The reactor of the runtime the calling code runs under, started on first use; outside any
   * runtime, the process-wide one.
   */
  public static Reactor forCurrentRuntime() {
    Runtime rt = Runtime.tryCurrent().orElse(null);
    return rt == null ? global() : forRuntime(rt);
  }

  /** The reactor of {@code runtime}, started on first use. */
  public static Reactor forRuntime(Runtime runtime) {
    synchronized (BY_RUNTIME) {
      Reactor r = BY_RUNTIME.get(runtime);
      if (r == null || r.closed) {
        r = new Reactor(runtime, "asyncfn-reactor-" + THREAD_IDS.incrementAndGet());
        BY_RUNTIME.put(runtime, r);
      }
      return r;
    }
  }

  /**
   * Closes the reactor of {@code runtime}, if it has one: the hook for {@code Runtime.shutdown}.
   * Channels stay open, but their futures never wake again.
   */
  public static void closeFor(Runtime runtime) {
    Reactor r;
    synchronized (BY_RUNTIME) {
      r = BY_RUNTIME.remove(runtime);
    }
    if (r != null) {
      r.close();
    }
  }

  private static Reactor global() {
    Reactor r = global;
    if (r == null) {
      synchronized (BY_RUNTIME) {
        r = global;
        if (r == null) {
          r = new Reactor(null, "asyncfn-reactor-global");
          global = r;
        }
      }
    }
    return r;
  }

  /**
   * Registers {@code channel} (non-blocking) with no interest yet. The selector registration itself
   * happens on the selector thread at the first wait.
   */
  public Registration register(SelectableChannel channel) {
    if (closed) {
      throw new IllegalStateException(
          "the I/O reactor was closed because its runtime shut down: build a new Runtime for new"
              + " sockets");
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
    selector.wakeup();
    return result;
  }

  /** Whether this reactor was closed. */
  public boolean isClosed() {
    return closed;
  }

  /** The selector thread, for tests. */
  public Thread thread() {
    return thread;
  }

  /** Stops the selector thread and closes the selector; waiters are woken. Idempotent. */
  @Override
  public void close() {
    if (!closed) {
      closed = true;
      selector.wakeup();
    }
  }

  void schedule(Registration r) {
    if (r.queued.compareAndSet(false, true)) {
      changes.offer(r);
      // Queue first, then read the flag; the selector sets the flag, then re-reads the queue.
      // So either it sees this change before blocking, or this thread sees it blocking.
      if (selecting) {
        selector.wakeup();
      }
    }
  }

  private void run() {
    try {
      while (!closed) {
        if (applyChanges()) {
          // Deregister cancelled keys now, so a closed socket is released at once.
          selector.selectNow(dispatcher);
        }
        answerProbes();
        keyCount = selector.keys().size();
        long timeout = ownerless ? 0 : IDLE_CHECK_MILLIS;
        selecting = true;
        if (changes.isEmpty() && probes.isEmpty() && !closed) {
          selector.select(dispatcher, timeout);
        } else {
          selector.selectNow(dispatcher);
        }
        selecting = false;
        keyCount = selector.keys().size();
        if (!ownerless && owner.get() == null) {
          // The runtime was collected without closing us: nothing can use this reactor any more.
          closed = true;
        }
      }
    } catch (IOException | RuntimeException | Error e) {
      closed = true;
      Thread self = Thread.currentThread();
      self.getUncaughtExceptionHandler().uncaughtException(self, e);
    } finally {
      shutdownSelector();
    }
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
    r.fire(ready);
    // Level-triggered: drop the fired interest before the next select, or it returns at once
    // again. No selector wake-up needed: this thread applies the changes before selecting.
    if (r.queued.compareAndSet(false, true)) {
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
