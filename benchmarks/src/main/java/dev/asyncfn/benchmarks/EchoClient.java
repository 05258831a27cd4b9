/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.benchmarks;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.Arrays;
import java.util.Iterator;

/**
 * The echo load client: one thread, one selector, {@code C} connections, each with one 64-byte
 * message in flight (sent, echoed back in full, then the next). A single-threaded NIO client costs
 * little per message, so it does not cap the servers the way a thread-per-connection client does.
 *
 * <p>The latencies are those of the replies received in the measured window, plus, for each
 * message sent before the window and still unanswered at its end, the age it reached: a server
 * that leaves some connections unserved must not show only the latencies of those it serves.
 * Those connections are also counted ("connections unanswered": no reply in the window).
 *
 * <p>{@code java -cp benchmarks.jar dev.asyncfn.benchmarks.EchoClient SUBJECT PORT CONNECTIONS
 * WARMUP_S MEASURE_S}. Prints result lines: messages per second and p50/p99 round-trip latency.
 */
public final class EchoClient {
  private static final int MESSAGE = 64;

  private EchoClient() {}

  /** Per connection: the buffer being sent or received, and when the message was sent. */
  private static final class Conn {
    final SocketChannel channel;
    final ByteBuffer out = ByteBuffer.allocate(MESSAGE);
    final ByteBuffer in = ByteBuffer.allocate(MESSAGE);
    long sentAt;
    /** Replies received in the measured window. */
    int answered;

    Conn(SocketChannel channel, int id) {
      this.channel = channel;
      for (int i = 0; i < MESSAGE; i++) {
        out.put(i, (byte) (id + i));
      }
    }
  }

  public static void main(String[] args) throws IOException {
    String subject = args[0];
    int port = Integer.parseInt(args[1]);
    int connections = Integer.parseInt(args[2]);
    long warmupNanos = (long) (Double.parseDouble(args[3]) * 1e9);
    long measureNanos = (long) (Double.parseDouble(args[4]) * 1e9);
    InetSocketAddress address = new InetSocketAddress("127.0.0.1", port);

    try (Selector selector = Selector.open()) {
      Conn[] conns = new Conn[connections];
      for (int i = 0; i < connections; i++) {
        SocketChannel ch = SocketChannel.open(address);
        ch.setOption(StandardSocketOptions.TCP_NODELAY, true);
        ch.configureBlocking(false);
        conns[i] = new Conn(ch, i);
        ch.register(selector, SelectionKey.OP_READ, conns[i]);
      }
      for (Conn c : conns) {
        send(c, selector);
      }
      long[] latencies = new long[1 << 22];
      int samples = 0;
      long messages = 0;
      long start = System.nanoTime();
      long measureFrom = start + warmupNanos;
      long end = measureFrom + measureNanos;
      long now = start;
      while (now < end) {
        selector.select(100);
        Iterator<SelectionKey> keys = selector.selectedKeys().iterator();
        now = System.nanoTime();
        while (keys.hasNext()) {
          SelectionKey key = keys.next();
          keys.remove();
          Conn c = (Conn) key.attachment();
          if (key.isWritable()) {
            c.channel.write(c.out);
            if (!c.out.hasRemaining()) {
              key.interestOps(SelectionKey.OP_READ);
            }
          }
          if (key.isReadable()) {
            if (c.channel.read(c.in) < 0) {
              throw new IOException("server closed a connection");
            }
            if (!c.in.hasRemaining()) {
              c.in.flip();
              if (!c.in.equals(c.out.flip())) {
                throw new IOException("echo mismatch");
              }
              if (now >= measureFrom) {
                c.answered++;
                messages++;
                if (samples < latencies.length) {
                  latencies[samples++] = now - c.sentAt;
                }
              }
              send(c, selector);
            }
          }
        }
      }
      int unanswered = 0;
      for (Conn c : conns) {
        if (c.answered == 0) {
          unanswered++;
        }
        if (c.sentAt < measureFrom && samples < latencies.length) {
          latencies[samples++] = now - c.sentAt; // waited the whole window at least
        }
      }
      long[] sorted = Arrays.copyOf(latencies, samples);
      Arrays.sort(sorted);
      String name = subject + " (" + connections + " conns)";
      Results.emit("echo", name, "throughput", messages / (measureNanos / 1e9), "msg/s", true);
      Results.emit("echo", name, "latency p50", Results.quantile(sorted, 0.50) / 1e6, "ms", false);
      Results.emit("echo", name, "latency p99", Results.quantile(sorted, 0.99) / 1e6, "ms", false);
      Results.emit("echo", name, "connections unanswered", unanswered, "conns", false);
      for (Conn c : conns) {
        c.channel.close();
      }
    }
  }

  private static void send(Conn c, Selector selector) throws IOException {
    c.out.clear();
    c.in.clear();
    c.sentAt = System.nanoTime();
    c.channel.write(c.out);
    if (c.out.hasRemaining()) {
      c.channel.keyFor(selector).interestOps(SelectionKey.OP_READ | SelectionKey.OP_WRITE);
    }
  }
}
