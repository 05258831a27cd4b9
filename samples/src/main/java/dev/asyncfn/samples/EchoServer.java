/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.samples;

import static dev.asyncfn.runtime.Futures.await;

import dev.asyncfn.Async;
import dev.asyncfn.runtime.JoinHandle;
import dev.asyncfn.runtime.AsyncRuntime;
import dev.asyncfn.runtime.Tasks;
import dev.asyncfn.runtime.io.Io;
import dev.asyncfn.runtime.net.TcpListener;
import dev.asyncfn.runtime.net.TcpStream;
import java.io.IOException;
import java.io.PrintStream;
import java.util.List;

/**
 * The echo server of every async book: one task per connection, each copying what it reads back
 * to its peer until the peer closes. Try it with {@code nc 127.0.0.1 7007}.
 */
final class EchoServer implements Sample {
  static final int DEFAULT_PORT = 7007;

  @Override
  public String name() {
    return "echo-server";
  }

  @Override
  public String summary() {
    return "[--port N]: echoes every connection until the peer closes (try netcat)";
  }

  /** Accepts forever, spawning a task per connection; the listener closes when this ends. */
  @Async
  static void serve(TcpListener listener, OpenSockets sockets) throws IOException {
    try {
      while (true) {
        TcpStream socket = sockets.add(await(AcceptingAsync.next(listener, sockets)));
        Tasks.spawn(EchoServerAsync.handle(socket, sockets));
      }
    } finally {
      sockets.remove(listener);
      listener.close();
    }
  }

  /** Echoes until the peer closes; closes the socket on every path, cancellation included. */
  @Async
  static void handle(TcpStream socket, OpenSockets sockets) {
    try {
      // Io.copy writes before it reads again, so a peer that does not read slows only itself.
      await(Io.copy(socket, socket));
    } catch (IOException e) {
      // The peer reset the connection: nothing to answer, the socket is closed below.
    } finally {
      closeQuietly(socket);
      sockets.remove(socket);
    }
  }

  static void closeQuietly(AutoCloseable resource) {
    try {
      resource.close();
    } catch (Exception e) {
      // Closing is best effort: the socket is already unusable.
    }
  }

  /** Binds 127.0.0.1:{@code port} (0 for an ephemeral port) and starts accepting. */
  static Server start(int port) {
    AsyncRuntime runtime = AsyncRuntime.builder().multiThread().threadNamePrefix("echo-server").build();
    try {
      OpenSockets sockets = new OpenSockets();
      TcpListener listener = sockets.add(runtime.blockOn(TcpListener.bind("127.0.0.1", port)));
      JoinHandle<Void> acceptor = runtime.spawn(EchoServerAsync.serve(listener, sockets));
      return new Server(runtime, acceptor, listener.localAddr().getPort(), sockets);
    } catch (RuntimeException | Error e) {
      runtime.close();
      throw e;
    }
  }

  @Override
  public int run(List<String> args, PrintStream out) {
    try (Server server = start(Args.parse(args).port(DEFAULT_PORT))) {
      out.println("echo server listening on 127.0.0.1:" + server.port());
      out.println("try: nc 127.0.0.1 " + server.port() + "   (Ctrl-C to stop)");
      server.awaitTermination();
    }
    return 0;
  }

  @Override
  public int tour(Tour.Env env, PrintStream out) {
    Server server = start(0);
    env.stopAtEnd(server);
    env.echoPort(server.port());
    out.println("echo server listening on 127.0.0.1:" + server.port() + " (until the tour ends)");
    return 0;
  }
}
