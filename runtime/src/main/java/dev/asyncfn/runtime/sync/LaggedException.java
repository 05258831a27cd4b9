/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.runtime.sync;

/**
 * Thrown by {@link Broadcast.Receiver#recv()} when the receiver fell so far behind that the ring
 * buffer overwrote messages it had not read yet (Tokio's {@code RecvError::Lagged}).
 *
 * <p>The receiver has skipped to the oldest message still buffered: call {@code recv()} again to go
 * on. {@link #missed()} tells how many messages it lost.
 */
public final class LaggedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final long missed;

  /** A receiver that missed {@code missed} messages. */
  public LaggedException(long missed) {
    super(
        "broadcast receiver lagged behind and missed "
            + missed
            + " message(s); it continues with the oldest one still buffered. Receive faster or"
            + " give the channel more capacity");
    this.missed = missed;
  }

  /** How many messages were skipped. */
  public long missed() {
    return missed;
  }
}
