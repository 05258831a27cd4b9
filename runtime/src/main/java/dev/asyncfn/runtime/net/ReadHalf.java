/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.runtime.net;

import dev.asyncfn.runtime.Context;
import dev.asyncfn.runtime.io.AsyncRead;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;

/**
 * The reading half of a {@link TcpStream#split() split} {@link TcpStream}, owned by one task while
 * another task owns the {@link WriteHalf}. Reads are those of {@link AsyncRead}.
 *
 * <h2>Example</h2>
 *
 * <pre>{@code
 * TcpStream.Halves halves = stream.split();
 * Tasks.spawn(ChatAsync.writeLoop(halves.writer(), outbox));
 * BufReader in = new BufReader(halves.reader());
 * for (String line; (line = await(in.readLine())) != null; ) { ... }
 * }</pre>
 *
 * <h2>Thread safety</h2>
 *
 * One task reads; the write half may be used by another task at the same time.
 *
 * <h2>Cancellation</h2>
 *
 * As {@link TcpStream}: {@code read} is cancel-safe.
 */
public final class ReadHalf implements AsyncRead, AutoCloseable {
  private final TcpStream.Halves.Shared shared;
  private boolean closed;

  ReadHalf(TcpStream.Halves.Shared shared) {
    this.shared = shared;
  }

  @Override
  public int pollRead(Context cx, ByteBuffer dst) throws IOException {
    return shared.stream.pollRead(cx, dst);
  }

  @Override
  public void cancelRead() {
    shared.stream.cancelRead();
  }

  /** The address of the peer. */
  public InetSocketAddress peerAddr() throws IOException {
    return shared.stream.peerAddr();
  }

  /** The local address. */
  public InetSocketAddress localAddr() throws IOException {
    return shared.stream.localAddr();
  }

  /**
   * Gives up this half: shuts the reading side down, and closes the socket if the write half was
   * closed too. Idempotent.
   */
  @Override
  public void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    if (shared.closeOne()) {
      shared.stream.close();
    } else if (!shared.stream.isClosed()) {
      shared.stream.shutdownInput();
    }
  }
}
