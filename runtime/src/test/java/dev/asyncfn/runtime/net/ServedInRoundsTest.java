/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.runtime.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.asyncfn.runtime.JoinHandle;
import dev.asyncfn.runtime.AsyncRuntime;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * More ready connections than a worker's run queue holds (256) must still be served in rounds: a
 * one-byte ping-pong on each of 1,000 connections, driven by a plain NIO client thread with one
 * byte in flight per connection, until 30,000 replies. A server that took in new readiness ahead
 * of the tasks it spilled to the injector served a few hundred connections over and over while the
 * rest waited (seen as a 300 ms p99 at a 3 ms p50 in the echo benchmark); in rounds, the
 * least-served connection gets close to the mean number of replies.
 */
class ServedInRoundsTest {
  private static final int CONNECTIONS = 1_000;
  private static final int REPLIES = 30 * CONNECTIONS;

  @ParameterizedTest
  @ValueSource(strings = {"one-worker", "multi"})
  void everyConnectionIsServedAboutEqually(String flavour) {
    assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
      try (NetRuntime net = new NetRuntime(flavour)) {
        AsyncRuntime rt = net.rt;
        TcpListener listener = rt.blockOn(TcpListener.bind("127.0.0.1", 0));
        int port = listener.localAddr().getPort();
        JoinHandle<Void> server =
            rt.spawn(
                Steps.closing(
                    listener, EchoTest.acceptLoop(listener, CONNECTIONS, new AtomicLong())));

        int[] replies = pingPong(port);

        rt.blockOn(server);
        int min = Arrays.stream(replies).min().orElseThrow();
        int max = Arrays.stream(replies).max().orElseThrow();
        int mean = REPLIES / CONNECTIONS;
        // Served in rounds, the least-served connection stays near the mean (18 to 23 of 30
        // seen). Under the old order (new readiness ahead of the spilled tasks) the burst of
        // 1,000 connections starting at once left some with 5 or 6 in about half the runs:
        // this catches a regression often, not always. The most-served one is not bounded:
        // Io.copy loops while its reads are ready, and even with the cooperative budget one
        // poll may echo 64 times (128 reads and writes) before it yields, so a connection
        // whose client answers at once can get far past the mean (94 of 30 seen on JDK 17);
        // CoopBudgetTest checks the budget itself.
        assertTrue(
            min >= mean / 3,
            "replies per connection: least " + min + ", mean " + mean + ", most " + max);
      }
    });
  }

  /** One byte in flight per connection until {@link #REPLIES} came back; replies per connection. */
  private static int[] pingPong(int port) throws Exception {
    int[] replies = new int[CONNECTIONS];
    SocketChannel[] channels = new SocketChannel[CONNECTIONS];
    ByteBuffer one = ByteBuffer.allocate(1);
    ByteBuffer in = ByteBuffer.allocate(64);
    try (Selector selector = Selector.open()) {
      try {
        for (int i = 0; i < CONNECTIONS; i++) {
          SocketChannel c = SocketChannel.open(new InetSocketAddress("127.0.0.1", port));
          channels[i] = c;
          c.setOption(StandardSocketOptions.TCP_NODELAY, true);
          c.configureBlocking(false);
          c.register(selector, SelectionKey.OP_READ, i);
        }
        // All start at once, so the server sees more readiness than a run queue holds.
        for (SocketChannel c : channels) {
          assertEquals(1, c.write(one.clear()));
        }
        int total = 0;
        while (total < REPLIES) {
          selector.select();
          for (SelectionKey key : selector.selectedKeys()) {
            SocketChannel c = (SocketChannel) key.channel();
            int n = c.read(in.clear());
            assertTrue(n > 0, "the server closed a connection");
            replies[(Integer) key.attachment()] += n;
            total += n;
            assertEquals(n, c.write(ByteBuffer.wrap(new byte[n])));
          }
          selector.selectedKeys().clear();
        }
        return replies;
      } finally {
        for (SocketChannel c : channels) {
          if (c != null) {
            c.close();
          }
        }
      }
    }
  }
}
