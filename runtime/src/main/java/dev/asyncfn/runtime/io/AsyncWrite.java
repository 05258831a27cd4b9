/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.runtime.io;

import dev.asyncfn.runtime.Context;
import dev.asyncfn.runtime.ThrowingFuture;
import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * A sink of bytes written asynchronously, like Tokio's {@code AsyncWrite} with {@code
 * AsyncWriteExt}'s helpers: implement {@link #pollWrite}, get {@code write} and {@code writeAll}.
 *
 * <h2>Example</h2>
 *
 * <pre>{@code
 * await(stream.writeAll("hello\n".getBytes(UTF_8)));
 * }</pre>
 *
 * <h2>Backpressure</h2>
 *
 * Nothing is buffered here: {@code writeAll} writes what the socket accepts and waits for it to
 * become writable again, so a slow reader slows the writer instead of growing a buffer.
 *
 * <h2>Thread safety</h2>
 *
 * One writer at a time (a single write-side waiter).
 *
 * <h2>Cancellation</h2>
 *
 * Cancelling a pending write future calls {@link #cancelWrite()}. {@code write} is cancel-safe
 * (nothing was written if it did not complete); {@code writeAll} is not: a prefix of the buffer may
 * have been written (the buffer's position tells how much).
 *
 * <h2>Throws</h2>
 *
 * Every future fails with the {@link IOException} of the underlying operation, unchanged (e.g.
 * "Broken pipe" when the peer has gone).
 */
public interface AsyncWrite {

  /**
   * Poll-level write (Rust's {@code poll_write}): writes what the sink accepts now from {@code src}.
   *
   * @return the number of bytes written ({@code 0} only when {@code src} is empty), or {@link
   *     AsyncRead#PENDING} after arranging for {@code cx.waker()} to be woken once writable
   * @throws IOException if the write fails
   */
  int pollWrite(Context cx, ByteBuffer src) throws IOException;

  /** Forgets the write-side waiter; called when a pending write future is cancelled. */
  default void cancelWrite() {}

  /** Writes some of {@code src}, waiting until at least one byte can be; cancel-safe. */
  default ThrowingFuture<Integer, IOException> write(ByteBuffer src) {
    return new WriteFuture(this, src);
  }

  /** {@link #write(ByteBuffer)} from {@code b[off, off + len)}. */
  default ThrowingFuture<Integer, IOException> write(byte[] b, int off, int len) {
    return write(ByteBuffer.wrap(b, off, len));
  }

  /** Writes every remaining byte of {@code src}, however many writes it takes; not cancel-safe. */
  default ThrowingFuture<Void, IOException> writeAll(ByteBuffer src) {
    return new WriteAllFuture(this, src);
  }

  /** {@link #writeAll(ByteBuffer)} of the whole of {@code b}. */
  default ThrowingFuture<Void, IOException> writeAll(byte[] b) {
    return writeAll(ByteBuffer.wrap(b));
  }
}
