/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.runtime.net;

import dev.asyncfn.runtime.Context;
import dev.asyncfn.runtime.ThrowingFuture;
import dev.asyncfn.runtime.internal.executor.Coop;
import dev.asyncfn.runtime.internal.reactor.Registration;
import dev.asyncfn.runtime.io.AsyncRead;
import dev.asyncfn.runtime.io.AsyncWrite;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.Objects;

/**
 * A TCP connection, like Tokio's {@code TcpStream}: connect, read, write, shut down, split.
 *
 * <p>Every operation is a {@link ThrowingFuture} of {@link IOException} (inherited from {@link
 * AsyncRead} and {@link AsyncWrite}: {@code read}, {@code readExact}, {@code readToEnd}, {@code
 * readToString}, {@code write}, {@code writeAll}), so an {@code @Async} method can {@code catch
 * (IOException e)} around its await. The socket is non-blocking; a task waiting for it is woken by
 * the runtime's reactor, not by a thread of its own.
 *
 * <h2>Example</h2>
 *
 * <pre>{@code
 * try (TcpStream socket = await(TcpStream.connect("127.0.0.1", 8080))) {
 *   await(socket.writeAll("GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".getBytes(UTF_8)));
 *   String response = await(socket.readToString());
 * }
 * }</pre>
 *
 * <h2>Thread safety</h2>
 *
 * One reader and one writer at a time: a task may read while another writes (see {@link
 * #split()}), but two concurrent reads (or writes) steal each other's wake-ups. {@link #close()}
 * may be called from any thread; a task waiting on the socket then fails with {@code
 * ClosedChannelException}.
 *
 * <h2>Cancellation</h2>
 *
 * Cancelling a pending operation forgets its interest in the reactor (no selection key is left
 * armed). Cancel-safe: {@code read}, {@code write}, {@code connect} (a half-open socket is
 * closed). Not cancel-safe: {@code readExact}, {@code readToEnd}, {@code writeAll} (partial data
 * is lost with the future).
 *
 * <h2>Throws</h2>
 *
 * I/O failures are thrown as they are ({@code ConnectException} for a refused connection, "Broken
 * pipe", "Connection reset"). A peer that closed its side is not a failure: {@code read} returns
 * {@code -1}.
 */
public final class TcpStream implements AsyncRead, AsyncWrite, AutoCloseable {
  private final SocketChannel channel;
  private final Channels io;

  TcpStream(SocketChannel channel) throws IOException {
    this.channel = channel;
    this.io = new Channels(channel);
  }

  /**
   * Connects to {@code host:port}. A literal IP address is used as it is; a name is resolved on
   * the runtime's blocking pool (every address is tried in order until one accepts).
   *
   * @return a lazy future: nothing happens before its first poll
   */
  public static ThrowingFuture<TcpStream, IOException> connect(String host, int port) {
    return new ConnectFuture(Objects.requireNonNull(host, "host"), port, null);
  }

  /** Connects to {@code address} (resolved already, or resolved on the blocking pool if not). */
  public static ThrowingFuture<TcpStream, IOException> connect(InetSocketAddress address) {
    Objects.requireNonNull(address, "address");
    return new ConnectFuture(address.getHostString(), address.getPort(), address);
  }

  /**
   * {@link #connect(String, int)} bounded in time: fails with {@link
   * java.net.SocketTimeoutException} (an {@code IOException}) if not connected within {@code
   * timeout} of the first poll. Needs a runtime (the timer is the runtime's).
   */
  public static ThrowingFuture<TcpStream, IOException> connect(
      String host, int port, Duration timeout) {
    return new IoTimeout<>(
        connect(host, port), Objects.requireNonNull(timeout, "timeout"), "connect to " + host + ":" + port);
  }

  @Override
  public int pollRead(Context cx, ByteBuffer dst) throws IOException {
    if (!dst.hasRemaining()) {
      return 0;
    }
    Coop coop = Coop.current();
    if (coop.exhausted(cx)) {
      return AsyncRead.PENDING;
    }
    Registration r = io.registrationIfAny();
    if (r == null || r.readMaybeReady() || r.reactor().isClosed()) {
      int n = channel.read(dst);
      if (n != 0) {
        if (n > 0 && dst.hasRemaining() && r != null) {
          r.readDrained(); // a short read emptied the socket: the next read waits without trying
        }
        coop.spend();
        return n;
      }
      r = io.registration();
    }
    // Would block. Level-triggered selection reports data that arrived since the read above.
    r.awaitRead(SelectionKey.OP_READ, cx.waker());
    return AsyncRead.PENDING;
  }

  @Override
  public void cancelRead() {
    io.cancelRead();
  }

  @Override
  public int pollWrite(Context cx, ByteBuffer src) throws IOException {
    if (!src.hasRemaining()) {
      return 0;
    }
    Coop coop = Coop.current();
    if (coop.exhausted(cx)) {
      return AsyncRead.PENDING;
    }
    int n = channel.write(src);
    if (n != 0) {
      coop.spend();
      return n;
    }
    io.registration().awaitWrite(SelectionKey.OP_WRITE, cx.waker());
    return AsyncRead.PENDING;
  }

  @Override
  public void cancelWrite() {
    io.cancelWrite();
  }

  /** Shuts down the writing side: the peer reads end of stream; reading goes on. */
  public void shutdownOutput() throws IOException {
    channel.shutdownOutput();
  }

  /** Shuts down the reading side. */
  public void shutdownInput() throws IOException {
    channel.shutdownInput();
  }

  /** Sets {@code TCP_NODELAY} (disables Nagle's algorithm when {@code true}). */
  public void setNoDelay(boolean on) throws IOException {
    channel.setOption(StandardSocketOptions.TCP_NODELAY, on);
  }

  /** Whether {@code TCP_NODELAY} is set. */
  public boolean noDelay() throws IOException {
    return channel.getOption(StandardSocketOptions.TCP_NODELAY);
  }

  /** The address of the peer. */
  public InetSocketAddress peerAddr() throws IOException {
    return (InetSocketAddress) channel.getRemoteAddress();
  }

  /** The local address of this end. */
  public InetSocketAddress localAddr() throws IOException {
    return (InetSocketAddress) channel.getLocalAddress();
  }

  /**
   * Splits the stream into a read half and a write half that two tasks can use at once (Tokio's
   * {@code into_split}). The halves share this socket: closing both closes it, and {@link
   * #close()} on the stream closes it for both.
   */
  public Halves split() {
    Halves.Shared shared = new Halves.Shared(this);
    return new Halves(new ReadHalf(shared), new WriteHalf(shared));
  }

  /** Whether {@link #close()} was called. */
  public boolean isClosed() {
    return io.isClosed();
  }

  /**
   * Closes the socket (idempotent). Pending operations of other tasks are woken and fail with
   * {@code ClosedChannelException}.
   */
  @Override
  public void close() throws IOException {
    io.close();
  }

  /** The registration, made now if needed; for the futures of this package. */
  Registration registration0() {
    return io.registration();
  }

  /** The reactor registration, or null before the first wait; for tests. */
  Registration registration() {
    return io.registrationIfAny();
  }

  @Override
  public String toString() {
    return "TcpStream" + (isClosed() ? "(closed)" : "(" + channel + ")");
  }

  /**
   * The two halves of a {@link TcpStream#split() split} stream.
   *
   * @param reader the read half
   * @param writer the write half
   */
  public record Halves(ReadHalf reader, WriteHalf writer) {

    /** Closes the socket once both halves were closed. */
    static final class Shared {
      final TcpStream stream;
      private int open = 2;

      Shared(TcpStream stream) {
        this.stream = stream;
      }

      synchronized boolean closeOne() {
        return --open == 0;
      }
    }
  }
}
