/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.runtime.io;

import dev.asyncfn.runtime.Context;
import dev.asyncfn.runtime.Poll;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.function.Function;

/** {@link AsyncRead#readToEnd()} and {@code readToString}: reads into a growing array. */
final class ReadToEndFuture<T> extends IoFuture<T> {
  private final AsyncRead source;
  private final Function<byte[], T> finish;
  private ByteBuffer buf = ByteBuffer.allocate(1024);

  ReadToEndFuture(AsyncRead source, Function<byte[], T> finish) {
    this.source = source;
    this.finish = finish;
  }

  @Override
  protected Poll<T> attempt(Context cx) throws IOException {
    for (;;) {
      if (!buf.hasRemaining()) {
        buf = ByteBuffer.wrap(Arrays.copyOf(buf.array(), buf.capacity() * 2)).position(buf.position());
      }
      int n = source.pollRead(cx, buf);
      if (n == AsyncRead.PENDING) {
        return Poll.pending();
      }
      if (n < 0) {
        byte[] all = Arrays.copyOf(buf.array(), buf.position());
        buf = null;
        return Poll.ready(finish.apply(all));
      }
    }
  }

  @Override
  protected void forget() {
    source.cancelRead();
  }
}
