/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.runtime.io;

import dev.asyncfn.runtime.Context;
import dev.asyncfn.runtime.Poll;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;

/** {@link AsyncRead#readExact(ByteBuffer)}. */
final class ReadExactFuture extends IoFuture<Void> {
  private final AsyncRead source;
  private final ByteBuffer dst;

  ReadExactFuture(AsyncRead source, ByteBuffer dst) {
    this.source = source;
    this.dst = dst;
  }

  @Override
  protected Poll<Void> attempt(Context cx) throws IOException {
    while (dst.hasRemaining()) {
      int n = source.pollRead(cx, dst);
      if (n == AsyncRead.PENDING) {
        return Poll.pending();
      }
      if (n < 0) {
        throw new EOFException(
            "end of stream with " + dst.remaining() + " of the expected bytes still missing");
      }
    }
    return Poll.ready(null);
  }

  @Override
  protected void forget() {
    source.cancelRead();
  }
}
