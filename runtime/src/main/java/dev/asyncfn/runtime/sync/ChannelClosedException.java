/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.runtime.sync;

/**
 * Thrown when a channel operation cannot succeed because the other side is gone: a send after the
 * receiver was closed, a {@link Oneshot.Receiver} whose sender closed without sending, a {@link
 * Watch.Receiver#changed()} after every sender closed (Tokio's {@code SendError} and {@code
 * RecvError}).
 *
 * <p>A failed send hands the message back through {@link #unsent()}, so nothing is lost silently.
 * Unchecked: a closed peer is usually the end of a loop, not an error to handle at every call.
 */
public final class ChannelClosedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient Object unsent;

  /** A closed channel; {@code unsent} is the message that could not be delivered, or null. */
  public ChannelClosedException(String message, Object unsent) {
    super(message);
    this.unsent = unsent;
  }

  /** The message that was not sent, or {@code null} if the failed operation was not a send. */
  public Object unsent() {
    return unsent;
  }
}
