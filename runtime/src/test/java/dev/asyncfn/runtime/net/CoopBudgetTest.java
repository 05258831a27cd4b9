/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.runtime.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.asyncfn.runtime.Context;
import dev.asyncfn.runtime.Future;
import dev.asyncfn.runtime.Futures;
import dev.asyncfn.runtime.JoinHandle;
import dev.asyncfn.runtime.Poll;
import dev.asyncfn.runtime.AsyncRuntime;
import dev.asyncfn.runtime.internal.Sneaky;
import dev.asyncfn.runtime.io.AsyncRead;
import java.io.EOFException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The cooperative budget: a task whose socket is always ready (32 KiB already received, read one
 * byte per call in a loop that never yields by itself) must still let the other task of its thread
 * run long before it is done. Without the budget its first poll reads all 32,768 bytes.
 */
class CoopBudgetTest {
  private static final int BYTES = 32 * 1024;

  @ParameterizedTest
  @ValueSource(strings = {"current", "one-worker"})
  void anAlwaysReadySocketDoesNotKeepItsThread(String flavour) {
    assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
      try (NetRuntime net = new NetRuntime(flavour)) {
        AsyncRuntime rt = net.rt;
        TcpListener listener = rt.blockOn(TcpListener.bind("127.0.0.1", 0));
        InetSocketAddress address = new InetSocketAddress("127.0.0.1", listener.localAddr().getPort());
        try (listener;
            SocketChannel peer = SocketChannel.open(address);
            TcpStream stream = rt.blockOn(listener.accept())) {
          ByteBuffer data = ByteBuffer.allocate(BYTES);
          while (data.hasRemaining()) {
            peer.write(data);
          }
          AtomicBoolean otherRan = new AtomicBoolean();
          int[] readWhenSeen = {-1};
          JoinHandle<Integer> reader = rt.spawn(byteByByte(stream, otherRan, readWhenSeen));
          rt.spawn(Futures.lazy(() -> otherRan.getAndSet(true)));

          assertEquals(BYTES, rt.blockOn(reader));
          assertTrue(
              readWhenSeen[0] >= 0 && readWhenSeen[0] < BYTES / 4,
              "the other task ran only after " + readWhenSeen[0] + " of " + BYTES + " bytes");
        }
        net.assertNoKeys();
      }
    });
  }

  /** Reads {@link #BYTES} one byte per call, noting how many it had when {@code other} was set. */
  private static Future<Integer> byteByByte(
      TcpStream stream, AtomicBoolean other, int[] readWhenSeen) {
    return new Future<>() {
      private final ByteBuffer one = ByteBuffer.allocate(1);
      private int read;

      @Override
      public Poll<Integer> poll(Context cx) {
        try {
          while (read < BYTES) {
            if (readWhenSeen[0] < 0 && other.get()) {
              readWhenSeen[0] = read;
            }
            int n = stream.pollRead(cx, one.clear());
            if (n == AsyncRead.PENDING) {
              return Poll.pending();
            }
            if (n < 0) {
              throw new EOFException("end of stream after " + read + " bytes");
            }
            read += n;
          }
          return Poll.ready(read);
        } catch (IOException e) {
          throw Sneaky.raise(e);
        }
      }

      @Override
      public void cancel() {
        stream.cancelRead();
      }
    };
  }
}
