/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.runtime.internal.sync;

/**
 * Every misuse and failure message of the {@code sync} primitives, in one place. Each says what
 * went wrong, then what to do.
 */
public final class SyncMessages {
  private SyncMessages() {}

  /** A waiting future polled again after it completed. */
  public static final String POLLED_AFTER_DONE =
      "future polled after it completed or was cancelled: call the method again for a new future";

  /** A guard or permit used after it was closed. */
  public static String usedAfterClose(String what) {
    return what + " used after close(): the lock or permit was already released. Acquire it again";
  }

  /** A sender handle used after its close(). */
  public static final String SENDER_CLOSED =
      "this Sender was closed: a closed handle cannot send. Keep another clone() open to go on"
          + " sending";

  /** A sender closed while one of its sends was still pending. */
  public static final String SENDER_CLOSED_WHILE_SENDING =
      "this Sender was closed while its send() was pending, so the message was not sent: await"
          + " every send() before closing the sender";

  /** Sending on a channel whose receiver is gone. */
  public static final String RECEIVER_CLOSED =
      "channel closed: the receiver was closed, so the message cannot be delivered";

  /** A oneshot whose sender closed without sending. */
  public static final String ONESHOT_SENDER_CLOSED =
      "oneshot channel closed: the Sender was closed (or cancelled) without sending a value";

  /** A watch whose senders all closed. */
  public static final String WATCH_CLOSED =
      "watch channel closed: every Sender was closed, the value will not change any more";

  /** A semaphore closed while acquiring. */
  public static final String SEMAPHORE_CLOSED =
      "semaphore closed: close() was called, no permit can be acquired any more";

  /** Null messages are reserved for "closed". */
  public static final String NULL_MESSAGE =
      "null cannot be sent: recv() uses null to say the channel is closed. Wrap the value"
          + " (e.g. in Optional) to send an absence";
}
