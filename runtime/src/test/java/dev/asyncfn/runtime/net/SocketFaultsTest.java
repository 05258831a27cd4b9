/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.runtime.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.asyncfn.runtime.AsyncRuntime;
import dev.asyncfn.runtime.Context;
import dev.asyncfn.runtime.Future;
import dev.asyncfn.runtime.Poll;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Faults at the sockets, on loopback, on both runtime flavours: the peer resets the connection
 * while a read or a write waits, half-closes while this side writes, refuses or never answers a
 * connect, reads slowly. Each operation fails (or completes) instead of hanging, and once the test
 * closed what it opened, the process has exactly the file descriptors it had before.
 *
 * <p>A reset is a close with {@code SO_LINGER} 0: the kernel sends RST instead of FIN. Steps wait
 * on latches ("the read is pending"), never on time.
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class SocketFaultsTest {
  private static final long STEP_SECONDS = 20;

  @BeforeAll
  static void openWhatTheJdkOpensOnce() throws Exception {
    // The JDK opens some descriptors lazily on the first socket of the process (and keeps them):
    // let that happen before any test takes its baseline.
    try (NetRuntime net = new NetRuntime("current");
        TcpListener l = net.rt.blockOn(TcpListener.bind("127.0.0.1", 0));
        Socket s = new Socket(InetAddress.getLoopbackAddress(), l.localAddr().getPort());
        TcpStream accepted = net.rt.blockOn(l.accept())) {
      s.getOutputStream().write(1);
      net.rt.blockOn(accepted.read(new byte[1], 0, 1));
    }
  }

  private static TreeMap<Integer, String> baseline() {
    assumeTrue(OpenFds.supported(), "counts descriptors in /proc/self/fd (Linux)");
    return OpenFds.snapshot();
  }

  /** Runs {@code f} to completion with {@code rt.blockOn} on a thread of its own. */
  private static <T> CompletableFuture<T> inBackground(AsyncRuntime rt, Future<T> f) {
    CompletableFuture<T> result = new CompletableFuture<>();
    Thread t =
        new Thread(
            () -> {
              try {
                result.complete(rt.blockOn(f));
              } catch (Throwable e) {
                result.completeExceptionally(e);
              }
            },
            "faults-driver");
    t.start();
    return result;
  }

  /** {@code f}, counting down {@code pending} the first time it answers pending. */
  private static <T> Future<T> signalPending(Future<T> f, CountDownLatch pending) {
    return new Future<>() {
      @Override
      public Poll<T> poll(Context cx) {
        Poll<T> p = f.poll(cx);
        if (p.isPending()) {
          pending.countDown();
        }
        return p;
      }

      @Override
      public void cancel() {
        f.cancel();
      }
    };
  }

  private static void await(CountDownLatch latch) throws InterruptedException {
    assertTrue(latch.await(STEP_SECONDS, TimeUnit.SECONDS), "a step never happened");
  }

  private static Throwable failureOf(CompletableFuture<?> f) throws Exception {
    try {
      f.get(STEP_SECONDS, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      return e.getCause();
    }
    throw new AssertionError("expected a failure, the operation completed");
  }

  /** Closes {@code s} so that the kernel resets the connection (RST) instead of closing it. */
  private static void reset(Socket s) throws IOException {
    s.setSoLinger(true, 0);
    s.close();
  }

  @ParameterizedTest
  @ValueSource(strings = {"current", "multi"})
  void aResetWhileAReadWaitsFailsTheReadWithAnIoException(String flavour) throws Exception {
    TreeMap<Integer, String> before = baseline();
    try (NetRuntime net = new NetRuntime(flavour);
        TcpListener listener = net.rt.blockOn(TcpListener.bind("127.0.0.1", 0))) {
      Socket peer = new Socket(InetAddress.getLoopbackAddress(), listener.localAddr().getPort());
      try (TcpStream server = net.rt.blockOn(listener.accept())) {
        CountDownLatch pending = new CountDownLatch(1);
        CompletableFuture<Integer> read =
            inBackground(net.rt, signalPending(server.read(new byte[64], 0, 64), pending));
        await(pending);
        reset(peer);
        Throwable failure = failureOf(read);
        assertTrue(failure instanceof IOException, String.valueOf(failure));
        assertTrue(failure.getMessage().contains("reset"), failure.getMessage());
      }
      listener.close();
      net.assertNoKeys();
    }
    OpenFds.assertBackTo(before, "after a reset during a read");
  }

  @ParameterizedTest
  @ValueSource(strings = {"current", "multi"})
  void aResetWhileAWriteWaitsFailsTheWriteWithAnIoException(String flavour) throws Exception {
    TreeMap<Integer, String> before = baseline();
    try (NetRuntime net = new NetRuntime(flavour);
        TcpListener listener = net.rt.blockOn(TcpListener.bind("127.0.0.1", 0))) {
      Socket peer = new Socket(InetAddress.getLoopbackAddress(), listener.localAddr().getPort());
      try (TcpStream server = net.rt.blockOn(listener.accept())) {
        CountDownLatch pending = new CountDownLatch(1);
        // More than every socket buffer on the way holds: the peer reads nothing, so it waits.
        CompletableFuture<Void> write =
            inBackground(net.rt, signalPending(server.writeAll(new byte[64 << 20]), pending));
        await(pending);
        reset(peer);
        Throwable failure = failureOf(write);
        assertTrue(failure instanceof IOException, String.valueOf(failure));
      }
      listener.close();
      net.assertNoKeys();
    }
    OpenFds.assertBackTo(before, "after a reset during a write");
  }

  /**
   * The peer sends its request and shuts its output down while this side is still writing a large
   * answer: this side's reads end (end of stream), its writes go on to the last byte.
   */
  @ParameterizedTest
  @ValueSource(strings = {"current", "multi"})
  void aPeerThatHalfClosesStillReceivesEverythingThisSideWrites(String flavour) throws Exception {
    TreeMap<Integer, String> before = baseline();
    byte[] answer = new byte[4 << 20];
    for (int i = 0; i < answer.length; i++) {
      answer[i] = (byte) (i * 7 + (i >>> 11));
    }
    try (NetRuntime net = new NetRuntime(flavour);
        TcpListener listener = net.rt.blockOn(TcpListener.bind("127.0.0.1", 0))) {
      try (Socket peer =
              new Socket(InetAddress.getLoopbackAddress(), listener.localAddr().getPort());
          TcpStream server = net.rt.blockOn(listener.accept())) {
        TcpStream.Halves halves = server.split();
        CountDownLatch writing = new CountDownLatch(1);
        // One blockOn for both halves: a current-thread runtime has one driving thread.
        CompletableFuture<dev.asyncfn.runtime.combinator.Join2<Void, byte[]>> both =
            inBackground(
                net.rt,
                dev.asyncfn.runtime.Futures.join(
                    signalPending(halves.writer().writeAll(answer), writing),
                    halves.reader().readToEnd()));
        await(writing); // the answer is on its way, and waits for the peer to read
        OutputStream out = peer.getOutputStream();
        out.write("request".getBytes(StandardCharsets.UTF_8));
        peer.shutdownOutput();
        byte[] got = new byte[answer.length];
        int n = 0;
        InputStream in = peer.getInputStream();
        while (n < got.length) {
          int r = in.read(got, n, got.length - n);
          assertTrue(r > 0, "the answer was cut short at " + n);
          n += r;
        }
        assertArrayEquals(answer, got, "every byte of the answer, in order");
        assertEquals(
            "request",
            new String(both.get(STEP_SECONDS, TimeUnit.SECONDS).second(), StandardCharsets.UTF_8),
            "this side read the request, then the end of the stream");
        halves.reader().close();
        halves.writer().close();
      }
      listener.close();
      net.assertNoKeys();
    }
    OpenFds.assertBackTo(before, "after a half-close");
  }

  /**
   * A writer that writes as fast as it may to a reader that takes a megabyte at a time: the bytes
   * the writer got rid of but the reader has not read stay under what the two sockets' kernel
   * buffers hold. Nothing queues in user space: a write that does not fit waits.
   */
  @ParameterizedTest
  @ValueSource(strings = {"current", "multi"})
  void aSlowReaderKeepsTheWritersBytesInFlightUnderABound(String flavour) throws Exception {
    TreeMap<Integer, String> before = baseline();
    int chunk = 64 * 1024;
    long total = 32L << 20;
    // The most a loopback connection holds in flight: the writer's send buffer (at most the
    // kernel's tcp_wmem maximum) plus the reader's receive buffer (set below; the kernel doubles
    // it), plus the chunk a write is busy with.
    long readerBuffer = 256 * 1024;
    long bound = tcpWmemMax() + 2 * readerBuffer + chunk;
    AtomicLong written = new AtomicLong();
    try (NetRuntime net = new NetRuntime(flavour);
        TcpListener listener = net.rt.blockOn(TcpListener.bind("127.0.0.1", 0))) {
      try (Socket peer = new Socket()) {
        peer.setReceiveBufferSize((int) readerBuffer);
        peer.connect(
            new InetSocketAddress(
                InetAddress.getLoopbackAddress(), listener.localAddr().getPort()));
        try (TcpStream server = net.rt.blockOn(listener.accept())) {
          CompletableFuture<Void> writer =
              inBackground(net.rt, writeCounting(server, chunk, total, written));
          InputStream in = peer.getInputStream();
          byte[] buf = new byte[1 << 20];
          long read = 0;
          long maxInFlight = 0;
          while (read < total) {
            int r = in.readNBytes(buf, 0, (int) Math.min(buf.length, total - read));
            assertTrue(r > 0, "the stream ended early");
            read += r;
            long inFlight = written.get() - read;
            maxInFlight = Math.max(maxInFlight, inFlight);
            assertTrue(
                inFlight <= bound,
                "the writer got " + inFlight + " bytes ahead of the reader, over " + bound);
          }
          writer.get(STEP_SECONDS, TimeUnit.SECONDS);
          assertEquals(total, written.get());
        }
      }
      listener.close();
      net.assertNoKeys();
    }
    OpenFds.assertBackTo(before, "after a slow reader");
  }

  /** Writes {@code total} bytes in {@code chunk}-sized writes, adding each write's count. */
  private static Future<Void> writeCounting(
      TcpStream s, int chunk, long total, AtomicLong written) {
    ByteBuffer buf = ByteBuffer.allocate(chunk);
    return new Future<>() {
      Future<Integer> write;

      @Override
      public Poll<Void> poll(Context cx) {
        for (; ; ) {
          if (written.get() >= total) {
            return Poll.ready(null);
          }
          if (write == null) {
            buf.clear().limit((int) Math.min(chunk, total - written.get()));
            write = s.write(buf);
          }
          Poll<Integer> p = write.poll(cx);
          if (p.isPending()) {
            return Poll.pending();
          }
          write = null;
          written.addAndGet(p.get());
        }
      }
    };
  }

  private static long tcpWmemMax() throws IOException {
    // Read as a stream: a /proc file reports size 0, and Files.readString then reads nothing.
    try (InputStream in =
        java.nio.file.Files.newInputStream(java.nio.file.Path.of("/proc/sys/net/ipv4/tcp_wmem"))) {
      String[] v = new String(in.readAllBytes(), StandardCharsets.US_ASCII).trim().split("\\s+");
      return Long.parseLong(v[2]);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"current", "multi"})
  void aRefusedConnectLeavesNoDescriptorBehind(String flavour) throws Exception {
    TreeMap<Integer, String> before;
    int port;
    try (ServerSocketChannel reserved = ServerSocketChannel.open()) {
      // Bound, never listening: the port is ours and connects to it are refused.
      reserved.socket().setReuseAddress(false);
      reserved.bind(null);
      port = ((InetSocketAddress) reserved.getLocalAddress()).getPort();
    }
    before = baseline();
    try (NetRuntime net = new NetRuntime(flavour)) {
      for (int i = 0; i < 20; i++) {
        assertThrows(
            ConnectException.class, () -> net.rt.blockOn(TcpStream.connect("127.0.0.1", port)));
      }
      net.assertNoKeys();
    }
    OpenFds.assertBackTo(before, "after 20 refused connects");
  }

  /**
   * A listener whose backlog is full (it never accepts): the kernel drops further SYNs, so a
   * connect never completes, and its timeout closes the half-open socket.
   */
  @ParameterizedTest
  @ValueSource(strings = {"current", "multi"})
  void aConnectTimeoutLeavesNoDescriptorBehind(String flavour) throws Exception {
    List<SocketChannel> fillers = new ArrayList<>();
    try (ServerSocketChannel full = ServerSocketChannel.open()) {
      full.bind(new InetSocketAddress("127.0.0.1", 0), 1);
      InetSocketAddress addr = (InetSocketAddress) full.getLocalAddress();
      for (int i = 0; i < 8; i++) {
        SocketChannel f = SocketChannel.open();
        f.configureBlocking(false);
        f.connect(addr);
        fillers.add(f);
      }
      TreeMap<Integer, String> before = baseline();
      try (NetRuntime net = new NetRuntime(flavour)) {
        for (int i = 0; i < 3; i++) {
          assertThrows(
              SocketTimeoutException.class,
              () ->
                  net.rt.blockOn(
                      TcpStream.connect("127.0.0.1", addr.getPort(), Duration.ofMillis(100))));
        }
        net.assertNoKeys();
      }
      OpenFds.assertBackTo(before, "after 3 connect timeouts");
    } finally {
      for (SocketChannel f : fillers) {
        f.close();
      }
    }
  }
}
