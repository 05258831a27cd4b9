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
import java.util.Objects;

/**
 * A multi-producer, multi-consumer channel where every receiver sees every message sent after it
 * subscribed (Tokio's {@code tokio::sync::broadcast}).
 *
 * <p>Messages live in a ring of {@code capacity} slots. Sending never waits: a receiver that falls
 * more than {@code capacity} messages behind loses the oldest ones, and its next {@link
 * Receiver#recv()} fails with {@link LaggedException} saying how many it missed; the call after
 * that continues with the oldest message still in the ring. Every receiver gets the same object
 * (Java has no {@code Clone} bound): send immutable messages.
 *
 * <p>{@code recv()} gives {@code null} once every sender is closed and the receiver has read
 * everything, like {@link Mpsc}; so messages cannot be {@code null}.
 *
 * <h2>Example</h2>
 *
 * <pre>{@code
 * Broadcast.Channel<String> room = Broadcast.channel(128);
 * Broadcast.Receiver<String> alice = room.sender().subscribe();
 * room.sender().send("hello");             // alice and room.receiver() both get it
 * String m = await(alice.recv());
 * }</pre>
 *
 * <h2>Thread safety</h2>
 *
 * Senders may be used from any thread; each receiver belongs to one task at a time.
 *
 * <h2>Cancellation</h2>
 *
 * {@link Receiver#recv()} is cancel-safe: a receiver's position moves only in the poll that
 * returns a message, so a {@code recv()} that loses a select loses nothing. {@code send} does not
 * wait, so there is nothing to cancel.
 */
public final class Broadcast {
  private Broadcast() {}

  /**
   * A channel whose ring holds {@code capacity} messages; its first sender and a receiver.
   *
   * @throws IllegalArgumentException if {@code capacity} is less than 1
   */
  public static <T> Channel<T> channel(int capacity) {
    if (capacity < 1 || capacity > (1 << 30)) {
      throw new IllegalArgumentException(
          "broadcast capacity must be between 1 and 2^30, got " + capacity);
    }
    Shared<T> shared = new Shared<>(capacity);
    return new Channel<>(new Sender<>(shared), new Receiver<>(shared, 0));
  }

  /**
   * The halves of a broadcast channel.
   *
   * @param sender the first sender; clone it for more producers, subscribe for more receivers
   * @param receiver a receiver that sees every message sent from now on
   */
  public record Channel<T>(Sender<T> sender, Receiver<T> receiver) {}

  /** The ring and its bookkeeping; guarded by its own monitor. */
  private static final class Shared<T> {
    final Object[] ring;
    final WaiterList<RecvFuture<T>> waiters = new WaiterList<>();

    /** The position the next message gets; message {@code p} lives in slot {@code p % length}. */
    long tail;

    int senders = 1;
    int receivers = 1;

    Shared(int capacity) {
      ring = new Object[capacity];
    }
  }

  /**
   * Sends to every subscribed receiver; never waits.
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
     * Sends {@code message} to every receiver subscribed now.
     *
     * @return the number of receivers that will see it; 0 means nobody is subscribed and the
     *     message is dropped (Tokio reports that as an error; here it is a count to check)
     * @throws NullPointerException if {@code message} is null
     * @throws IllegalStateException if this sender was closed
     */
    public int send(T message) {
      Objects.requireNonNull(message, SyncMessages.NULL_MESSAGE);
      WakeList wakes = null;
      int receivers;
      synchronized (shared) {
        checkOpen();
        receivers = shared.receivers;
        if (receivers == 0) {
          return 0;
        }
        shared.ring[(int) (shared.tail % shared.ring.length)] = message;
        shared.tail++;
        wakes = wakeAllLocked(shared);
      }
      if (wakes != null) {
        wakes.wakeAll();
      }
      return receivers;
    }

    /** A new receiver that sees the messages sent from now on. */
    public Receiver<T> subscribe() {
      synchronized (shared) {
        shared.receivers++;
        return new Receiver<>(shared, shared.tail);
      }
    }

    /** The number of receivers subscribed now. */
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
     * Closes this sender; when the last one closes, receivers get {@code null} after reading what
     * is left. Idempotent.
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
   * One subscriber's view of the channel: receives every message sent after it subscribed, in
   * order.
   *
   * <p>It is an {@link AsyncStream} of the messages (Tokio's {@code BroadcastStream}): {@code
   * next()} is {@link #recv()}, the stream ends when every sender closed and everything was read,
   * and closing the stream is {@link #close()} (unsubscribing). A {@link LaggedException} fails
   * that poll only: polling again continues with the oldest message still in the ring.
   *
   * <p>Thread safety: one task at a time. Cancellation: {@code recv()} and {@code next()} are
   * cancel-safe.
   */
  public static final class Receiver<T> implements AsyncStream<T> {
    private final Shared<T> shared;

    /** The receive that {@link #pollNext} keeps across polls; owned by the polling task. */
    private RecvFuture<T> polling;

    /** The position of the next message to read; guarded by {@code shared}. */
    private long next;

    private boolean closed;

    Receiver(Shared<T> shared, long next) {
      this.shared = shared;
      this.next = next;
    }

    /**
     * A future of the next message, or of {@code null} once every sender is closed and everything
     * was read. Cancel-safe: the position moves only in the poll that returns a message.
     *
     * @throws LaggedException (from the future) if messages were overwritten before this receiver
     *     read them; receive again to continue
     * @throws IllegalStateException if this receiver was closed
     */
    public Future<T> recv() {
      return new RecvFuture<>(this);
    }

    /**
     * {@link #recv()} at the poll level: one receive kept across polls (a waiter in the channel's
     * list while pending). Cancel-safe.
     *
     * @throws LaggedException if this receiver missed messages; poll again to continue
     */
    @Override
    public Poll<T> pollNext(Context cx) {
      RecvFuture<T> r = polling;
      if (r == null) {
        r = new RecvFuture<>(this);
        polling = r;
      }
      Poll<T> p;
      try {
        p = r.poll(cx);
      } catch (RuntimeException e) {
        polling = null;
        throw e;
      }
      if (p.isReady()) {
        polling = null;
      }
      return p;
    }

    /** {@link #recv()}. */
    @Override
    public Future<T> next() {
      return recv();
    }

    /**
     * The next message without waiting: {@code Poll.ready(message)}, {@code Poll.ready(null)} if
     * every sender is closed and everything was read, {@code Poll.pending()} if nothing new.
     *
     * @throws LaggedException if this receiver missed messages
     */
    public Poll<T> tryRecv() {
      synchronized (shared) {
        return readLocked();
      }
    }

    /** The number of messages sent but not yet read by this receiver (at most the capacity). */
    public int len() {
      synchronized (shared) {
        return (int) Math.min(shared.tail - next, shared.ring.length);
      }
    }

    /** A new receiver starting from now (Tokio's {@code resubscribe}). */
    public Receiver<T> resubscribe() {
      synchronized (shared) {
        shared.receivers++;
        return new Receiver<>(shared, shared.tail);
      }
    }

    /**
     * Unsubscribes: senders no longer count this receiver, and a receive pending in {@link
     * #pollNext} leaves the waiting list. Idempotent.
     */
    @Override
    public void close() {
      synchronized (shared) {
        RecvFuture<T> r = polling;
        if (r != null) {
          polling = null;
          r.cancel();
        }
        if (!closed) {
          closed = true;
          shared.receivers--;
        }
      }
    }

    /** Reads the next message or says pending; caller holds the monitor. */
    @SuppressWarnings("unchecked")
    Poll<T> readLocked() {
      if (closed) {
        throw new IllegalStateException(
            "broadcast Receiver used after close(): subscribe again for a new receiver");
      }
      long tail = shared.tail;
      if (next < tail) {
        long oldest = tail - shared.ring.length;
        if (next < oldest) {
          long missed = oldest - next;
          next = oldest;
          throw new LaggedException(missed);
        }
        T m = (T) shared.ring[(int) (next % shared.ring.length)];
        next++;
        return Poll.ready(m);
      }
      return shared.senders == 0 ? Poll.ready(null) : Poll.pending();
    }
  }

  /** One receive; the future is its own node in the list of waiting receivers. */
  private static final class RecvFuture<T> extends Waiter implements Future<T> {
    private final Receiver<T> receiver;
    private boolean done;

    RecvFuture(Receiver<T> receiver) {
      this.receiver = receiver;
    }

    @Override
    public Poll<T> poll(Context cx) {
      Shared<T> shared = receiver.shared;
      synchronized (shared) {
        if (done) {
          throw new IllegalStateException(SyncMessages.POLLED_AFTER_DONE);
        }
        Poll<T> p;
        try {
          p = receiver.readLocked();
        } catch (RuntimeException e) {
          done = true;
          shared.waiters.remove(this);
          throw e;
        }
        if (p.isReady()) {
          done = true;
          shared.waiters.remove(this);
          return p;
        }
        Waker w = cx.waker();
        if (waker == null || !waker.willWake(w)) {
          waker = w;
        }
        if (!isLinked()) {
          shared.waiters.addLast(this);
        }
        return p;
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
