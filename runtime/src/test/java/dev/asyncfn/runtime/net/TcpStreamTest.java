/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.runtime.net;

import static dev.asyncfn.runtime.net.Steps.closing;
import static dev.asyncfn.runtime.net.Steps.map;
import static dev.asyncfn.runtime.net.Steps.then;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.asyncfn.runtime.Context;
import dev.asyncfn.runtime.Future;
import dev.asyncfn.runtime.Futures;
import dev.asyncfn.runtime.JoinHandle;
import dev.asyncfn.runtime.Poll;
import dev.asyncfn.runtime.AsyncRuntime;
import dev.asyncfn.runtime.Tasks;
import dev.asyncfn.runtime.ThrowingFuture;
import dev.asyncfn.runtime.combinator.Join2;
import dev.asyncfn.runtime.internal.reactor.Registration;
import dev.asyncfn.runtime.io.BufReader;
import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** TcpListener and TcpStream on loopback, on both runtime flavours. */
@SuppressWarnings("try") // resources closed by hand on purpose: closing is under test
class TcpStreamTest {
  private static final Duration LIMIT = Duration.ofSeconds(20);

  private static TcpListener listener(AsyncRuntime rt) {
    return rt.blockOn(TcpListener.bind("127.0.0.1", 0));
  }

  @ParameterizedTest
  @ValueSource(strings = {"current", "multi"})
  void connectAcceptReadWriteRoundTrip(String flavour) {
    assertTimeoutPreemptively(LIMIT, () -> {
      try (NetRuntime net = new NetRuntime(flavour)) {
        AsyncRuntime rt = net.rt;
        try (TcpListener listener = listener(rt)) {
          int port = listener.localAddr().getPort();
          assertEquals("127.0.0.1", listener.localAddr().getAddress().getHostAddress());
          AtomicBoolean serverClosed = new AtomicBoolean();
          JoinHandle<String> server = rt.spawn(then(listener.accept(), s -> {
            s.setNoDelay(true);
            assertTrue(s.noDelay());
            BufReader in = new BufReader(s);
            return closing(s, then(in.readLine(), line ->
                map(s.writeAll(("echo " + line + "\n").getBytes(UTF_8)), v -> {
                  serverClosed.set(true);
                  return line + " from " + s.peerAddr().getPort();
                })));
          }));
          int[] clientPort = new int[1];
          String reply = rt.blockOn(then(TcpStream.connect("127.0.0.1", port), c -> {
            assertEquals(port, c.peerAddr().getPort());
            clientPort[0] = c.localAddr().getPort();
            return closing(c, then(c.writeAll("hello\n".getBytes(UTF_8)), v -> c.readToString()));
          }));
          assertEquals("echo hello\n", reply);
          assertEquals("hello from " + clientPort[0], rt.blockOn(server));
          assertTrue(serverClosed.get());
        }
        net.assertNoKeys();
      }
    });
  }

  @ParameterizedTest
  @ValueSource(strings = {"current", "multi"})
  void aClosedPeerIsACleanEndOfStream(String flavour) {
    assertTimeoutPreemptively(LIMIT, () -> {
      try (NetRuntime net = new NetRuntime(flavour); TcpListener listener = listener(net.rt)) {
        int port = listener.localAddr().getPort();
        // The server closes without writing, after the client's first read went pending.
        JoinHandle<Void> server = net.rt.spawn(then(listener.accept(), s -> map(Tasks.yieldNow(), v -> {
          s.close();
          return null;
        })));
        int n = net.rt.blockOn(then(TcpStream.connect("127.0.0.1", port),
            c -> closing(c, c.read(ByteBuffer.allocate(16)))));
        assertEquals(-1, n);
        net.rt.blockOn(server);

        // readToEnd of a stream whose peer wrote then closed; readExact past the end fails.
        net.rt.spawn(then(listener.accept(), s -> closing(s, s.writeAll(new byte[] {1, 2, 3}))));
        byte[] all = net.rt.blockOn(then(TcpStream.connect("127.0.0.1", port),
            c -> closing(c, c.readToEnd())));
        assertArrayEquals(new byte[] {1, 2, 3}, all);

        net.rt.spawn(then(listener.accept(), s -> closing(s, s.writeAll(new byte[] {1, 2, 3}))));
        EOFException eof = assertThrows(EOFException.class, () -> net.rt.blockOn(
            then(TcpStream.connect("127.0.0.1", port), c -> closing(c, c.readExact(new byte[5])))));
        assertTrue(eof.getMessage().contains("2 of the expected bytes"), eof.getMessage());
        listener.close();
        net.assertNoKeys();
      }
    });
  }

  /**
   * A port that refuses connections for as long as the returned socket stays open: bound but not
   * listening, so no other process can take it and no connect can meet itself (a closed
   * listener's port could be reused by then).
   */
  static java.nio.channels.SocketChannel refusingPort() throws IOException {
    java.nio.channels.SocketChannel reserved = java.nio.channels.SocketChannel.open();
    reserved.bind(new InetSocketAddress("127.0.0.1", 0));
    return reserved;
  }

  @ParameterizedTest
  @ValueSource(strings = {"current", "multi"})
  void aRefusedConnectFailsWithConnectException(String flavour) throws Exception {
    try (java.nio.channels.SocketChannel reserved = refusingPort()) {
      int port = ((InetSocketAddress) reserved.getLocalAddress()).getPort();
      try (NetRuntime net = new NetRuntime(flavour)) {
        ConnectException e = assertThrows(ConnectException.class,
            () -> net.rt.blockOn(TcpStream.connect("127.0.0.1", port)));
        assertTrue(e.getMessage().contains("refused"), e.getMessage());
        net.assertNoKeys();
      }
      // The await of an I/O future declares IOException, so the synchronous twin catches it.
      String outcome;
      try {
        Futures.await(TcpStream.connect("127.0.0.1", port)).close();
        outcome = "connected";
      } catch (IOException e) {
        outcome = e.getClass().getSimpleName();
      }
      assertEquals("ConnectException", outcome);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"current", "multi"})
  void connectByNameResolvesOnTheBlockingPoolAndTriesEachAddress(String flavour) {
    assertTimeoutPreemptively(LIMIT, () -> {
      try (NetRuntime net = new NetRuntime(flavour); TcpListener listener = listener(net.rt)) {
        int port = listener.localAddr().getPort();
        JoinHandle<TcpStream> accepted = net.rt.spawn(listener.incoming().next());
        // "localhost" may resolve to ::1 first, which refuses: the next address is tried.
        try (TcpStream c = net.rt.blockOn(TcpStream.connect("localhost", port, Duration.ofSeconds(5)));
            TcpStream s = net.rt.blockOn(accepted)) {
          assertEquals(c.localAddr().getPort(), s.peerAddr().getPort());
        }
        listener.close();
        net.assertNoKeys();
      }
    });
  }

  @Test
  void anIoTimeoutFailsWithSocketTimeoutExceptionAndCancelsTheOperation() {
    assertTimeoutPreemptively(LIMIT, () -> {
      try (AsyncRuntime rt = AsyncRuntime.builder().currentThread().startPaused(true).build()) {
        AtomicInteger cancels = new AtomicInteger();
        ThrowingFuture<String, IOException> never = new ThrowingFuture<>() {
          @Override
          public Poll<String> poll(Context cx) {
            return Poll.pending();
          }

          @Override
          public void cancel() {
            cancels.incrementAndGet();
          }
        };
        SocketTimeoutException e = assertThrows(SocketTimeoutException.class,
            () -> rt.blockOn(new IoTimeout<>(never, Duration.ofSeconds(30), "connect to x:1")));
        assertEquals("connect to x:1 timed out after 30000 ms", e.getMessage());
        assertEquals(1, cancels.get());
      }
    });
  }

  /**
   * A listener that never accepts, with a backlog of one, filled by raw connects: the kernel drops
   * further SYNs, so a connect stays pending (Linux's default, {@code tcp_abort_on_overflow=0}).
   */
  @ParameterizedTest
  @ValueSource(strings = {"current", "multi"})
  void aConnectThatCannotCompleteTimesOutOrIsCancelledAndItsSocketIsClosed(String flavour) {
    assertTimeoutPreemptively(LIMIT, () -> {
      java.util.List<java.nio.channels.SocketChannel> fillers = new java.util.ArrayList<>();
      try (NetRuntime net = new NetRuntime(flavour);
          java.nio.channels.ServerSocketChannel full = java.nio.channels.ServerSocketChannel.open()) {
        full.bind(new InetSocketAddress("127.0.0.1", 0), 1);
        InetSocketAddress addr = (InetSocketAddress) full.getLocalAddress();
        for (int i = 0; i < 8; i++) {
          java.nio.channels.SocketChannel f = java.nio.channels.SocketChannel.open();
          f.configureBlocking(false);
          f.connect(addr);
          fillers.add(f);
        }
        SocketTimeoutException e = assertThrows(SocketTimeoutException.class, () -> net.rt.blockOn(
            TcpStream.connect("127.0.0.1", addr.getPort(), Duration.ofMillis(300))));
        assertEquals("connect to 127.0.0.1:" + addr.getPort() + " timed out after 300 ms",
            e.getMessage());

        // Cancelled while waiting for OP_CONNECT: the half-open socket is closed, no key left.
        ThrowingFuture<TcpStream, IOException> connect = TcpStream.connect(addr);
        boolean pending = net.rt.blockOn(cx -> Poll.ready(connect.poll(cx).isPending()));
        assertTrue(pending);
        connect.cancel();
        net.assertNoKeys();
      } finally {
        for (java.nio.channels.SocketChannel f : fillers) {
          f.close();
        }
      }
    });
  }

  @ParameterizedTest
  @ValueSource(strings = {"current", "multi"})
  void writeAllOfSeveralMegabytesWaitsForASlowReader(String flavour) {
    assertTimeoutPreemptively(LIMIT, () -> {
      try (NetRuntime net = new NetRuntime(flavour); TcpListener listener = listener(net.rt)) {
        int port = listener.localAddr().getPort();
        int size = 8 * 1024 * 1024;
        byte[] payload = new byte[size];
        for (int i = 0; i < size; i++) {
          payload[i] = (byte) (i * 31 + (i >>> 13));
        }
        AtomicInteger pendingWrites = new AtomicInteger();
        java.util.concurrent.atomic.AtomicReference<dev.asyncfn.runtime.Waker> readerGate =
            new java.util.concurrent.atomic.AtomicReference<>();
        JoinHandle<Void> writer = net.rt.spawn(then(listener.accept(), s -> {
          Future<Void> all = s.writeAll(payload);
          return closing(s, cx -> {
            Poll<Void> p = all.poll(cx);
            if (p.isPending() && pendingWrites.incrementAndGet() == 1) {
              // The socket buffers are full: now let the reader start.
              dev.asyncfn.runtime.Waker w = readerGate.getAndSet(() -> { });
              if (w != null) {
                w.wake();
              }
            }
            return p;
          });
        }));
        // The reader connects, then starts reading only once the writer had to wait (so the wait
        // is certain whatever the kernel's buffer sizes), then reads slowly: small reads, a yield after each.
        Future<Void> gate = cx -> {
          if (pendingWrites.get() > 0) {
            return Poll.ready(null);
          }
          dev.asyncfn.runtime.Waker previous = readerGate.getAndSet(cx.waker());
          return previous != null && pendingWrites.get() > 0 ? Poll.ready(null) : Poll.pending();
        };
        byte[] received = new byte[size];
        ByteBuffer into = ByteBuffer.wrap(received);
        int total = net.rt.blockOn(then(TcpStream.connect("127.0.0.1", port), c -> closing(c, then(gate, g ->
            new Future<Integer>() {
              Future<Integer> read;
              Future<Void> yield;

              @Override
              public Poll<Integer> poll(Context cx) {
                for (;;) {
                  if (yield != null) {
                    if (yield.poll(cx).isPending()) {
                      return Poll.pending();
                    }
                    yield = null;
                  }
                  if (read == null) {
                    into.limit(Math.min(into.capacity(), into.position() + 4096));
                    read = c.read(into);
                  }
                  Poll<Integer> p = read.poll(cx);
                  if (p.isPending()) {
                    return Poll.pending();
                  }
                  read = null;
                  if (p.get() < 0 || !into.hasRemaining() && into.limit() == into.capacity()) {
                    return Poll.ready(into.position());
                  }
                  yield = Tasks.yieldNow();
                }
              }
            }))));
        net.rt.blockOn(writer);
        assertEquals(size, total);
        assertArrayEquals(payload, received, "bytes arrive complete and in order");
        assertTrue(pendingWrites.get() > 0, "writeAll waited for writability at least once");
        listener.close();
        net.assertNoKeys();
      }
    });
  }

  @ParameterizedTest
  @ValueSource(strings = {"current", "multi"})
  void cancellingAPendingReadDeregistersItsInterest(String flavour) {
    assertTimeoutPreemptively(LIMIT, () -> {
      try (NetRuntime net = new NetRuntime(flavour); TcpListener listener = listener(net.rt)) {
        int port = listener.localAddr().getPort();
        JoinHandle<TcpStream> accepted = net.rt.spawn(listener.accept());
        try (TcpStream c = net.rt.blockOn(TcpStream.connect("127.0.0.1", port));
            TcpStream s = net.rt.blockOn(accepted)) {
          // Poll a read once (nothing to read: pending, interest armed), then cancel it.
          ThrowingFuture<Integer, IOException> read = c.read(ByteBuffer.allocate(8));
          net.rt.blockOn(cx -> {
            assertTrue(read.poll(cx).isPending());
            return Poll.ready(null);
          });
          Registration r = c.registration();
          assertNotNull(r);
          assertTrue(r.hasWaiter());
          assertEquals(java.nio.channels.SelectionKey.OP_READ, r.interestOps());
          read.cancel();
          assertFalse(r.hasWaiter());
          assertEquals(0, r.interestOps());
          read.cancel(); // idempotent

          // Data arriving later is still there for the next read: read is cancel-safe.
          net.rt.blockOn(s.writeAll(new byte[] {42}));
          ByteBuffer one = ByteBuffer.allocate(8);
          assertEquals(1, net.rt.blockOn(c.read(one)));
          assertEquals(42, one.get(0));
        }
        listener.close();
        net.assertNoKeys();
      }
    });
  }

  @ParameterizedTest
  @ValueSource(strings = {"current", "multi"})
  void closingAStreamWakesAReadPendingInAnotherTask(String flavour) {
    assertTimeoutPreemptively(LIMIT, () -> {
      try (NetRuntime net = new NetRuntime(flavour); TcpListener listener = listener(net.rt)) {
        int port = listener.localAddr().getPort();
        JoinHandle<TcpStream> accepted = net.rt.spawn(listener.accept());
        TcpStream c = net.rt.blockOn(TcpStream.connect("127.0.0.1", port));
        try (TcpStream s = net.rt.blockOn(accepted)) {
          AtomicBoolean reading = new AtomicBoolean();
          ThrowingFuture<Integer, IOException> read = c.read(ByteBuffer.allocate(8));
          JoinHandle<Integer> reader = net.rt.spawn(cx -> {
            Poll<Integer> p = read.poll(cx);
            reading.set(true);
            return p;
          });
          // Another task closes the socket once the reader is waiting on it.
          JoinHandle<Void> closer = net.rt.spawn(then(Futures.pollFn(cx -> {
            if (reading.get()) {
              return Poll.ready(null);
            }
            cx.waker().wake();
            return Poll.pending();
          }), v -> {
            c.close();
            return Futures.ready(null);
          }));
          net.rt.blockOn(closer);
          assertThrows(ClosedChannelException.class, () -> net.rt.blockOn(reader));
          assertTrue(c.isClosed());
        }
        listener.close();
        net.assertNoKeys();
      }
    });
  }

  @ParameterizedTest
  @ValueSource(strings = {"current", "multi"})
  void splitHalvesAreUsedByTwoTasksAtOnce(String flavour) {
    assertTimeoutPreemptively(LIMIT, () -> {
      try (NetRuntime net = new NetRuntime(flavour); TcpListener listener = listener(net.rt)) {
        int port = listener.localAddr().getPort();
        int lines = 2_000;
        // The server reads lines on one task and sends replies from another task through the
        // write half, while the client also writes and reads at once.
        JoinHandle<Integer> server = net.rt.spawn(then(listener.accept(), s -> {
          TcpStream.Halves h = s.split();
          JoinHandle<Void> sender = Tasks.spawn(closing(h.writer(), sendLines(h.writer(), "reply ", lines)));
          return then(closing(h.reader(), countLines(new BufReader(h.reader()), "line ")),
              n -> map(sender, v -> n));
        }));
        Join2<Void, Integer> client = net.rt.blockOn(then(TcpStream.connect("127.0.0.1", port), c -> {
          TcpStream.Halves h = c.split();
          return Futures.tryJoin(
              closing(h.writer(), sendLines(h.writer(), "line ", lines)),
              closing(h.reader(), countLines(new BufReader(h.reader()), "reply ")));
        }));
        assertEquals(lines, client.second());
        assertEquals(lines, net.rt.blockOn(server));
        listener.close();
        net.assertNoKeys();
      }
    });
  }

  /** Writes {@code count} numbered lines, one writeAll each. */
  static Future<Void> sendLines(dev.asyncfn.runtime.io.AsyncWrite out, String prefix, int count) {
    return new Future<>() {
      int i;
      Future<Void> write;

      @Override
      public Poll<Void> poll(Context cx) {
        for (;;) {
          if (write == null) {
            if (i == count) {
              return Poll.ready(null);
            }
            write = out.writeAll((prefix + i++ + "\n").getBytes(UTF_8));
          }
          if (write.poll(cx).isPending()) {
            return Poll.pending();
          }
          write = null;
        }
      }
    };
  }

  /** Reads lines to the end, checking they are {@code prefix + 0, 1, ...}; gives the count. */
  static Future<Integer> countLines(BufReader in, String prefix) {
    return new Future<>() {
      int n;
      Future<String> next;

      @Override
      public Poll<Integer> poll(Context cx) {
        for (;;) {
          if (next == null) {
            next = in.lines().next();
          }
          Poll<String> p = next.poll(cx);
          if (p.isPending()) {
            return Poll.pending();
          }
          next = null;
          if (p.get() == null) {
            return Poll.ready(n);
          }
          assertEquals(prefix + n++, p.get());
        }
      }
    };
  }

  @Test
  void misuseAndAddresses() throws Exception {
    assertThrows(IllegalArgumentException.class, () -> TcpStream.connect("127.0.0.1", 70000));
    try (NetRuntime net = new NetRuntime("current"); TcpListener listener = listener(net.rt)) {
      InetSocketAddress a = listener.localAddr();
      assertInstanceOf(java.net.BindException.class, assertThrows(IOException.class,
          () -> net.rt.blockOn(TcpListener.bind(a))));
      ThrowingFuture<TcpStream, IOException> accept = listener.accept();
      boolean pending = net.rt.blockOn(cx -> Poll.ready(accept.poll(cx).isPending()));
      assertTrue(pending);
      accept.cancel();
      assertTrue(listener.toString().contains(String.valueOf(a.getPort())));
      listener.close();
      assertTrue(listener.isClosed());
      assertThrows(ClosedChannelException.class, () -> net.rt.blockOn(listener.accept()));
      try (java.nio.channels.SocketChannel reserved = refusingPort()) {
        ThrowingFuture<TcpStream, IOException> done =
            TcpStream.connect((InetSocketAddress) reserved.getLocalAddress());
        assertThrows(ConnectException.class, () -> net.rt.blockOn(done));
        IllegalStateException again = assertThrows(IllegalStateException.class,
            () -> net.rt.blockOn(done));
        assertTrue(again.getMessage().contains("awaited once"), again.getMessage());
      }
      net.assertNoKeys();
    }
  }
}
