/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.runtime.net;

import dev.asyncfn.runtime.internal.handle.RuntimeContext;
import dev.asyncfn.runtime.internal.reactor.Registration;
import java.io.IOException;
import java.nio.channels.SelectableChannel;

/**
 * A non-blocking channel and its lazily created reactor registration, shared by every socket type.
 * The registration is made at the first operation that would block, with the reactor of the
 * runtime polling at that moment, so a socket made outside a runtime (a listener bound in {@code
 * main}) and used inside one waits on that runtime's reactor.
 */
final class Channels {
  private final SelectableChannel channel;
  private volatile Registration registration;
  private volatile boolean closed;

  Channels(SelectableChannel channel) throws IOException {
    this.channel = channel;
    channel.configureBlocking(false);
  }

  Registration registration() {
    Registration r = registration;
    if (r == null || r.reactor().isClosed()) {
      synchronized (this) {
        r = registration;
        // A socket that outlived its runtime's reactor moves to the reactor polling it now.
        if (r == null || r.reactor().isClosed()) {
          r = RuntimeContext.reactor().register(channel);
          registration = r;
          if (closed) {
            r.close();
          }
        }
      }
    }
    return r;
  }

  /** The registration if one was made, else null; for cancellation and tests. */
  Registration registrationIfAny() {
    return registration;
  }

  void cancelRead() {
    Registration r = registration;
    if (r != null) {
      r.clearRead();
    }
  }

  void cancelWrite() {
    Registration r = registration;
    if (r != null) {
      r.clearWrite();
    }
  }

  boolean isClosed() {
    return closed;
  }

  /** Closes the channel, then deregisters it (which wakes any task still waiting on it). */
  void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    try {
      channel.close();
    } finally {
      Registration r;
      synchronized (this) {
        r = registration;
      }
      if (r != null) {
        r.close();
      }
    }
  }
}
