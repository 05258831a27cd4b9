/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.samples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The echo and chat servers under faulty peers: clients that reset the connection (a close with
 * {@code SO_LINGER} 0) while the server waits to read or is writing to them, clients that
 * half-close, a client that never reads. The servers keep serving the others, close what each
 * connection opened (their {@link OpenSockets} back to the listener alone), and once stopped the
 * process has the file descriptors it had before the server started ({@code /proc/self/fd}).
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ServerFaultsTest {

  @BeforeAll
  static void startAndStopEachServerOnce() throws IOException {
    // Class-path jars and the JDK's lazily opened descriptors stay open: part of the baseline.
    try (Server echo = EchoServer.start(0);
        Server chat = ChatServer.start(0)) {
      echoRoundTrip(echo.port(), "warm-up".getBytes(StandardCharsets.UTF_8));
      try (Chat c = new Chat(chat.port())) {
        c.send("join warm");
        c.expect("joined warm");
      }
    }
  }

  private static long fds() throws IOException {
    assumeTrue(Files.isDirectory(Path.of("/proc/self/fd")), "counts /proc/self/fd (Linux)");
    try (Stream<Path> s = Files.list(Path.of("/proc/self/fd"))) {
      return s.count();
    }
  }

  /**
   * No more descriptors open than before the test: fewer is fine (what an earlier test closed
   * meanwhile), more is a leak.
   */
  private static void assertNoMoreDescriptorsThan(long before) throws IOException {
    long now = fds();
    assertTrue(
        now <= before,
        () -> now + " descriptors open after the server stopped, " + before + " before");
  }

  /** Closes {@code s} so that the peer gets a reset (RST), not an end of stream. */
  private static void reset(Socket s) throws IOException {
    s.setSoLinger(true, 0);
    s.close();
  }

  /**
   * Waits until {@code count} reaches {@code expected}: a server closes a connection's socket in
   * the connection's task, a moment after the reset arrived. Spins, bounded; no sleep.
   */
  private static void awaitCount(IntSupplier count, int expected, String what) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (count.getAsInt() != expected) {
      assertTrue(
          System.nanoTime() < deadline, what + ": " + count.getAsInt() + ", not " + expected);
      Thread.yield();
    }
  }

  private static Socket connect(int port) throws IOException {
    Socket s = new Socket();
    s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5_000);
    s.setSoTimeout(20_000);
    return s;
  }

  private static void echoRoundTrip(int port, byte[] payload) throws IOException {
    try (Socket s = connect(port)) {
      s.getOutputStream().write(payload);
      s.shutdownOutput(); // half-close: the echo still comes back, whole
      assertArrayEquals(payload, s.getInputStream().readAllBytes());
    }
  }

  @Test
  void theEchoServerSurvivesResetsWhileReadingAndWritingAndClosesTheirSockets() throws Exception {
    long before = fds();
    try (Server server = EchoServer.start(0)) {
      int port = server.port();
      // Reset while the server waits to read: the echo of the first bytes came back, so the
      // connection's task is waiting for more when the reset arrives.
      for (int i = 0; i < 20; i++) {
        Socket s = connect(port);
        s.getOutputStream().write(("hello " + i + "\n").getBytes(StandardCharsets.UTF_8));
        byte[] echo = new byte[("hello " + i + "\n").length()];
        int n = s.getInputStream().readNBytes(echo, 0, echo.length);
        assertEquals(echo.length, n);
        reset(s);
      }
      // Reset while the server writes: the client sends a megabyte and reads none of the echo,
      // with a small receive window, so the server's writes fill the window and wait.
      for (int i = 0; i < 5; i++) {
        Socket s = new Socket();
        s.setReceiveBufferSize(4096);
        s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5_000);
        OutputStream out = s.getOutputStream();
        byte[] chunk = new byte[64 * 1024];
        new Random(i).nextBytes(chunk);
        Thread writer =
            new Thread(
                () -> {
                  try {
                    for (int k = 0; k < 16; k++) {
                      out.write(chunk);
                    }
                  } catch (IOException expected) {
                    // the reset below ends this write
                  }
                });
        writer.start();
        reset(s);
        writer.join(TimeUnit.SECONDS.toMillis(20));
      }
      awaitCount(server::openSockets, 1, "sockets open besides the listener");
      byte[] big = new byte[300 * 1024];
      new Random(7).nextBytes(big);
      echoRoundTrip(port, big); // and it still serves, whole payloads
    }
    assertNoMoreDescriptorsThan(before);
  }

  /** One chat client on a plain socket. */
  private static final class Chat implements AutoCloseable {
    final Socket socket;
    final BufferedReader in;
    final PrintWriter out;

    Chat(int port) throws IOException {
      this(port, 0);
    }

    Chat(int port, int receiveBuffer) throws IOException {
      socket = new Socket();
      if (receiveBuffer > 0) {
        socket.setReceiveBufferSize(receiveBuffer);
      }
      socket.setTcpNoDelay(true);
      socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5_000);
      socket.setSoTimeout(20_000);
      in =
          new BufferedReader(
              new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
      out = new PrintWriter(socket.getOutputStream(), true, StandardCharsets.UTF_8);
      assertTrue(in.readLine().startsWith("welcome"));
    }

    void send(String line) {
      out.println(line);
    }

    void expect(String line) throws IOException {
      assertEquals(line, in.readLine());
    }

    @Override
    public void close() throws IOException {
      socket.close();
    }
  }

  @Test
  void theChatServerSurvivesResetsAndKeepsASlowReadersQueueBounded() throws Exception {
    long before = fds();
    try (Server server = ChatServer.start(0);
        Chat poster = new Chat(server.port())) {
      poster.send("join news");
      poster.expect("joined news");
      // Members that reset their connection, some in the middle of receiving posts.
      for (int i = 0; i < 10; i++) {
        Chat gone = new Chat(server.port());
        gone.send("join news");
        gone.expect("joined news");
        poster.send("post news hello " + i);
        poster.expect("[news] guest1: hello " + i); // the poster was the first to connect
        reset(gone.socket);
      }
      // A member that never reads, with a small receive window.
      int lineBytes = 8192;
      Chat sleeper = new Chat(server.port(), 16 * 1024);
      sleeper.send("join news");
      sleeper.expect("joined news");
      int posts = 2000;
      String text = "x".repeat(lineBytes);
      for (int i = 0; i < posts; i++) {
        poster.send("post news " + i + " " + text);
        assertTrue(
            poster.in.readLine().endsWith(": " + i + " " + text), "the poster is not held up");
      }
      // What reaches the sleeper before the notice of what it missed is at most what its queue
      // (ChatServer.OUTBOUND_CAPACITY lines) and the two kernel buffers hold, and a writeAll.
      long kernelLines = (tcpWmemMax() + 2 * 16 * 1024) / lineBytes;
      long bound = ChatServer.OUTBOUND_CAPACITY + kernelLines + 2;
      long received = 0;
      String line;
      while (!(line = sleeper.in.readLine()).startsWith("! ")) {
        received++;
      }
      assertTrue(line.matches("! [0-9]+ messages dropped: you are reading too slowly"), line);
      assertTrue(
          received <= bound,
          received + " posts reached the slow reader before its notice, over the bound " + bound);
      sleeper.close();
      awaitCount(server::openSockets, 2, "sockets open besides the listener and the poster");
    }
    assertNoMoreDescriptorsThan(before);
  }

  private static long tcpWmemMax() throws IOException {
    try (InputStream in = Files.newInputStream(Path.of("/proc/sys/net/ipv4/tcp_wmem"))) {
      String[] v = new String(in.readAllBytes(), StandardCharsets.US_ASCII).trim().split("\\s+");
      return Long.parseLong(v[2]);
    }
  }
}
