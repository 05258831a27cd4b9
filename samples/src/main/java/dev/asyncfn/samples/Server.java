/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.samples;

import dev.asyncfn.runtime.JoinHandle;
import dev.asyncfn.runtime.AsyncRuntime;

/**
 * A server sample that is running: its runtime, the task accepting connections, and the port it
 * listens on. Closing it aborts the accept task and shuts the runtime down, which cancels every
 * connection task: the finally blocks around their awaits close the listener and every socket.
 */
final class Server implements AutoCloseable {
  private final AsyncRuntime runtime;
  private final JoinHandle<Void> acceptor;
  private final int port;
  private final OpenSockets sockets;

  Server(AsyncRuntime runtime, JoinHandle<Void> acceptor, int port, OpenSockets sockets) {
    this.runtime = runtime;
    this.acceptor = acceptor;
    this.port = port;
    this.sockets = sockets;
  }

  int port() {
    return port;
  }

  /** Blocks until the accept loop ends (it runs until the process is stopped or it fails). */
  void awaitTermination() {
    runtime.blockOn(acceptor);
  }

  /** Sockets open on the server's side, the listener included; for tests. */
  int openSockets() {
    return sockets.size();
  }

  /** Tasks of the server's runtime not completed: the acceptor, one or two per connection. */
  int liveTasks() {
    return runtime.liveTaskCount();
  }

  /** The accepts that failed and were retried; for tests. */
  OpenSockets sockets() {
    return sockets;
  }

  @Override
  public void close() {
    acceptor.abort();
    runtime.close();
  }
}
