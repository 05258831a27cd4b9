/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.runtime.io;

import dev.asyncfn.runtime.Context;
import dev.asyncfn.runtime.ThrowingFuture;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * A source of bytes read asynchronously, like Tokio's {@code AsyncRead} with {@code
 * AsyncReadExt}'s helpers: implement {@link #pollRead}, get {@code read}, {@code readExact}, {@code
 * readToEnd} and {@code readToString} futures for free.
 *
 * <h2>Example</h2>
 *
 * <pre>{@code
 * ByteBuffer buf = ByteBuffer.allocate(4096);
 * int n = await(stream.read(buf));      // -1 at end of stream
 * byte[] rest = await(stream.readToEnd());
 * }</pre>
 *
 * <h2>Thread safety</h2>
 *
 * One reader at a time: a source keeps a single read-side waiter, so two tasks reading the same
 * source concurrently steal each other's wake-ups. (Reading and writing a socket from two tasks at
 * once is fine: see {@code TcpStream.split()}.)
 *
 * <h2>Cancellation</h2>
 *
 * Cancelling a pending read future calls {@link #cancelRead()}, which forgets its waiter. {@code
 * read} is cancel-safe (no byte was consumed if it did not complete); {@code readExact}, {@code
 * readToEnd} and {@code readToString} are not (bytes already read into the buffer are dropped
 * with the future).
 *
 * <h2>Throws</h2>
 *
 * Every future fails with the {@link IOException} of the underlying operation, unchanged. A closed
 * peer is not an error: {@code read} gives {@code -1}.
 */
public interface AsyncRead {

  /** What {@link #pollRead} returns when it arranged a wake-up instead of reading. */
  int PENDING = Integer.MIN_VALUE;

  /**
   * Poll-level read (Rust's {@code poll_read}): reads available bytes into {@code dst} without
   * blocking.
   *
   * @return the number of bytes read ({@code 0} only when {@code dst} has no room), {@code -1} at
   *     end of stream, or {@link #PENDING} after arranging for {@code cx.waker()} to be woken
   * @throws IOException if the read fails
   */
  int pollRead(Context cx, ByteBuffer dst) throws IOException;

  /** Forgets the read-side waiter; called when a pending read future is cancelled. */
  default void cancelRead() {}

  /**
   * Reads what is available (at least one byte, waiting if none is) into {@code dst}.
   *
   * @return a future of the number of bytes read, or {@code -1} at end of stream. Cancel-safe.
   */
  default ThrowingFuture<Integer, IOException> read(ByteBuffer dst) {
    return new ReadFuture(this, dst);
  }

  /** {@link #read(ByteBuffer)} into {@code b[off, off + len)}. */
  default ThrowingFuture<Integer, IOException> read(byte[] b, int off, int len) {
    return read(ByteBuffer.wrap(b, off, len));
  }

  /**
   * Fills {@code dst} completely.
   *
   * @return a future that fails with {@link EOFException} if the stream ends first. Not
   *     cancel-safe.
   */
  default ThrowingFuture<Void, IOException> readExact(ByteBuffer dst) {
    return new ReadExactFuture(this, dst);
  }

  /** {@link #readExact(ByteBuffer)} into the whole of {@code b}. */
  default ThrowingFuture<Void, IOException> readExact(byte[] b) {
    return readExact(ByteBuffer.wrap(b));
  }

  /** Reads until end of stream; a future of every byte read. Not cancel-safe. */
  default ThrowingFuture<byte[], IOException> readToEnd() {
    return new ReadToEndFuture<>(this, bytes -> bytes);
  }

  /** Reads until end of stream and decodes the bytes as UTF-8. Not cancel-safe. */
  default ThrowingFuture<String, IOException> readToString() {
    return readToString(StandardCharsets.UTF_8);
  }

  /** Reads until end of stream and decodes the bytes with {@code charset}. Not cancel-safe. */
  default ThrowingFuture<String, IOException> readToString(Charset charset) {
    return new ReadToEndFuture<>(this, bytes -> new String(bytes, charset));
  }
}
