/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.runtime.net;

import dev.asyncfn.runtime.Context;
import dev.asyncfn.runtime.Future;
import dev.asyncfn.runtime.Poll;
import dev.asyncfn.runtime.ThrowingFuture;
import dev.asyncfn.runtime.io.IoFuture;
import dev.asyncfn.runtime.stream.ThrowingStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.SelectionKey;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.Objects;

/**
 * A TCP server socket, like Tokio's {@code TcpListener}: bind, then accept connections.
 *
 * <h2>Example</h2>
 *
 * <pre>{@code
 * try (TcpListener listener = await(TcpListener.bind("127.0.0.1", 8080))) {
 *   for (;;) {
 *     TcpStream socket = await(listener.accept());
 *     Tasks.spawn(EchoAsync.handle(socket));
 *   }
 * }
 * }</pre>
 *
 * <p>Port {@code 0} binds an ephemeral port; {@link #localAddr()} tells which. The accept backlog
 * is 1024 (capped by the kernel's {@code somaxconn}), and {@code SO_REUSEADDR} is set.
 *
 * <h2>Thread safety</h2>
 *
 * One task accepts at a time. {@link #close()} may be called from any thread; a pending accept
 * then fails with {@code ClosedChannelException}.
 *
 * <h2>Cancellation</h2>
 *
 * {@code accept} is cancel-safe: a connection is taken from the backlog only by the poll that
 * returns it, and a cancelled accept leaves no interest armed in the reactor.
 *
 * <h2>Throws</h2>
 *
 * {@code bind} fails with {@code BindException} when the address is in use; {@code accept} with the
 * {@code IOException} of the failed accept.
 */
public final class TcpListener implements AutoCloseable {
  /** Accept backlog; large enough for bursts of a thousand connects. */
  static final int BACKLOG = 1024;

  private final ServerSocketChannel channel;
  private final Channels io;
  private final InetSocketAddress localAddr;

  private TcpListener(ServerSocketChannel channel) throws IOException {
    this.channel = channel;
    this.io = new Channels(channel);
    this.localAddr = (InetSocketAddress) channel.getLocalAddress();
  }

  /**
   * Binds to {@code address}. The future is lazy and completes at its first poll; an unresolved
   * address is resolved on the blocking pool first.
   */
  public static ThrowingFuture<TcpListener, IOException> bind(SocketAddress address) {
    Objects.requireNonNull(address, "address");
    if (!(address instanceof InetSocketAddress)) {
      throw new IllegalArgumentException(
          "TcpListener.bind needs an InetSocketAddress, was " + address.getClass().getName());
    }
    InetSocketAddress a = (InetSocketAddress) address;
    return new BindFuture(a.getHostString(), a.getPort(), a);
  }

  /** Binds to {@code host:port}; a host name is resolved on the blocking pool. */
  public static ThrowingFuture<TcpListener, IOException> bind(String host, int port) {
    return new BindFuture(Objects.requireNonNull(host, "host"), port, null);
  }

  /** A future of the next incoming connection. Cancel-safe. */
  public ThrowingFuture<TcpStream, IOException> accept() {
    return new AcceptFuture();
  }

  /**
   * The incoming connections as a stream (Tokio's {@code TcpListenerStream}); it never ends. A view
   * of this listener: {@code next()} is an {@link #accept()}, a failed accept fails that poll and
   * the next poll accepts again (after {@link #close()}, every poll fails with {@code
   * ClosedChannelException}), and closing the view cancels a pending accept (clearing its
   * interest in the reactor) but leaves the listener open. Cancel-safe like {@code accept}.
   */
  public ThrowingStream<TcpStream, IOException> incoming() {
    return new Incoming();
  }

  /** The address this listener is bound to (with the actual port when bound to port 0). */
  public InetSocketAddress localAddr() {
    return localAddr;
  }

  /** Stops listening (idempotent); a pending accept fails with {@code ClosedChannelException}. */
  @Override
  public void close() throws IOException {
    io.close();
  }

  /** Whether {@link #close()} was called. */
  public boolean isClosed() {
    return io.isClosed();
  }

  @Override
  public String toString() {
    return "TcpListener(" + localAddr + (isClosed() ? ", closed)" : ")");
  }

  /** {@link #incoming()}: one accept in flight at a time, held across polls. */
  private final class Incoming implements ThrowingStream<TcpStream, IOException> {
    private AcceptFuture pending;

    @Override
    public Poll<TcpStream> pollNext(Context cx) {
      AcceptFuture a = pending;
      if (a == null) {
        a = new AcceptFuture();
        pending = a;
      }
      Poll<TcpStream> p;
      try {
        p = a.poll(cx);
      } catch (Throwable t) {
        pending = null;
        throw t;
      }
      if (p.isReady()) {
        pending = null;
      }
      return p;
    }

    @Override
    public ThrowingFuture<TcpStream, IOException> next() {
      return accept();
    }

    @Override
    public void close() {
      AcceptFuture a = pending;
      if (a != null) {
        pending = null;
        a.cancel();
      }
    }

    @Override
    public String toString() {
      return "incoming of " + TcpListener.this;
    }
  }

  /** {@link #accept()}: take one connection, or wait for {@code OP_ACCEPT}. */
  private final class AcceptFuture extends IoFuture<TcpStream> {
    @Override
    protected Poll<TcpStream> attempt(Context cx) throws IOException {
      SocketChannel accepted = channel.accept();
      if (accepted == null) {
        io.registration().awaitRead(SelectionKey.OP_ACCEPT, cx.waker());
        return Poll.pending();
      }
      try {
        return Poll.ready(new TcpStream(accepted));
      } catch (IOException | RuntimeException e) {
        accepted.close();
        throw e;
      }
    }

    @Override
    protected void forget() {
      io.cancelRead();
    }
  }

  /** {@link #bind}: resolve unless literal, then bind the first address. */
  private static final class BindFuture extends IoFuture<TcpListener> {
    private final String host;
    private final int port;
    private final InetSocketAddress given;
    private Future<InetAddress[]> lookup;

    BindFuture(String host, int port, InetSocketAddress given) {
      if (port < 0 || port > 0xFFFF) {
        throw new IllegalArgumentException("port out of range 0..65535: " + port);
      }
      this.host = host;
      this.port = port;
      this.given = given;
    }

    @Override
    protected Poll<TcpListener> attempt(Context cx) throws IOException {
      InetAddress address;
      if (given != null && !given.isUnresolved()) {
        address = given.getAddress();
      } else if (Resolve.isLiteral(host)) {
        address = Resolve.literal(host);
      } else {
        if (lookup == null) {
          lookup = Resolve.lookup(host);
        }
        Poll<InetAddress[]> p = lookup.poll(cx);
        if (p.isPending()) {
          return Poll.pending();
        }
        lookup = null;
        address = p.get()[0];
      }
      ServerSocketChannel ch = ServerSocketChannel.open();
      try {
        ch.setOption(StandardSocketOptions.SO_REUSEADDR, true);
        ch.bind(new InetSocketAddress(address, port), BACKLOG);
        return Poll.ready(new TcpListener(ch));
      } catch (IOException | RuntimeException e) {
        ch.close();
        throw e;
      }
    }

    @Override
    protected void forget() {}

    @Override
    protected void onCancel() {
      if (lookup != null) {
        lookup.cancel();
        lookup = null;
      }
    }
  }
}
