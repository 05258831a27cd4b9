/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.runtime.io;

import dev.asyncfn.runtime.Context;
import dev.asyncfn.runtime.Poll;
import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * {@link AsyncWrite#writeAll(ByteBuffer)}: writes until the buffer is drained, waiting for
 * writability after each partial write, so at most the caller's buffer is ever held.
 */
final class WriteAllFuture extends IoFuture<Void> {
  private final AsyncWrite sink;
  private final ByteBuffer src;

  WriteAllFuture(AsyncWrite sink, ByteBuffer src) {
    this.sink = sink;
    this.src = src;
  }

  @Override
  protected Poll<Void> attempt(Context cx) throws IOException {
    while (src.hasRemaining()) {
      if (sink.pollWrite(cx, src) == AsyncRead.PENDING) {
        return Poll.pending();
      }
    }
    return Poll.ready(null);
  }

  @Override
  protected void forget() {
    sink.cancelWrite();
  }
}
