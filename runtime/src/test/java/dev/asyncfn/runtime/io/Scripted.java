/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.runtime.io;

import dev.asyncfn.runtime.Context;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * An in-memory AsyncRead that answers from a script: chunks of bytes, with a pending answer (and
 * an immediate wake) between chunks, then end of stream. Counts pendings and cancelled waits.
 */
final class Scripted implements AsyncRead {
  private final Deque<byte[]> chunks = new ArrayDeque<>();
  private byte[] current;
  private int offset;
  private boolean pendingNext = true;
  int pendings;
  int cancels;

  Scripted(byte[]... chunks) {
    for (byte[] c : chunks) {
      this.chunks.add(c);
    }
  }

  @Override
  public int pollRead(Context cx, ByteBuffer dst) throws IOException {
    if (current == null || offset == current.length) {
      if (chunks.isEmpty()) {
        return -1;
      }
      if (pendingNext) {
        pendingNext = false;
        pendings++;
        cx.waker().wake();
        return PENDING;
      }
      pendingNext = true;
      current = chunks.poll();
      offset = 0;
    }
    int n = Math.min(dst.remaining(), current.length - offset);
    dst.put(current, offset, n);
    offset += n;
    return n;
  }

  @Override
  public void cancelRead() {
    cancels++;
  }
}
