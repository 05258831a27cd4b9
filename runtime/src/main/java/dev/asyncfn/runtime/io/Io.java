/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.runtime.io;

import dev.asyncfn.runtime.Context;
import dev.asyncfn.runtime.Poll;
import dev.asyncfn.runtime.ThrowingFuture;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * Helpers over {@link AsyncRead} and {@link AsyncWrite}, like Tokio's {@code tokio::io} functions.
 *
 * <h2>Example</h2>
 *
 * <pre>{@code
 * // An echo connection: everything read is written back until the peer closes.
 * long echoed = await(Io.copy(socket, socket));
 * }</pre>
 *
 * <h2>Cancellation</h2>
 *
 * {@code copy} is not cancel-safe: bytes read but not yet written are dropped with it.
 */
public final class Io {
  /** Size of the buffer {@code copy} moves bytes through. */
  static final int COPY_BUFFER = 8 * 1024;

  private Io() {}

  /**
   * Copies everything {@code reader} gives until its end of stream into {@code writer}, through one
   * 8 KiB buffer: a slow writer slows the reading, nothing piles up. The writer is not shut down
   * at the end.
   *
   * @return a future of the number of bytes copied
   */
  public static ThrowingFuture<Long, IOException> copy(AsyncRead reader, AsyncWrite writer) {
    return new Copy(Objects.requireNonNull(reader, "reader"), Objects.requireNonNull(writer, "writer"));
  }

  /** {@link #copy}'s future: read into the buffer when empty, write it out when not. */
  private static final class Copy extends IoFuture<Long> {
    private final AsyncRead reader;
    private final AsyncWrite writer;
    private final ByteBuffer buf = ByteBuffer.allocate(COPY_BUFFER).limit(0);
    private long total;
    private boolean readerWaiting;

    Copy(AsyncRead reader, AsyncWrite writer) {
      this.reader = reader;
      this.writer = writer;
    }

    @Override
    protected Poll<Long> attempt(Context cx) throws IOException {
      for (;;) {
        if (buf.hasRemaining()) {
          readerWaiting = false;
          int n = writer.pollWrite(cx, buf);
          if (n == AsyncRead.PENDING) {
            return Poll.pending();
          }
          total += n;
          continue;
        }
        buf.clear();
        int n = reader.pollRead(cx, buf);
        buf.flip();
        if (n == AsyncRead.PENDING) {
          readerWaiting = true;
          return Poll.pending();
        }
        if (n < 0) {
          return Poll.ready(total);
        }
      }
    }

    @Override
    protected void forget() {
      if (readerWaiting) {
        reader.cancelRead();
      } else {
        writer.cancelWrite();
      }
    }
  }
}
