/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.runtime.net;

import dev.asyncfn.runtime.Context;
import dev.asyncfn.runtime.Poll;
import dev.asyncfn.runtime.ThrowingFuture;
import dev.asyncfn.runtime.io.IoFuture;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.util.Objects;

/**
 * A UDP socket, like Tokio's {@code UdpSocket}: {@code sendTo}/{@code recvFrom} datagrams, or
 * {@link #connect} to one peer and {@code send}/{@code recv}.
 *
 * <h2>Example</h2>
 *
 * <pre>{@code
 * UdpSocket socket = await(UdpSocket.bind(new InetSocketAddress("127.0.0.1", 0)));
 * await(socket.sendTo(ByteBuffer.wrap(ping), serverAddr));
 * ByteBuffer buf = ByteBuffer.allocate(1500);
 * InetSocketAddress from = await(socket.recvFrom(buf));   // buf.position() = datagram length
 * }</pre>
 *
 * <p>A datagram longer than the buffer's remaining space is truncated (the rest is discarded), as
 * with {@code DatagramChannel.receive}.
 *
 * <h2>Thread safety</h2>
 *
 * One receiving task and one sending task may use the socket at once.
 *
 * <h2>Cancellation</h2>
 *
 * Every operation is cancel-safe: a datagram is taken or sent whole by the poll that completes.
 *
 * <h2>Throws</h2>
 *
 * The {@code IOException} of the failed operation, unchanged (on a connected socket, an ICMP "port
 * unreachable" may surface as {@code PortUnreachableException}).
 */
public final class UdpSocket implements AutoCloseable {
  private final DatagramChannel channel;
  private final Channels io;

  private UdpSocket(DatagramChannel channel) throws IOException {
    this.channel = channel;
    this.io = new Channels(channel);
  }

  /** Binds a socket to {@code address} (port 0 for an ephemeral port) at the first poll. */
  public static ThrowingFuture<UdpSocket, IOException> bind(SocketAddress address) {
    Objects.requireNonNull(address, "address");
    return new IoFuture<>() {
      @Override
      protected Poll<UdpSocket> attempt(Context cx) throws IOException {
        DatagramChannel ch = DatagramChannel.open();
        try {
          ch.bind(address);
          return Poll.ready(new UdpSocket(ch));
        } catch (IOException | RuntimeException e) {
          ch.close();
          throw e;
        }
      }

      @Override
      protected void forget() {}
    };
  }

  /** Sends one datagram with the remaining bytes of {@code src} to {@code target}. */
  public ThrowingFuture<Integer, IOException> sendTo(ByteBuffer src, SocketAddress target) {
    Objects.requireNonNull(target, "target");
    return new WriteSide<>() {
      @Override
      Integer tryOnce() throws IOException {
        int n = channel.send(src, target);
        return n == 0 && src.hasRemaining() ? null : n;
      }
    };
  }

  /** {@link #sendTo(ByteBuffer, SocketAddress)} of the whole of {@code b}. */
  public ThrowingFuture<Integer, IOException> sendTo(byte[] b, SocketAddress target) {
    return sendTo(ByteBuffer.wrap(b), target);
  }

  /**
   * Receives one datagram into {@code dst}, waiting for one to arrive.
   *
   * @return a future of the sender's address; the datagram is {@code dst}'s bytes before and at
   *     its new position
   */
  public ThrowingFuture<InetSocketAddress, IOException> recvFrom(ByteBuffer dst) {
    return new ReadSide<>() {
      @Override
      InetSocketAddress tryOnce() throws IOException {
        return (InetSocketAddress) channel.receive(dst);
      }
    };
  }

  /** Sets the default peer: {@link #send} goes there and only its datagrams are received. */
  public void connect(SocketAddress peer) throws IOException {
    channel.connect(Objects.requireNonNull(peer, "peer"));
  }

  /** Sends one datagram to the connected peer. */
  public ThrowingFuture<Integer, IOException> send(ByteBuffer src) {
    return new WriteSide<>() {
      @Override
      Integer tryOnce() throws IOException {
        SocketAddress peer = channel.getRemoteAddress();
        if (peer == null) {
          throw new java.net.SocketException(
              "UdpSocket.send on a socket that is not connected: call connect(peer) first, or use"
                  + " sendTo(buffer, target)");
        }
        // send rather than write: write sends nothing for an empty buffer, send an empty datagram.
        int n = channel.send(src, peer);
        return n == 0 && src.hasRemaining() ? null : n;
      }
    };
  }

  /** Receives one datagram from the connected peer; a future of its length. */
  public ThrowingFuture<Integer, IOException> recv(ByteBuffer dst) {
    return new ReadSide<>() {
      @Override
      Integer tryOnce() throws IOException {
        int before = dst.position();
        return channel.receive(dst) == null ? null : dst.position() - before;
      }
    };
  }

  /** The local address. */
  public InetSocketAddress localAddr() throws IOException {
    return (InetSocketAddress) channel.getLocalAddress();
  }

  /** The connected peer, or {@code null} when not connected. */
  public InetSocketAddress peerAddr() throws IOException {
    return (InetSocketAddress) channel.getRemoteAddress();
  }

  /** Closes the socket (idempotent); pending operations fail with {@code ClosedChannelException}. */
  @Override
  public void close() throws IOException {
    io.close();
  }

  /** An operation that, when it cannot complete now, waits for {@code OP_READ}. */
  private abstract class ReadSide<T> extends IoFuture<T> {
    /** The result, or null if it would block. */
    abstract T tryOnce() throws IOException;

    @Override
    protected Poll<T> attempt(Context cx) throws IOException {
      T r = tryOnce();
      if (r != null) {
        return Poll.ready(r);
      }
      io.registration().awaitRead(SelectionKey.OP_READ, cx.waker());
      return Poll.pending();
    }

    @Override
    protected void forget() {
      io.cancelRead();
    }
  }

  /** An operation that, when it cannot complete now, waits for {@code OP_WRITE}. */
  private abstract class WriteSide<T> extends IoFuture<T> {
    /** The result, or null if it would block. */
    abstract T tryOnce() throws IOException;

    @Override
    protected Poll<T> attempt(Context cx) throws IOException {
      T r = tryOnce();
      if (r != null) {
        return Poll.ready(r);
      }
      io.registration().awaitWrite(SelectionKey.OP_WRITE, cx.waker());
      return Poll.pending();
    }

    @Override
    protected void forget() {
      io.cancelWrite();
    }
  }
}
