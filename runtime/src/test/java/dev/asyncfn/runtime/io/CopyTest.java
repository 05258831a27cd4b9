/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.runtime.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.asyncfn.runtime.Context;
import dev.asyncfn.runtime.Future;
import dev.asyncfn.runtime.Futures;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Io.copy and writeAll against a sink that takes a few bytes at a time and is often pending. */
class CopyTest {

  /** Accepts at most {@code max} bytes per write, pending (with a wake) every other call. */
  static final class Trickle implements AsyncWrite {
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final int max;
    boolean pendingNext;
    int pendings;
    int cancels;
    int largestHeld;

    Trickle(int max) {
      this.max = max;
    }

    @Override
    public int pollWrite(Context cx, ByteBuffer src) {
      largestHeld = Math.max(largestHeld, src.remaining());
      if (pendingNext) {
        pendingNext = false;
        pendings++;
        cx.waker().wake();
        return AsyncRead.PENDING;
      }
      pendingNext = true;
      int n = Math.min(max, src.remaining());
      byte[] b = new byte[n];
      src.get(b);
      out.write(b, 0, n);
      return n;
    }

    @Override
    public void cancelWrite() {
      cancels++;
    }
  }

  @Test
  void copyMovesEveryByteInOrderThroughABoundedBuffer() throws Exception {
    byte[] data = new byte[100_000];
    new Random(1).nextBytes(data);
    byte[][] chunks = new byte[10][];
    for (int i = 0; i < 10; i++) {
      chunks[i] = java.util.Arrays.copyOfRange(data, i * 10_000, (i + 1) * 10_000);
    }
    Trickle sink = new Trickle(777);
    long n = Futures.blockOn(Io.copy(new Scripted(chunks), sink));
    assertEquals(data.length, n);
    assertArrayEquals(data, sink.out.toByteArray());
    assertTrue(sink.pendings > 0);
    assertTrue(sink.largestHeld <= Io.COPY_BUFFER, "never more than one buffer in flight");
  }

  @Test
  void writeAllHandlesPartialWritesAndIsNotDoneUntilTheLastByte() throws Exception {
    byte[] data = new byte[5_000];
    new Random(2).nextBytes(data);
    Trickle sink = new Trickle(100);
    ByteBuffer src = ByteBuffer.wrap(data);
    Future<Void> all = sink.writeAll(src);
    Futures.blockOn(all);
    assertEquals(0, src.remaining());
    assertArrayEquals(data, sink.out.toByteArray());
    assertEquals(0, Futures.blockOn(sink.write(ByteBuffer.allocate(0))));
  }

  @Test
  void cancellingAPendingCopyOrWriteForgetsTheWaiterOnce() throws Exception {
    Trickle sink = new Trickle(1);
    Future<Void> all = sink.writeAll(new byte[10]);
    assertTrue(all.poll(Context.noop()).isPending());
    all.cancel();
    all.cancel();
    assertEquals(1, sink.cancels);

    Scripted source = new Scripted(new byte[] {1});
    Future<Long> copy = Io.copy(source, new Trickle(1));
    assertTrue(copy.poll(Context.noop()).isPending());   // the source's first answer is pending
    copy.cancel();
    assertEquals(1, source.cancels);
  }

  @Test
  void aFailingWriterFailsTheCopyWithItsException() throws Exception {
    IOException broken = new IOException("Broken pipe");
    AsyncWrite failing = (cx, src) -> {
      throw broken;
    };
    assertEquals(broken, assertThrows(IOException.class,
        () -> Futures.blockOn(Io.copy(new Scripted(new byte[] {1}), failing))));
  }
}
