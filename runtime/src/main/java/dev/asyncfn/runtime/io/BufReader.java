/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.runtime.io;

import dev.asyncfn.runtime.Context;
import dev.asyncfn.runtime.Poll;
import dev.asyncfn.runtime.ThrowingFuture;
import dev.asyncfn.runtime.internal.Sneaky;
import dev.asyncfn.runtime.stream.ThrowingStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * Buffers an {@link AsyncRead} and reads it line by line, like Tokio's {@code BufReader} with
 * {@code AsyncBufReadExt::read_line} and {@code lines()}.
 *
 * <p>A line ends at {@code \n}; the terminator (and a {@code \r} before it) is not part of the
 * returned string. The last line of a stream may lack the terminator. Bytes are decoded with the
 * charset given (UTF-8 by default) once the whole line is in, so a multi-byte character split
 * across reads decodes correctly. The reader is itself an {@code AsyncRead}: bytes buffered but not
 * yet consumed by {@code readLine} are read first.
 *
 * <h2>Example</h2>
 *
 * <pre>{@code
 * BufReader in = new BufReader(stream);
 * for (String line; (line = await(in.readLine())) != null; ) {
 *   await(stream.writeAll((line + "\n").getBytes(UTF_8)));
 * }
 * }</pre>
 *
 * <h2>Thread safety</h2>
 *
 * Not thread-safe: one task reads.
 *
 * <h2>Cancellation</h2>
 *
 * {@code readLine}, {@code lines().next()} and a pending poll of {@code lines()} are cancel-safe: a partial line stays buffered in the
 * reader and the next {@code readLine} returns it whole.
 *
 * <h2>Throws</h2>
 *
 * The source's {@link IOException}, unchanged.
 */
public final class BufReader implements AsyncRead {
  /** Default buffer size, as Tokio's. */
  public static final int DEFAULT_CAPACITY = 8 * 1024;

  private final AsyncRead source;
  private final Charset charset;
  /** Read-mode view of buffered, unconsumed bytes: between position and limit. */
  private final ByteBuffer buf;
  /** The partial line gathered so far, kept here (not in a future) so cancelling loses nothing. */
  private byte[] line = new byte[128];
  private int lineLength;
  private boolean eof;

  /** A reader over {@code source} decoding lines as UTF-8. */
  public BufReader(AsyncRead source) {
    this(source, DEFAULT_CAPACITY, StandardCharsets.UTF_8);
  }

  /** A reader over {@code source} with a buffer of {@code capacity} bytes and a line charset. */
  public BufReader(AsyncRead source, int capacity, Charset charset) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
    }
    this.source = Objects.requireNonNull(source, "source");
    this.charset = Objects.requireNonNull(charset, "charset");
    this.buf = ByteBuffer.allocate(capacity).limit(0);
  }

  /**
   * A future of the next line without its terminator, or {@code null} at end of stream.
   * Cancel-safe.
   */
  public ThrowingFuture<String, IOException> readLine() {
    return new IoFuture<>() {
      @Override
      protected Poll<String> attempt(Context cx) throws IOException {
        return pollLine(cx);
      }

      @Override
      protected void forget() {
        source.cancelRead();
      }
    };
  }

  /**
   * The lines as a stream (Tokio's {@code Lines}): each element is the next line without its
   * terminator, and the stream ends at the end of the source. A view of this reader: {@code
   * next()} is a {@link #readLine()}, and closing the view forgets a pending read but leaves the
   * reader and its source open (close the source yourself). Cancel-safe like {@code readLine}: a
   * partial line stays buffered in the reader.
   */
  public ThrowingStream<String, IOException> lines() {
    return new Lines();
  }

  /** {@link #lines()}: polls {@link #pollLine} directly, so a line costs its string and poll. */
  private final class Lines implements ThrowingStream<String, IOException> {
    @Override
    public Poll<String> pollNext(Context cx) {
      try {
        return pollLine(cx);
      } catch (IOException e) {
        throw Sneaky.raise(e);
      }
    }

    @Override
    public ThrowingFuture<String, IOException> next() {
      return readLine();
    }

    @Override
    public void close() {
      source.cancelRead();
    }

    @Override
    public String toString() {
      return "lines of " + source;
    }
  }

  /** Number of bytes buffered and not consumed yet. */
  public int buffered() {
    return buf.remaining();
  }

  private Poll<String> pollLine(Context cx) throws IOException {
    for (;;) {
      int start = buf.position();
      int end = buf.limit();
      byte[] a = buf.array();
      for (int i = start; i < end; i++) {
        if (a[i] == '\n') {
          append(a, start, i - start);
          buf.position(i + 1);
          return Poll.ready(takeLine());
        }
      }
      append(a, start, end - start);
      buf.position(end);
      if (eof) {
        return Poll.ready(lineLength == 0 ? null : takeLine());
      }
      int n = fill(cx);
      if (n == AsyncRead.PENDING) {
        return Poll.pending();
      }
      if (n < 0) {
        eof = true;
      }
    }
  }

  private void append(byte[] a, int off, int len) {
    if (lineLength + len > line.length) {
      line = Arrays.copyOf(line, Math.max(line.length * 2, lineLength + len));
    }
    System.arraycopy(a, off, line, lineLength, len);
    lineLength += len;
  }

  private String takeLine() {
    int n = lineLength;
    if (n > 0 && line[n - 1] == '\r') {
      n--;
    }
    String s = new String(line, 0, n, charset);
    lineLength = 0;
    return s;
  }

  /** Refills the empty buffer from the source. */
  private int fill(Context cx) throws IOException {
    buf.clear();
    int n = source.pollRead(cx, buf);
    buf.flip();
    return n;
  }

  @Override
  public int pollRead(Context cx, ByteBuffer dst) throws IOException {
    if (!dst.hasRemaining()) {
      return 0;
    }
    if (lineLength > 0) {
      // Bytes gathered by a cancelled readLine come first, in order.
      int n = Math.min(lineLength, dst.remaining());
      dst.put(line, 0, n);
      System.arraycopy(line, n, line, 0, lineLength - n);
      lineLength -= n;
      return n;
    }
    if (!buf.hasRemaining()) {
      if (eof) {
        return -1;
      }
      if (dst.remaining() >= buf.capacity()) {
        // A large read gains nothing from the buffer: read directly.
        return source.pollRead(cx, dst);
      }
      int n = fill(cx);
      // PENDING is negative too: test it before end-of-stream.
      if (n == AsyncRead.PENDING) {
        return n;
      }
      if (n < 0) {
        eof = true;
        return -1;
      }
    }
    int n = Math.min(buf.remaining(), dst.remaining());
    int oldLimit = buf.limit();
    buf.limit(buf.position() + n);
    dst.put(buf);
    buf.limit(oldLimit);
    return n;
  }

  @Override
  public void cancelRead() {
    source.cancelRead();
  }
}
