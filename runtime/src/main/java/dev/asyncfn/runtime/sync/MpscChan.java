/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.runtime.sync;

import dev.asyncfn.runtime.Waker;
import dev.asyncfn.runtime.internal.sync.BatchSemaphore;
import dev.asyncfn.runtime.internal.sync.SyncMessages;
import java.util.ArrayDeque;

/**
 * The state an {@link Mpsc} channel's handles share: the buffer, the receiver's waker, the count of
 * open senders, and for a bounded channel the semaphore of free slots.
 *
 * <p>A bounded sender first acquires a slot (waiting in the semaphore's FIFO queue), then pushes;
 * the receiver releases the slot when it takes the message. Closing the receiver closes the
 * semaphore, which fails the waiting senders.
 */
final class MpscChan<T> {
  /** Free slots; {@code null} for an unbounded channel. */
  final BatchSemaphore slots;

  final int capacity;

  /** Guarded by {@code this}. */
  private final ArrayDeque<T> buffer;

  private int senders = 1;
  private boolean receiverClosed;
  private Waker receiverWaker;

  MpscChan(int capacity) {
    this.capacity = capacity;
    this.slots = capacity == Integer.MAX_VALUE ? null : new BatchSemaphore(capacity);
    // Pre-sized so that a small bounded channel never grows its array while sending.
    this.buffer = new ArrayDeque<>(Math.min(capacity, 1024));
  }

  /** {@link #push}: the message is in the buffer. */
  static final int SENT = 0;

  /** {@link #push}: the receiver was closed; the message was not sent. */
  static final int RECEIVER_CLOSED = 1;

  /** {@link #push}: the sending handle was closed; the message was not sent. */
  static final int HANDLE_CLOSED = 2;

  /**
   * Adds {@code message} sent through {@code from}, unless the receiver or that handle is closed.
   * A bounded sender holds a slot. The handle is checked under the same lock {@link #closeHandle}
   * takes, so a send racing with the close of its handle either comes before the close (and is
   * received before the end of the stream) or fails: never a message accepted after the receiver
   * saw the end.
   *
   * @return {@link #SENT}, {@link #RECEIVER_CLOSED} or {@link #HANDLE_CLOSED}
   */
  int push(T message, Mpsc.Handle<T> from) {
    Waker w;
    synchronized (this) {
      if (from.closed) {
        return HANDLE_CLOSED;
      }
      if (receiverClosed) {
        return RECEIVER_CLOSED;
      }
      buffer.addLast(message);
      w = receiverWaker;
      receiverWaker = null;
    }
    if (w != null) {
      w.wake();
    }
    return SENT;
  }

  /** What {@link #pop} returns when the buffer is empty and no message can come any more. */
  static final Object CLOSED = new Object();

  /**
   * The next message; {@code null} if the buffer is empty (then {@code waker}, if any, is
   * registered); {@link #CLOSED} if it is empty and no message can come any more.
   */
  Object pop(Waker waker) {
    T m;
    synchronized (this) {
      m = buffer.pollFirst();
      if (m == null) {
        if (senders == 0 || receiverClosed) {
          return CLOSED;
        }
        if (waker != null) {
          if (receiverWaker == null || !receiverWaker.willWake(waker)) {
            receiverWaker = waker;
          }
        }
        return null;
      }
    }
    if (slots != null) {
      slots.release(1);
    }
    return m;
  }

  /** Whether the buffer is empty and no message can arrive any more. */
  synchronized boolean isTerminated() {
    return buffer.isEmpty() && (senders == 0 || receiverClosed);
  }

  synchronized boolean isReceiverClosed() {
    return receiverClosed;
  }

  synchronized int size() {
    return buffer.size();
  }

  /** Counts a new handle cloned from {@code from}, which must be open. */
  void addSender(Mpsc.Handle<T> from) {
    synchronized (this) {
      if (from.closed || senders == 0) {
        throw new IllegalStateException(SyncMessages.SENDER_CLOSED);
      }
      senders++;
    }
  }

  /**
   * Closes {@code handle}; the last one to close ends the stream for the receiver. Idempotent per
   * handle. Under the channel's lock, so that it is ordered with the sends through the handle.
   */
  void closeHandle(Mpsc.Handle<T> handle) {
    Waker w = null;
    synchronized (this) {
      if (handle.closed) {
        return;
      }
      handle.closed = true;
      if (--senders == 0) {
        w = receiverWaker;
        receiverWaker = null;
      }
    }
    if (w != null) {
      w.wake();
    }
  }

  void closeReceiver() {
    synchronized (this) {
      if (receiverClosed) {
        return;
      }
      receiverClosed = true;
    }
    if (slots != null) {
      slots.close();
    }
  }
}
