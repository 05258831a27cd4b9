/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.samples;

import static dev.asyncfn.runtime.Futures.await;

import dev.asyncfn.Async;
import dev.asyncfn.runtime.net.TcpListener;
import dev.asyncfn.runtime.net.TcpStream;
import dev.asyncfn.runtime.time.Time;
import java.io.IOException;
import java.time.Duration;

/**
 * The accept step of a server's loop, which a failed accept must not end. {@code accept} fails when
 * the process is out of file descriptors ("Too many open files"), or when a connection was reset
 * while it waited in the backlog; the listener itself is fine, and a server that let the exception
 * end its loop would stop serving for good. So a failure is counted and the accept retried after a
 * pause, which doubles up to {@link #MAX_PAUSE} while failures go on: that gives the connection
 * tasks time to close sockets, instead of a loop failing as fast as it can while the pending
 * connection keeps the listener readable (hyper and Tokio's examples do the same). Only a closed
 * listener ends it.
 */
final class Accepting {
  static final Duration FIRST_PAUSE = Duration.ofMillis(5);
  static final Duration MAX_PAUSE = Duration.ofMillis(200);

  private Accepting() {}

  /** The next connection of {@code listener}; failed accepts are counted in {@code sockets}. */
  @Async
  static TcpStream next(TcpListener listener, OpenSockets sockets) throws IOException {
    Duration pause = FIRST_PAUSE;
    while (true) {
      try {
        return await(listener.accept());
      } catch (IOException e) {
        if (listener.isClosed()) {
          throw e;
        }
        sockets.acceptFailed(e);
        await(Time.sleep(pause));
        pause = pause.multipliedBy(2);
        if (pause.compareTo(MAX_PAUSE) > 0) {
          pause = MAX_PAUSE;
        }
      }
    }
  }
}
