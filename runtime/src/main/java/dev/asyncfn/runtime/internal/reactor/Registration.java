/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.runtime.internal.reactor;

import dev.asyncfn.runtime.Waker;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One channel's entry in a {@link Reactor}: which readiness is wanted, and the two waiters (a read
 * side and a write side, so a reader task and a writer task can wait on one socket at once).
 *
 * <p>Internal. Created by {@link Reactor#register}; the owning I/O object calls {@link
 * #awaitRead}/{@link #awaitWrite} after an operation would block, {@link #clearRead}/{@link
 * #clearWrite} when a pending future is cancelled, and {@link #close()} when the channel closes.
 */
public final class Registration {
  static final int READ_SIDE = SelectionKey.OP_READ | SelectionKey.OP_ACCEPT;
  static final int WRITE_SIDE = SelectionKey.OP_WRITE | SelectionKey.OP_CONNECT;

  final Reactor reactor;
  final SelectableChannel channel;
  /** Interest wanted by waiters; the turning thread copies it into the key when drained. */
  final AtomicInteger interest = new AtomicInteger();
  /** Whether this registration sits in the reactor's queue (queued at most once). */
  final AtomicBoolean queued = new AtomicBoolean();
  private final AtomicReference<Waker> readWaker = new AtomicReference<>();
  private final AtomicReference<Waker> writeWaker = new AtomicReference<>();
  volatile boolean closed;
  /**
   * Whether the read side may have data: cleared by a reader whose read came back short (it
   * drained the socket), set again when the selector reports the read side or the registration
   * closes. A clear that races with a report costs a select round, never a wake-up: the reader
   * then waits with its interest armed, and level-triggered selection reports the data again.
   */
  private volatile boolean readReady = true;
  /** Touched by the thread turning the selector only (under the reactor's lock). */
  SelectionKey key;
  /** The read side woke its waiter at the last fire: keep it armed through one fire more. */
  private boolean readGrace;

  Registration(Reactor reactor, SelectableChannel channel) {
    this.reactor = reactor;
    this.channel = channel;
  }

  /** The reactor this channel is registered with. */
  public Reactor reactor() {
    return reactor;
  }

  /**
   * Wakes {@code waker} once the channel is ready for {@code op} ({@code OP_READ} or {@code
   * OP_ACCEPT}). Call after the operation would block; a readiness that arrived in between is
   * still reported (level-triggered selection). Replaces the previous read-side waiter.
   */
  public void awaitRead(int op, Waker waker) {
    await(readWaker, op, waker);
  }

  /** As {@link #awaitRead}, for {@code OP_WRITE} or {@code OP_CONNECT}. */
  public void awaitWrite(int op, Waker waker) {
    await(writeWaker, op, waker);
  }

  /**
   * Whether a read may find data; false after {@link #readDrained()} until the selector reports
   * the read side again. A reader that sees false waits ({@link #awaitRead}) without trying the
   * read, which would only fail with "would block" (Tokio's readiness tracking).
   */
  public boolean readMaybeReady() {
    return readReady;
  }

  /** A read came back short: the socket is drained until the selector reports it again. */
  public void readDrained() {
    readReady = false;
  }

  private void await(AtomicReference<Waker> slot, int op, Waker waker) {
    if (closed) {
      readReady = true;
      // Nothing will ever fire: let the caller poll again and find the channel closed.
      waker.wake();
      return;
    }
    slot.set(waker);
    int old = orBits(op);
    if ((old & op) != op) {
      reactor.schedule(this);
    }
  }

  /** Forgets the read-side waiter and its interest (a cancelled read or accept). */
  public void clearRead() {
    clear(readWaker, READ_SIDE);
  }

  /** Forgets the write-side waiter and its interest (a cancelled write or connect). */
  public void clearWrite() {
    clear(writeWaker, WRITE_SIDE);
  }

  private void clear(AtomicReference<Waker> slot, int side) {
    slot.set(null);
    int old = clearBits(side);
    if ((old & side) != 0) {
      reactor.schedule(this);
    }
  }

  /** The interest currently wanted (for tests and diagnostics). */
  public int interestOps() {
    return interest.get();
  }

  /** Whether a read-side or write-side waiter is stored (for tests and diagnostics). */
  public boolean hasWaiter() {
    return readWaker.get() != null || writeWaker.get() != null;
  }

  /**
   * Deregisters the channel: its key is cancelled by the thread turning the selector, which also lets the JDK
   * release the socket, and waiting tasks are woken. Call after closing the channel. Idempotent.
   */
  public void close() {
    if (!closed) {
      closed = true;
      reactor.schedule(this);
      wakeAll();
    }
  }

  /**
   * Called on the turning thread with the key's ready set; true if the interest changed (the
   * reactor must apply it before its next select).
   *
   * <p>The read side stays armed when it wakes a waiter: the woken task reads, usually drains the
   * socket and waits again, and then finds its interest still set, so a busy connection costs no
   * {@code epoll_ctl} per message (what a hand-written selector loop does). A read-side readiness
   * with no waiter disarms it, so a level-triggered selector does not report it over and over;
   * except once right after a wake, as the woken task is then usually still queued (a busy
   * thread's non-blocking poll of the selector comes before it runs).
   */
  boolean fire(int readyOps) {
    boolean changed = false;
    if ((readyOps & READ_SIDE) != 0) {
      readReady = true;
      if (wake(readWaker)) {
        readGrace = true;
      } else if (readGrace) {
        readGrace = false;
      } else {
        changed = disarm(readWaker, READ_SIDE);
      }
    }
    if ((readyOps & WRITE_SIDE) != 0) {
      changed |= (clearBits(WRITE_SIDE) & WRITE_SIDE) != 0;
      wake(writeWaker);
    }
    return changed;
  }

  /**
   * Clears the interest of a side that fired with no waiter. A waiter that stores its waker
   * meanwhile either comes before the re-read of the slot here (which re-arms), or after: then its
   * own {@code orBits} sees the bits cleared and re-arms.
   */
  private boolean disarm(AtomicReference<Waker> slot, int side) {
    int old = clearBits(side);
    if (slot.get() != null) {
      orBits(old & side);
    }
    return (old & side) != 0;
  }

  // CAS loops rather than getAndUpdate: a capturing lambda would allocate on every wait.
  private int orBits(int bits) {
    for (;;) {
      int old = interest.get();
      if ((old & bits) == bits || interest.compareAndSet(old, old | bits)) {
        return old;
      }
    }
  }

  private int clearBits(int bits) {
    for (;;) {
      int old = interest.get();
      if ((old & bits) == 0 || interest.compareAndSet(old, old & ~bits)) {
        return old;
      }
    }
  }

  void wakeAll() {
    readReady = true;
    wake(readWaker);
    wake(writeWaker);
  }

  /** Takes and wakes the waiter of {@code slot}; false if there was none. */
  private static boolean wake(AtomicReference<Waker> slot) {
    Waker w = slot.getAndSet(null);
    if (w == null) {
      return false;
    }
    try {
      w.wake();
    } catch (Throwable t) {
      // A throwing waker breaks its own task only, never the thread turning the selector.
      Thread self = Thread.currentThread();
      self.getUncaughtExceptionHandler().uncaughtException(self, t);
    }
    return true;
  }
}
