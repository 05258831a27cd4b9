/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.runtime.net;

import static dev.asyncfn.runtime.net.Steps.closing;
import static dev.asyncfn.runtime.net.Steps.map;
import static dev.asyncfn.runtime.net.Steps.then;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.asyncfn.runtime.Context;
import dev.asyncfn.runtime.Future;
import dev.asyncfn.runtime.Futures;
import dev.asyncfn.runtime.JoinHandle;
import dev.asyncfn.runtime.Poll;
import dev.asyncfn.runtime.AsyncRuntime;
import dev.asyncfn.runtime.Tasks;
import dev.asyncfn.runtime.io.Io;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * An echo server (one task per connection, {@code Io.copy} of the socket into itself) against
 * 1,000 concurrent clients, each sending a distinct payload of its own size and checking that
 * exactly its bytes come back.
 */
class EchoTest {
  private static final int CONNECTIONS = 1_000;

  @ParameterizedTest
  @ValueSource(strings = {"current", "multi"})
  void thousandConcurrentConnectionsGetTheirOwnBytesBack(String flavour) {
    assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
      try (NetRuntime net = new NetRuntime(flavour)) {
        AsyncRuntime rt = net.rt;
        TcpListener listener = rt.blockOn(TcpListener.bind("127.0.0.1", 0));
        int port = listener.localAddr().getPort();
        AtomicLong echoed = new AtomicLong();
        JoinHandle<Void> server = rt.spawn(closing(listener, acceptLoop(listener, CONNECTIONS, echoed)));

        List<JoinHandle<Integer>> clients = new ArrayList<>();
        long expected = 0;
        for (int i = 0; i < CONNECTIONS; i++) {
          byte[] payload = payload(i);
          expected += payload.length;
          clients.add(rt.spawn(client(port, payload)));
        }
        long received = 0;
        for (JoinHandle<Integer> h : clients) {
          received += rt.blockOn(h);
        }
        rt.blockOn(server);
        assertEquals(expected, received);
        assertEquals(expected, echoed.get());
        net.assertNoKeys();
      }
    });
  }

  /** Distinct content, sizes from 1 byte to 64 KiB. */
  static byte[] payload(int i) {
    Random r = new Random(i);
    int size = i % 10 == 0 ? 1 + i % 7 : 1 + r.nextInt(64 * 1024);
    byte[] b = new byte[size];
    r.nextBytes(b);
    b[0] = (byte) i;
    return b;
  }

  /** Accepts {@code count} connections, spawning an echo task for each. */
  static Future<Void> acceptLoop(TcpListener listener, int count, AtomicLong echoed) {
    return new Future<>() {
      int accepted;
      Future<TcpStream> accept;

      @Override
      public Poll<Void> poll(Context cx) {
        while (accepted < count) {
          if (accept == null) {
            accept = listener.accept();
          }
          Poll<TcpStream> p = accept.poll(cx);
          if (p.isPending()) {
            return Poll.pending();
          }
          accept = null;
          accepted++;
          TcpStream s = p.get();
          Tasks.spawn(closing(s, map(Io.copy(s, s), echoed::addAndGet)));
        }
        return Poll.ready(null);
      }

      @Override
      public void cancel() {
        if (accept != null) {
          accept.cancel();
        }
      }
    };
  }

  /** Connects, writes the payload while reading the echo on the other half, compares. */
  static Future<Integer> client(int port, byte[] payload) {
    return then(TcpStream.connect("127.0.0.1", port), c -> {
      TcpStream.Halves h = c.split();
      return closing(c, map(
          Futures.tryJoin(
              closing(h.writer(), h.writer().writeAll(payload)),
              closing(h.reader(), h.reader().readToEnd())),
          both -> {
            assertArrayEquals(payload, both.second(), "connection " + payload[0]);
            return both.second().length;
          }));
    });
  }
}
