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

  /** Adds {@code message}; false if the receiver is closed. A bounded sender holds a slot. */
  boolean push(T message) {
    Waker w;
    synchronized (this) {
      if (receiverClosed) {
        return false;
      }
      buffer.addLast(message);
      w = receiverWaker;
      receiverWaker = null;
    }
    if (w != null) {
      w.wake();
    }
    return true;
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

  void addSender() {
    synchronized (this) {
      if (senders == 0) {
        throw new IllegalStateException(SyncMessages.SENDER_CLOSED);
      }
      senders++;
    }
  }

  void dropSender() {
    Waker w = null;
    synchronized (this) {
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
