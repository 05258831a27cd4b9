/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.runtime.net;

import dev.asyncfn.runtime.Context;
import dev.asyncfn.runtime.io.AsyncWrite;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;

/**
 * The writing half of a {@link TcpStream#split() split} {@link TcpStream}, owned by one task while
 * another task owns the {@link ReadHalf}. Writes are those of {@link AsyncWrite}.
 *
 * <h2>Example</h2>
 *
 * <pre>{@code
 * await(halves.writer().writeAll(message));
 * halves.writer().close();   // the peer reads end of stream; the read half keeps reading
 * }</pre>
 *
 * <h2>Thread safety</h2>
 *
 * One task writes; the read half may be used by another task at the same time.
 *
 * <h2>Cancellation</h2>
 *
 * As {@link TcpStream}: {@code write} is cancel-safe, {@code writeAll} is not.
 */
public final class WriteHalf implements AsyncWrite, AutoCloseable {
  private final TcpStream.Halves.Shared shared;
  private boolean closed;

  WriteHalf(TcpStream.Halves.Shared shared) {
    this.shared = shared;
  }

  @Override
  public int pollWrite(Context cx, ByteBuffer src) throws IOException {
    return shared.stream.pollWrite(cx, src);
  }

  @Override
  public void cancelWrite() {
    shared.stream.cancelWrite();
  }

  /** Shuts the writing side down: the peer reads end of stream. */
  public void shutdownOutput() throws IOException {
    shared.stream.shutdownOutput();
  }

  /** Sets {@code TCP_NODELAY}. */
  public void setNoDelay(boolean on) throws IOException {
    shared.stream.setNoDelay(on);
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
   * Gives up this half: shuts the writing side down (the peer reads end of stream), and closes the
   * socket if the read half was closed too. Idempotent.
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
      shared.stream.shutdownOutput();
    }
  }
}
