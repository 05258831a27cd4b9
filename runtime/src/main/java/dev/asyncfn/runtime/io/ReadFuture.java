/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.runtime.io;

import dev.asyncfn.runtime.Context;
import dev.asyncfn.runtime.Poll;
import java.io.IOException;
import java.nio.ByteBuffer;

/** {@link AsyncRead#read(ByteBuffer)}. */
final class ReadFuture extends IoFuture<Integer> {
  private final AsyncRead source;
  private final ByteBuffer dst;

  ReadFuture(AsyncRead source, ByteBuffer dst) {
    this.source = source;
    this.dst = dst;
  }

  @Override
  protected Poll<Integer> attempt(Context cx) throws IOException {
    int n = source.pollRead(cx, dst);
    return n == AsyncRead.PENDING ? Poll.pending() : Poll.ready(n);
  }

  @Override
  protected void forget() {
    source.cancelRead();
  }
}
