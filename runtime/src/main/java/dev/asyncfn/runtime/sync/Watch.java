/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.runtime.sync;

import dev.asyncfn.runtime.Context;
import dev.asyncfn.runtime.Future;
import dev.asyncfn.runtime.Poll;
import dev.asyncfn.runtime.Waker;
import dev.asyncfn.runtime.internal.sync.SyncMessages;
import dev.asyncfn.runtime.internal.sync.Waiter;
import dev.asyncfn.runtime.internal.sync.WaiterList;
import dev.asyncfn.runtime.internal.sync.WakeList;
import dev.asyncfn.runtime.stream.AsyncStream;

/**
 * A channel that holds one value, the latest: receivers read it whenever they like and can wait for
 * it to change (Tokio's {@code tokio::sync::watch}). For configuration, status and shutdown
 * signals, where only the newest value matters.
 *
 * <p>Each receiver remembers the version it saw last. {@link Receiver#changed()} completes when a
 * value newer than that was sent (intermediate values may be skipped), {@link Receiver#borrow()}
 * reads the current value, {@link Receiver#borrowAndUpdate()} reads it and marks it seen.
 *
 * <h2>Example</h2>
 *
 * <pre>{@code
 * Watch.Channel<Config> ch = Watch.channel(Config.defaults());
 * // a task that follows the configuration:
 * Watch.Receiver<Config> rx = ch.receiver();
 * for (;;) {
 *   apply(rx.borrowAndUpdate());
 *   await(rx.changed());               // fails with ChannelClosedException once senders close
 * }
 * // elsewhere:
 * ch.sender().send(Config.reload());
 * }</pre>
 *
 * <h2>Thread safety</h2>
 *
 * Every handle may be used from any thread; a receiver's "seen" version is its own, so give each
 * task its own receiver ({@link Receiver#clone()}).
 *
 * <h2>Cancellation</h2>
 *
 * {@link Receiver#changed()} is cancel-safe: the seen version moves only in the poll that completes
 * it, so a {@code changed()} that loses a select misses nothing.
 */
public final class Watch {
  private Watch() {}

  /** A channel holding {@code initial}; its sender and a receiver that has seen {@code initial}. */
  public static <T> Channel<T> channel(T initial) {
    Shared<T> shared = new Shared<>(initial);
    return new Channel<>(new Sender<>(shared), new Receiver<>(shared, 0));
  }

  /**
   * The halves of a watch channel.
   *
   * @param sender replaces the value
   * @param receiver reads the value and waits for changes
   */
  public record Channel<T>(Sender<T> sender, Receiver<T> receiver) {}

  private static final class Shared<T> {
    final WaiterList<ChangedFuture<T, ?>> waiters = new WaiterList<>();
    T value;
    long version;
    int senders = 1;
    int receivers = 1;

    Shared(T value) {
      this.value = value;
    }
  }

  /**
   * Replaces the value and wakes the receivers waiting in {@code changed()}.
   *
   * <p>Thread safety: any thread.
   */
  public static final class Sender<T> implements AutoCloseable {
    private final Shared<T> shared;
    private boolean closed;

    Sender(Shared<T> shared) {
      this.shared = shared;
    }

    /**
     * Stores {@code value} as the latest and wakes every waiting receiver. The value is stored even
     * when no receiver exists (Tokio's {@code send_replace}), so a later {@link #subscribe()} sees
     * it.
     *
     * @throws IllegalStateException if this sender was closed
     */
    public void send(T value) {
      WakeList wakes = null;
      synchronized (shared) {
        checkOpen();
        shared.value = value;
        shared.version++;
        wakes = wakeAllLocked(shared);
      }
      if (wakes != null) {
        wakes.wakeAll();
      }
    }

    /** The current value. */
    public T borrow() {
      synchronized (shared) {
        return shared.value;
      }
    }

    /** A new receiver that has seen the current value. */
    public Receiver<T> subscribe() {
      synchronized (shared) {
        shared.receivers++;
        return new Receiver<>(shared, shared.version);
      }
    }

    /** The number of open receivers. */
    public int receiverCount() {
      synchronized (shared) {
        return shared.receivers;
      }
    }

    /**
     * Another sender for the same channel, closed on its own.
     *
     * @throws IllegalStateException if this sender was closed
     */
    @Override
    public Sender<T> clone() {
      synchronized (shared) {
        checkOpen();
        shared.senders++;
        return new Sender<>(shared);
      }
    }

    /**
     * Closes this sender; when the last one closes, waiting and later {@code changed()} calls with
     * nothing new to see fail with {@link ChannelClosedException}. The last value stays readable.
     * Idempotent.
     */
    @Override
    public void close() {
      WakeList wakes = null;
      synchronized (shared) {
        if (closed) {
          return;
        }
        closed = true;
        if (--shared.senders == 0) {
          wakes = wakeAllLocked(shared);
        }
      }
      if (wakes != null) {
        wakes.wakeAll();
      }
    }

    private void checkOpen() {
      if (closed) {
        throw new IllegalStateException(SyncMessages.SENDER_CLOSED);
      }
    }
  }

  /** Unlinks every waiting receiver; returns their wakers to wake after the lock, or null. */
  private static <T> WakeList wakeAllLocked(Shared<T> shared) {
    if (shared.waiters.isEmpty()) {
      return null;
    }
    WakeList wakes = new WakeList();
    shared.waiters.removeAllInto(wakes);
    return wakes;
  }

  /**
   * Reads the latest value and waits for changes.
   *
   * <p>It is an {@link AsyncStream} of the values it has not seen (Tokio's {@code
   * WatchStream::from_changes}): each element is the latest value once it is newer than the last
   * seen one, marked seen in the same step, so intermediate values may be skipped; the stream ends
   * when every sender closed and nothing unseen is left. A new receiver has seen the current
   * value: to start the stream with it, read {@link #borrowAndUpdate()} first. Closing the stream
   * is {@link #close()}. A {@code null} value fails the stream with {@link NullPointerException}
   * (null is the end of a stream).
   *
   * <p>Thread safety: any thread, but the seen version is shared by whoever uses this handle: one
   * task per receiver. Cancellation: {@code changed()} and {@code next()} are cancel-safe.
   */
  public static final class Receiver<T> implements AsyncStream<T> {
    private final Shared<T> shared;

    /** The wait that {@link #pollNext} keeps across polls; owned by the polling task. */
    private ChangedFuture<T, T> polling;

    /** The version this receiver saw last; guarded by {@code shared}. */
    private long seen;

    private boolean closed;

    Receiver(Shared<T> shared, long seen) {
      this.shared = shared;
      this.seen = seen;
    }

    /** The current value, without marking it seen. */
    public T borrow() {
      synchronized (shared) {
        return shared.value;
      }
    }

    /** The current value, marking it seen: a following {@code changed()} waits for a newer one. */
    public T borrowAndUpdate() {
      synchronized (shared) {
        seen = shared.version;
        return shared.value;
      }
    }

    /** Whether a value this receiver has not seen was sent. */
    public boolean hasChanged() {
      synchronized (shared) {
        return shared.version != seen;
      }
    }

    /**
     * A future that completes when a value newer than the last seen one is sent, and marks it
     * seen. Read it with {@link #borrow()}. Cancel-safe: the seen version moves only in the poll
     * that completes it.
     *
     * @throws ChannelClosedException (from the future) if every sender is closed and no unseen
     *     value is left
     */
    public Future<Void> changed() {
      return new ChangedFuture<T, Void>(this, false);
    }

    /**
     * The next unseen value at the poll level, marked seen in the poll that returns it; {@code
     * null} once every sender closed and nothing unseen is left. Cancel-safe.
     */
    @Override
    public Poll<T> pollNext(Context cx) {
      ChangedFuture<T, T> c = polling;
      if (c == null) {
        c = new ChangedFuture<>(this, true);
        polling = c;
      }
      Poll<T> p;
      try {
        p = c.poll(cx);
      } catch (RuntimeException e) {
        polling = null;
        throw e;
      }
      if (p.isReady()) {
        polling = null;
      }
      return p;
    }

    /** A future of the next unseen value, or of {@code null} at the end; see {@link #pollNext}. */
    @Override
    public Future<T> next() {
      return new ChangedFuture<T, T>(this, true);
    }

    /** Another receiver with the same seen version, for another task. */
    @Override
    public Receiver<T> clone() {
      synchronized (shared) {
        shared.receivers++;
        return new Receiver<>(shared, seen);
      }
    }

    /**
     * Closes this receiver: the sender's {@code receiverCount()} drops, and a wait pending in
     * {@link #pollNext} leaves the waiting list. Idempotent.
     */
    @Override
    public void close() {
      synchronized (shared) {
        ChangedFuture<T, T> c = polling;
        if (c != null) {
          polling = null;
          c.cancel();
        }
        if (!closed) {
          closed = true;
          shared.receivers--;
        }
      }
    }
  }

  /**
   * One wait for a change; the future is its own node in the list of waiting receivers. For
   * {@code changed()} ({@code R} is {@code Void}) it completes with {@code null} and fails once the
   * senders closed; for the stream ({@code R} is {@code T}) it completes with the value, read and
   * marked seen under the same lock, and with {@code null} once the senders closed.
   */
  private static final class ChangedFuture<T, R> extends Waiter implements Future<R> {
    private final Receiver<T> receiver;
    private final boolean yieldsValue;
    private boolean done;

    ChangedFuture(Receiver<T> receiver, boolean yieldsValue) {
      this.receiver = receiver;
      this.yieldsValue = yieldsValue;
    }

    @Override
    @SuppressWarnings("unchecked")
    public Poll<R> poll(Context cx) {
      Shared<T> shared = receiver.shared;
      synchronized (shared) {
        if (done) {
          throw new IllegalStateException(SyncMessages.POLLED_AFTER_DONE);
        }
        if (shared.version != receiver.seen) {
          receiver.seen = shared.version;
          done = true;
          shared.waiters.remove(this);
          if (!yieldsValue) {
            return Poll.ready(null);
          }
          if (shared.value == null) {
            throw new NullPointerException(
                "a Watch value is null: null is the end of a stream, so a watch channel read as a"
                    + " stream cannot hold null. Send Optional values instead");
          }
          return Poll.ready((R) shared.value);
        }
        if (shared.senders == 0) {
          done = true;
          shared.waiters.remove(this);
          if (yieldsValue) {
            return Poll.ready(null);
          }
          throw new ChannelClosedException(SyncMessages.WATCH_CLOSED, null);
        }
        Waker w = cx.waker();
        if (waker == null || !waker.willWake(w)) {
          waker = w;
        }
        if (!isLinked()) {
          shared.waiters.addLast(this);
        }
        return Poll.pending();
      }
    }

    @Override
    public void cancel() {
      synchronized (receiver.shared) {
        done = true;
        receiver.shared.waiters.remove(this);
        waker = null;
      }
    }
  }
}
