/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.runtime.io;

import dev.asyncfn.runtime.Context;
import dev.asyncfn.runtime.Poll;
import java.io.IOException;
import java.nio.ByteBuffer;

/** {@link AsyncWrite#write(ByteBuffer)}. */
final class WriteFuture extends IoFuture<Integer> {
  private final AsyncWrite sink;
  private final ByteBuffer src;

  WriteFuture(AsyncWrite sink, ByteBuffer src) {
    this.sink = sink;
    this.src = src;
  }

  @Override
  protected Poll<Integer> attempt(Context cx) throws IOException {
    int n = sink.pollWrite(cx, src);
    return n == AsyncRead.PENDING ? Poll.pending() : Poll.ready(n);
  }

  @Override
  protected void forget() {
    sink.cancelWrite();
  }
}
