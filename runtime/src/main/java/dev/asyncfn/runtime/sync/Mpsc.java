/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.runtime.sync;

import dev.asyncfn.runtime.Context;
import dev.asyncfn.runtime.Future;
import dev.asyncfn.runtime.Poll;
import dev.asyncfn.runtime.internal.sync.BatchSemaphore;
import dev.asyncfn.runtime.internal.sync.SyncMessages;
import dev.asyncfn.runtime.stream.AsyncStream;
import java.util.Objects;

/**
 * A multi-producer, single-consumer queue for sending messages between tasks (Tokio's {@code
 * tokio::sync::mpsc}).
 *
 * <ul>
 *   <li>{@link #channel(int)}: bounded. {@link Sender#send} is a future that waits for a free slot
 *       (backpressure: a fast producer is slowed to the consumer's pace); waiting senders get slots
 *       in FIFO order. {@link Sender#trySend} never waits.
 *   <li>{@link #unbounded()}: {@link UnboundedSender#send} never waits; the buffer grows as needed.
 * </ul>
 *
 * <p>{@link Receiver#recv()} gives the next message, or {@code null} once every sender was
 * closed (or the receiver itself was closed) and the buffer is drained, the Java spelling of
 * Tokio's {@code None}. So messages cannot be {@code null}: sending {@code null} throws {@link
 * NullPointerException}. Senders are cloned with {@link Sender#clone()} and each handle is closed
 * once; Java has no drop, so close every sender (try-with-resources, or in a {@code finally}),
 * otherwise the receiver never sees the end of the stream.
 *
 * <h2>Example</h2>
 *
 * <pre>{@code
 * Mpsc.Channel<String> ch = Mpsc.channel(64);
 * for (int i = 0; i < 4; i++) {
 *   Mpsc.Sender<String> tx = ch.sender().clone();
 *   Tasks.spawn(ProducerAsync.produce(tx));         // closes tx when done
 * }
 * ch.sender().close();                              // keep only the producers' clones
 * for (String m = await(ch.receiver().recv()); m != null; m = await(ch.receiver().recv())) {
 *   System.out.println(m);
 * }
 * }</pre>
 *
 * <h2>Thread safety</h2>
 *
 * Senders may be used from any thread and any number of tasks; the receiver belongs to one task.
 * A message is published to the receiver by the channel's lock.
 *
 * <h2>Cancellation</h2>
 *
 * <ul>
 *   <li>{@link Receiver#recv()} is cancel-safe: a message is taken from the buffer only by the
 *       poll that returns it, so a {@code recv()} that loses a select loses no message.
 *   <li>{@link Sender#send} is not: if it is cancelled, the message was not sent (the future only
 *       sends in the poll that completes it) and is dropped, and its place in the queue of waiting
 *       senders is lost. A slot granted to it just before the cancel goes to the next sender.
 * </ul>
 */
public final class Mpsc {
  private Mpsc() {}

  /**
   * A bounded channel holding at most {@code capacity} messages not yet received.
   *
   * @throws IllegalArgumentException if {@code capacity} is less than 1 or too large
   */
  public static <T> Channel<T> channel(int capacity) {
    if (capacity < 1 || capacity > BatchSemaphore.MAX_PERMITS) {
      throw new IllegalArgumentException(
          "mpsc capacity must be between 1 and "
              + BatchSemaphore.MAX_PERMITS
              + ", got "
              + capacity
              + ": use Mpsc.unbounded() for no limit");
    }
    MpscChan<T> chan = new MpscChan<>(capacity);
    return new Channel<>(new Sender<>(chan), new Receiver<>(chan));
  }

  /** An unbounded channel: sending never waits. */
  public static <T> UnboundedChannel<T> unbounded() {
    MpscChan<T> chan = new MpscChan<>(Integer.MAX_VALUE);
    return new UnboundedChannel<>(new UnboundedSender<>(chan), new Receiver<>(chan));
  }

  /**
   * The halves of a bounded channel.
   *
   * @param sender the first sender; clone it for more producers
   * @param receiver the only receiver
   */
  public record Channel<T>(Sender<T> sender, Receiver<T> receiver) {}

  /**
   * The halves of an unbounded channel.
   *
   * @param sender the first sender; clone it for more producers
   * @param receiver the only receiver
   */
  public record UnboundedChannel<T>(UnboundedSender<T> sender, Receiver<T> receiver) {}

  /**
   * What both kinds of sender share: clone and close bookkeeping. Package-private for {@link
   * MpscChan}, which decides under its lock whether the handle is still open.
   */
  abstract static class Handle<T> implements AutoCloseable {
    final MpscChan<T> chan;

    /** Written under the channel's lock ({@link MpscChan#closeHandle}); read for a fast check. */
    volatile boolean closed;

    Handle(MpscChan<T> chan) {
      this.chan = chan;
    }

    final void checkOpen() {
      if (closed) {
        throw new IllegalStateException(SyncMessages.SENDER_CLOSED);
      }
    }

    /** Whether the receiver was closed, so sending can only fail. */
    public final boolean isClosed() {
      return chan.isReceiverClosed();
    }

    /**
     * Closes this handle. When the last open sender of the channel closes, the receiver's {@code
     * recv()} returns {@code null} after the buffered messages. Idempotent per handle. A send
     * through this handle on another thread at the same moment either completes before the close
     * (its message is received before the end of the stream) or fails.
     */
    @Override
    public final void close() {
      chan.closeHandle(this);
    }
  }

  /**
   * Sends into a bounded channel; waits for a free slot.
   *
   * <p>Thread safety: any thread; a closed handle cannot send. Cancellation: see {@link Mpsc}.
   */
  public static final class Sender<T> extends Handle<T> {
    Sender(MpscChan<T> chan) {
      super(chan);
    }

    /**
     * A future that waits for a free slot, then sends {@code message}. It fails with {@link
     * ChannelClosedException} (holding the message) if the receiver is closed first.
     *
     * <p>Cancel safety: not cancel-safe. A cancelled send did not send its message (it sends only
     * in the poll that completes it) and drops it; a slot granted to it goes to the next sender.
     *
     * @throws NullPointerException if {@code message} is null
     * @throws IllegalStateException if this sender was closed; also from the future, if this
     *     sender is closed before the send completed (await every send before closing)
     */
    public Future<Void> send(T message) {
      Objects.requireNonNull(message, SyncMessages.NULL_MESSAGE);
      checkOpen();
      return new SendFuture<>(this, message);
    }

    /**
     * Sends {@code message} if a slot is free now.
     *
     * @return true if sent, false if the channel is full
     * @throws ChannelClosedException if the receiver is closed
     * @throws NullPointerException if {@code message} is null
     */
    public boolean trySend(T message) {
      Objects.requireNonNull(message, SyncMessages.NULL_MESSAGE);
      checkOpen();
      int r = chan.slots.tryAcquire(1);
      if (r == BatchSemaphore.ACQUIRED) {
        int pushed = chan.push(message, this);
        if (pushed == MpscChan.SENT) {
          return true;
        }
        chan.slots.release(1);
        checkOpen(); // closed meanwhile: the handle's close came first
        throw new ChannelClosedException(SyncMessages.RECEIVER_CLOSED, message);
      }
      // Not sent. If the handle was closed meanwhile, say so: a closed handle cannot send, and
      // "full" or "receiver closed" would describe a moment before its close.
      checkOpen();
      if (r == BatchSemaphore.NO_PERMITS) {
        return false;
      }
      throw new ChannelClosedException(SyncMessages.RECEIVER_CLOSED, message);
    }

    /**
     * Another sender for the same channel, to be closed on its own (Tokio's {@code clone}).
     *
     * @throws IllegalStateException if this sender was closed
     */
    @Override
    public Sender<T> clone() {
      checkOpen();
      chan.addSender(this);
      return new Sender<>(chan);
    }

    /** The slots free right now. */
    public int capacity() {
      return chan.slots.availablePermits();
    }

    /** The channel's capacity. */
    public int maxCapacity() {
      return chan.capacity;
    }
  }

  /**
   * Sends into an unbounded channel; never waits.
   *
   * <p>Thread safety: any thread; a closed handle cannot send.
   */
  public static final class UnboundedSender<T> extends Handle<T> {
    UnboundedSender(MpscChan<T> chan) {
      super(chan);
    }

    /**
     * Sends {@code message} at once.
     *
     * @throws ChannelClosedException (holding the message) if the receiver is closed
     * @throws NullPointerException if {@code message} is null
     * @throws IllegalStateException if this sender was closed
     */
    public void send(T message) {
      Objects.requireNonNull(message, SyncMessages.NULL_MESSAGE);
      checkOpen();
      int pushed = chan.push(message, this);
      if (pushed == MpscChan.HANDLE_CLOSED) {
        // Closed on another thread since the check above: the close came first.
        throw new IllegalStateException(SyncMessages.SENDER_CLOSED);
      }
      if (pushed == MpscChan.RECEIVER_CLOSED) {
        throw new ChannelClosedException(SyncMessages.RECEIVER_CLOSED, message);
      }
    }

    /**
     * Another sender for the same channel, to be closed on its own.
     *
     * @throws IllegalStateException if this sender was closed
     */
    @Override
    public UnboundedSender<T> clone() {
      checkOpen();
      chan.addSender(this);
      return new UnboundedSender<>(chan);
    }
  }

  /**
   * Receives the messages of a channel, in the order they were sent.
   *
   * <p>It is an {@link AsyncStream} of the messages (Tokio's {@code ReceiverStream}): {@code
   * pollNext} and {@code next()} are {@link #recv()}, the stream ends when {@code recv()} gives
   * {@code null}, and closing the stream is {@link #close()}.
   *
   * <p>Thread safety: belongs to one task at a time. Cancellation: {@code recv()} and {@code
   * next()} are cancel-safe.
   */
  public static final class Receiver<T> implements AsyncStream<T> {
    private final MpscChan<T> chan;
    private final RecvFuture<T> recv;

    Receiver(MpscChan<T> chan) {
      this.chan = chan;
      this.recv = new RecvFuture<>(chan);
    }

    /**
     * A future of the next message, or of {@code null} once every sender is closed (or this
     * receiver was closed) and the buffer is drained. Cancel-safe. Allocates nothing: every call
     * returns the same stateless future, whose each completed poll takes the next message.
     */
    public Future<T> recv() {
      return recv;
    }

    /** {@link #recv()} at the poll level: the same, without a future. Cancel-safe. */
    @Override
    public Poll<T> pollNext(Context cx) {
      return recv.poll(cx);
    }

    /** The same future as {@link #recv()}. */
    @Override
    public Future<T> next() {
      return recv;
    }

    /**
     * The next message without waiting (Tokio's {@code try_recv}): {@code Poll.ready(message)};
     * {@code Poll.ready(null)} if the channel is closed and drained; {@code Poll.pending()} if
     * no message is there yet.
     */
    public Poll<T> tryRecv() {
      Object m = chan.pop(null);
      if (m == null) {
        return Poll.pending();
      }
      return Poll.ready(m == MpscChan.CLOSED ? null : message(m));
    }

    /** The number of messages buffered now. */
    public int size() {
      return chan.size();
    }

    /** Whether no message can arrive any more and none is buffered. */
    public boolean isClosed() {
      return chan.isTerminated();
    }

    /**
     * Closes the channel for sending (Tokio's {@code Receiver::close}): sends fail from now on and
     * senders waiting for a slot fail with {@link ChannelClosedException}; messages already
     * buffered can still be received, then {@code recv()} gives {@code null}. Idempotent.
     */
    @Override
    public void close() {
      chan.closeReceiver();
    }
  }

  @SuppressWarnings("unchecked")
  private static <T> T message(Object m) {
    return (T) m;
  }

  /**
   * One bounded send. Small (24 bytes: the sender, the message, and a queue node only if one was
   * needed), because a send that finds a free slot at its first poll, the usual case, needs no
   * node: it takes the slot with one compare-and-set. Only a send that must wait for a slot
   * allocates its {@link SlotWait}, its own node in the semaphore's FIFO queue of senders. Nothing
   * is recycled, so a completed future stays inert: {@code cancel()} on it does nothing and
   * polling it again throws, as before.
   *
   * <p>{@code message} is non-null until the send completes (either way) or is cancelled; null
   * marks the future as done. Touched only by the task that polls or cancels it.
   */
  private static final class SendFuture<T> implements Future<Void> {
    private final Sender<T> sender;
    private T message;
    private SlotWait wait;

    SendFuture(Sender<T> sender, T message) {
      this.sender = sender;
      this.message = message;
    }

    @Override
    public Poll<Void> poll(Context cx) {
      T m = message;
      if (m == null) {
        throw new IllegalStateException(BatchSemaphore.POLLED_AFTER_DONE);
      }
      MpscChan<T> chan = sender.chan;
      SlotWait w = wait;
      int r;
      if (w == null) {
        // The fast path of an acquisition that never queued: a free slot nobody is queued for.
        r = chan.slots.tryAcquire(1);
        if (r == BatchSemaphore.NO_PERMITS) {
          w = new SlotWait(chan.slots);
          wait = w;
          r = w.poll(cx);
        }
      } else {
        r = w.poll(cx);
      }
      if (r == BatchSemaphore.NO_PERMITS) {
        return Poll.pending();
      }
      message = null;
      if (r == BatchSemaphore.ACQUIRED) {
        int pushed = chan.push(m, sender);
        if (pushed == MpscChan.SENT) {
          return Poll.ready(null);
        }
        chan.slots.release(1);
        if (pushed == MpscChan.HANDLE_CLOSED) {
          // The stream may already have ended for the receiver: a late message would be lost.
          throw new IllegalStateException(SyncMessages.SENDER_CLOSED_WHILE_SENDING);
        }
      }
      throw new ChannelClosedException(SyncMessages.RECEIVER_CLOSED, m);
    }

    @Override
    public void cancel() {
      message = null;
      SlotWait w = wait;
      if (w != null) {
        w.cancel(); // a slot granted to it goes to the next sender
      }
    }
  }

  /** The queue node of a send waiting for a slot: one acquisition of one permit. */
  private static final class SlotWait extends BatchSemaphore.Acquire {
    SlotWait(BatchSemaphore slots) {
      super(slots, 1);
    }

    int poll(Context cx) {
      return pollAcquire(cx);
    }

    void cancel() {
      cancelAcquire();
    }
  }

  /**
   * The receive future of one receiver. It holds no state of its own (a receive is the receiver's,
   * as Rust's {@code recv(&mut self)} borrows it), so the receiver hands out this one instance for
   * every {@code recv()} and a receive allocates nothing. It takes a message only in the poll that
   * returns it.
   */
  private static final class RecvFuture<T> implements Future<T> {
    private final MpscChan<T> chan;

    RecvFuture(MpscChan<T> chan) {
      this.chan = chan;
    }

    @Override
    public Poll<T> poll(Context cx) {
      Object m = chan.pop(cx.waker());
      if (m != null) {
        return Poll.ready(m == MpscChan.CLOSED ? null : message(m));
      }
      return Poll.pending();
    }

    @Override
    public void cancel() {
      // Nothing to undo: no message was taken. The registered waker is left in place: another
      // receive of the same task may have registered the same waker, and a stale one costs at
      // most one spurious wake.
    }
  }
}
