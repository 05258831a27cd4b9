/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.samples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.asyncfn.runtime.Future;
import dev.asyncfn.runtime.Futures;
import dev.asyncfn.runtime.AsyncRuntime;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The echo server on loopback: a thousand concurrent connections, a netcat-like session, stop. */
class EchoServerTest {

  /** Payload {@code i}: its index first, then bytes of a generator seeded with it; 8 B to 40 KB. */
  private static byte[] payload(int i) {
    byte[] bytes = new byte[8 + (int) ((i * 7919L) % 40_000)];
    new Random(i).nextBytes(bytes);
    ByteBuffer.wrap(bytes).putInt(i).putInt(bytes.length);
    return bytes;
  }

  @Test
  void thousandConcurrentConnectionsEachGetTheirOwnBytesBack() {
    assertTimeoutPreemptively(
        Duration.ofSeconds(40),
        () -> {
          try (Server server = EchoServer.start(0);
              AsyncRuntime clients = AsyncRuntime.builder().multiThread().workerThreads(2).build()) {
            int n = 1000;
            List<Future<byte[]>> roundTrips = new ArrayList<>();
            for (int i = 0; i < n; i++) {
              roundTrips.add(EchoClientAsync.roundTrip(server.port(), payload(i)));
            }
            // joinAll keeps every connection in flight at once on the client runtime.
            List<byte[]> echoes = clients.blockOn(Futures.joinAll(roundTrips));
            assertEquals(n, echoes.size());
            for (int i = 0; i < n; i++) {
              assertArrayEquals(payload(i), echoes.get(i), "connection " + i);
            }
          }
        });
  }

  @Test
  void netcatStyleLinesAndA300KilobyteBinary() {
    assertTimeoutPreemptively(
        Duration.ofSeconds(20),
        () -> {
          try (Server server = EchoServer.start(0)) {
            try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
              PrintWriter lines =
                  new PrintWriter(socket.getOutputStream(), true, StandardCharsets.UTF_8);
              BufferedReader echoes =
                  new BufferedReader(
                      new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
              for (String line : List.of("hello", "async world", "ünïcödé ✓")) {
                lines.println(line);
                assertEquals(line, echoes.readLine());
              }
            }
            byte[] binary = new byte[300 * 1024];
            new Random(42).nextBytes(binary);
            try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
              // Write on another thread while reading here, as netcat does.
              CompletableFuture<Void> writer =
                  CompletableFuture.runAsync(
                      () -> {
                        try {
                          OutputStream out = socket.getOutputStream();
                          out.write(binary);
                          socket.shutdownOutput();
                        } catch (Exception e) {
                          throw new RuntimeException(e);
                        }
                      });
              InputStream in = socket.getInputStream();
              byte[] back = in.readAllBytes();
              writer.join();
              assertArrayEquals(binary, back);
            }
          }
        });
  }

  @Test
  void stoppingTheServerClosesTheListenerAndItsConnections() {
    assertTimeoutPreemptively(
        Duration.ofSeconds(20),
        () -> {
          Server server = EchoServer.start(0);
          int port = server.port();
          try (Socket open = new Socket(InetAddress.getLoopbackAddress(), port)) {
            open.getOutputStream().write("x\n".getBytes(StandardCharsets.UTF_8));
            assertEquals('x', open.getInputStream().read());
            server.close();
            // The connection task was cancelled and closed its socket: this side reads the end.
            InputStream in = open.getInputStream();
            assertEquals('\n', in.read());
            assertEquals(-1, in.read());
            assertEquals(0, server.openSockets(), "a cancelled task's finally closes its socket");
          }
          Loopback.assertNobodyListens(port);
        });
  }

  @Test
  void echoClientSampleTalksToTheServer() throws Exception {
    try (Server server = EchoServer.start(0)) {
      MainTest.Run r =
          MainTest.run("echo-client", "--port", String.valueOf(server.port()), "one", "two");
      assertEquals(0, r.code(), r.out());
      assertEquals(
          "sent 'one', got back 'one'\nsent 'two', got back 'two'\n",
          r.out().replace("\r\n", "\n"));
    }
  }
}
