package dev.asyncfn.samples;

import dev.asyncfn.runtime.JoinHandle;
import dev.asyncfn.runtime.Runtime;

/**
 * A server sample that is running: its runtime, the task accepting connections, and the port it
 * listens on. Closing it aborts the accept task (which closes the listener) and shuts the runtime
 * down, which cancels every connection task, closing their sockets.
 */
final class Server implements AutoCloseable {
  private final Runtime runtime;
  private final JoinHandle<Void> acceptor;
  private final int port;

  Server(Runtime runtime, JoinHandle<Void> acceptor, int port) {
    this.runtime = runtime;
    this.acceptor = acceptor;
    this.port = port;
  }

  int port() {
    return port;
  }

  /** Blocks until the accept loop ends (it runs until the process is stopped or it fails). */
  void awaitTermination() {
    runtime.blockOn(acceptor);
  }

  /** Tasks still alive on the server's runtime, accept loop included; for tests. */
  int liveTasks() {
    return runtime.liveTaskCount();
  }

  @Override
  public void close() {
    acceptor.abort();
    runtime.close();
  }
}
