/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.runtime.net;

import dev.asyncfn.runtime.Context;
import dev.asyncfn.runtime.Future;
import dev.asyncfn.runtime.Poll;
import dev.asyncfn.runtime.io.IoFuture;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;

/**
 * {@link TcpStream#connect}: resolve (unless literal), then try each address in turn with a
 * non-blocking connect, waiting for {@code OP_CONNECT}. The first failure is thrown once every
 * address failed, later ones suppressed in it.
 */
final class ConnectFuture extends IoFuture<TcpStream> {
  private final String host;
  private final int port;
  private final InetSocketAddress given;
  private Future<InetAddress[]> lookup;
  private InetAddress[] addresses;
  private int next;
  private SocketChannel channel;
  private TcpStream stream;
  private IOException failure;

  ConnectFuture(String host, int port, InetSocketAddress given) {
    if (port < 0 || port > 0xFFFF) {
      throw new IllegalArgumentException("port out of range 0..65535: " + port);
    }
    this.host = host;
    this.port = port;
    this.given = given;
  }

  @Override
  protected Poll<TcpStream> attempt(Context cx) throws IOException {
    if (addresses == null) {
      if (given != null && !given.isUnresolved()) {
        addresses = new InetAddress[] {given.getAddress()};
      } else if (Resolve.isLiteral(host)) {
        addresses = new InetAddress[] {Resolve.literal(host)};
      } else {
        if (lookup == null) {
          lookup = Resolve.lookup(host);
        }
        Poll<InetAddress[]> p = lookup.poll(cx);
        if (p.isPending()) {
          return Poll.pending();
        }
        lookup = null;
        addresses = p.get();
      }
    }
    for (;;) {
      if (stream == null && !start()) {
        continue;
      }
      try {
        if (channel.finishConnect()) {
          TcpStream connected = stream;
          stream = null;
          return Poll.ready(connected);
        }
      } catch (IOException e) {
        fail(e);
        continue;
      }
      stream.registration0().awaitWrite(SelectionKey.OP_CONNECT, cx.waker());
      return Poll.pending();
    }
  }

  /** Starts connecting to the next address; false if that failed at once. */
  private boolean start() throws IOException {
    if (next >= addresses.length) {
      if (failure == null) {
        throw new ConnectException("no address to connect to for " + host);
      }
      throw failure;
    }
    InetSocketAddress target = new InetSocketAddress(addresses[next++], port);
    channel = SocketChannel.open();
    try {
      stream = new TcpStream(channel);
      channel.connect(target);
      return true;
    } catch (IOException e) {
      fail(e);
      return false;
    }
  }

  private void fail(IOException e) {
    closeQuietly();
    if (failure == null) {
      failure = e;
    } else {
      failure.addSuppressed(e);
    }
  }

  private void closeQuietly() {
    try {
      if (stream != null) {
        stream.close();
      } else if (channel != null) {
        channel.close();
      }
    } catch (IOException ignored) {
      // Closing a socket that never connected: nothing to report.
    }
    stream = null;
    channel = null;
  }

  @Override
  protected void forget() {
    if (stream != null) {
      stream.cancelWrite();
    }
  }

  @Override
  protected void onCancel() {
    if (lookup != null) {
      lookup.cancel();
      lookup = null;
    }
    closeQuietly();
  }
}
