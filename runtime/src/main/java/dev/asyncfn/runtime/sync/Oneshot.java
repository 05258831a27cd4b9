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

/**
 * A channel for exactly one value, from one task to another (Tokio's {@code tokio::sync::oneshot}).
 *
 * <p>{@link #channel()} gives a {@link Sender} and a {@link Receiver}. The receiver is itself the
 * future of the value. A sender closed without sending (or forgotten in a {@code finally}: close it
 * there) makes the receiver fail with {@link ChannelClosedException}, so the waiting task learns
 * that no value will come instead of waiting forever. {@code null} is a valid value (use {@code
 * Oneshot.<Void>channel()} for a bare signal).
 *
 * <h2>Example</h2>
 *
 * <pre>{@code
 * Oneshot.Channel<String> ch = Oneshot.channel();
 * Tasks.spawn(lazy(() -> { ch.sender().send(compute()); return null; }));
 * String answer = await(ch.receiver());
 * }</pre>
 *
 * <h2>Thread safety</h2>
 *
 * The two halves may be used from different threads; the value is published to the receiver by
 * the channel's lock.
 *
 * <h2>Cancellation</h2>
 *
 * Cancelling the {@link Receiver} future drops it, like dropping a Tokio receiver: the channel is
 * closed and a value sent before or after is discarded. To wait for the value in a {@code select}
 * loop without losing it, select on {@link Receiver#recv()} instead: that future is cancel-safe
 * (cancelling it only forgets its waker) and the receiver can be awaited again later.
 */
public final class Oneshot {
  private Oneshot() {}

  /** A new channel: its sender and its receiver. */
  public static <T> Channel<T> channel() {
    Receiver<T> receiver = new Receiver<>();
    return new Channel<>(new Sender<>(receiver), receiver);
  }

  /**
   * The two halves of a oneshot channel.
   *
   * @param sender sends the value, once
   * @param receiver the future of the value
   */
  public record Channel<T>(Sender<T> sender, Receiver<T> receiver) {}

  /**
   * Sends the one value; {@link #close()} without sending tells the receiver none will come.
   *
   * <p>Thread safety: may be used from any thread, but it sends once.
   */
  public static final class Sender<T> implements AutoCloseable {
    /** The receiver holds the channel's state: one object fewer per channel. */
    private final Receiver<T> receiver;

    Sender(Receiver<T> receiver) {
      this.receiver = receiver;
    }

    /**
     * Sends {@code value} and wakes the receiver.
     *
     * @return true if the value is in the channel for the receiver to take; false if the receiver
     *     was already closed (the value was not delivered)
     * @throws IllegalStateException if this sender already sent or was closed
     */
    public boolean send(T value) {
      Waker w;
      synchronized (receiver) {
        if (receiver.sent || receiver.senderClosed) {
          throw new IllegalStateException(
              "oneshot Sender used twice: it sends one value and is then done. Use an Mpsc"
                  + " channel for a stream of values");
        }
        receiver.sent = true;
        if (receiver.receiverClosed) {
          return false;
        }
        receiver.value = value;
        w = receiver.receiverWaker;
        receiver.receiverWaker = null;
      }
      if (w != null) {
        w.wake();
      }
      return true;
    }

    /** Whether the receiver was closed (dropped), so a value would not be delivered. */
    public boolean isClosed() {
      synchronized (receiver) {
        return receiver.receiverClosed;
      }
    }

    /**
     * A future that completes when the receiver is closed or cancelled (Tokio's {@code
     * Sender::closed}): lets the producer stop working on a value nobody waits for. Cancel-safe.
     */
    public Future<Void> closed() {
      return new Future<>() {
        @Override
        public Poll<Void> poll(Context cx) {
          synchronized (receiver) {
            if (receiver.receiverClosed) {
              return Poll.ready(null);
            }
            receiver.closedWaker = cx.waker();
            return Poll.pending();
          }
        }

        @Override
        public void cancel() {}
      };
    }

    /**
     * Drops this sender: if it did not send, the receiver fails with {@link
     * ChannelClosedException}. Idempotent; does nothing after {@link #send}.
     */
    @Override
    public void close() {
      Waker w;
      synchronized (receiver) {
        if (receiver.sent || receiver.senderClosed) {
          return;
        }
        receiver.senderClosed = true;
        w = receiver.receiverWaker;
        receiver.receiverWaker = null;
      }
      if (w != null) {
        w.wake();
      }
    }
  }

  /**
   * The future of the value: ready with it once sent, failing with {@link ChannelClosedException}
   * if the sender closed without sending.
   *
   * <p>Thread safety: belongs to one task; the sender may wake it from any thread.
   *
   * <p>Cancellation: {@link #cancel()} is {@link #close()} (drop). Select on {@link #recv()} for a
   * cancel-safe wait.
   */
  public static final class Receiver<T> implements Future<T>, AutoCloseable {
    // The state shared by both halves lives here (the sender points at the receiver), guarded by
    // this object's monitor: a parked task's channel costs two small objects, not three.
    private T value;
    private boolean sent;
    private boolean senderClosed;
    private boolean receiverClosed;
    private boolean taken;
    private Waker receiverWaker;
    private Waker closedWaker;

    Receiver() {}

    @Override
    public Poll<T> poll(Context cx) {
      synchronized (this) {
        if (taken || receiverClosed) {
          throw new IllegalStateException(
              "oneshot Receiver polled after it returned its value or was closed: the value is"
                  + " delivered once");
        }
        if (sent) {
          T v = value;
          value = null;
          taken = true;
          return Poll.ready(v);
        }
        if (senderClosed) {
          taken = true;
          throw new ChannelClosedException(SyncMessages.ONESHOT_SENDER_CLOSED, null);
        }
        Waker w = cx.waker();
        if (receiverWaker == null || !receiverWaker.willWake(w)) {
          receiverWaker = w;
        }
        return Poll.pending();
      }
    }

    /**
     * A cancel-safe future of the same value: cancelling it (losing a select) forgets its waker
     * and nothing else, so the value stays in the channel for a later {@code recv()} or await of
     * this receiver.
     */
    public Future<T> recv() {
      return new Future<>() {
        @Override
        public Poll<T> poll(Context cx) {
          return Receiver.this.poll(cx);
        }

        @Override
        public void cancel() {
          // Nothing to undo: the value stays in the channel. The registered waker may be shared
          // with another wait of the same task, so it stays; at worst it wakes spuriously.
        }
      };
    }

    /**
     * The value if it was sent: {@code Poll.ready(value)}, consuming it; {@code Poll.pending()} if
     * not sent yet (Tokio's {@code try_recv}).
     *
     * @throws ChannelClosedException if the sender closed without sending
     * @throws IllegalStateException if the value was already taken or the receiver closed
     */
    public Poll<T> tryRecv() {
      synchronized (this) {
        if (!sent && !senderClosed && !taken && !receiverClosed) {
          return Poll.pending();
        }
      }
      return poll(Context.noop());
    }

    /**
     * Closes the receiver: a later {@code send} returns false and a value already sent is
     * discarded; the sender's {@link Sender#closed()} completes. Idempotent.
     */
    @Override
    public void close() {
      Waker w;
      synchronized (this) {
        if (receiverClosed) {
          return;
        }
        receiverClosed = true;
        value = null;
        receiverWaker = null;
        w = closedWaker;
        closedWaker = null;
      }
      if (w != null) {
        w.wake();
      }
    }

    /** Drops the receiver: the same as {@link #close()}. */
    @Override
    public void cancel() {
      close();
    }
  }
}
