/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.runtime.net;

import static dev.asyncfn.runtime.net.Steps.closing;
import static dev.asyncfn.runtime.net.Steps.then;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.asyncfn.runtime.Context;
import dev.asyncfn.runtime.Future;
import dev.asyncfn.runtime.Futures;
import dev.asyncfn.runtime.JoinHandle;
import dev.asyncfn.runtime.Poll;
import dev.asyncfn.runtime.internal.handle.RuntimeContext;
import dev.asyncfn.runtime.internal.reactor.Reactor;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The reactor's lifecycle, and wake-ups that must never be lost. */
@SuppressWarnings("try") // resources closed by hand on purpose: closing is under test
class ReactorTest {

  @Test
  void oneReactorPerRuntimeClosedByShutdown() throws Exception {
    try (NetRuntime a = new NetRuntime("current"); NetRuntime b = new NetRuntime("multi")) {
      Reactor ra = a.reactor();
      assertSame(ra, a.reactor());
      assertNotSame(ra, b.reactor());
      a.rt.shutdown();
      assertTrue(ra.isClosed());
      assertEquals(0, ra.registeredKeys().get(1, TimeUnit.SECONDS));
      IllegalStateException e = assertThrows(IllegalStateException.class,
          () -> ra.register(java.nio.channels.SocketChannel.open()));
      assertTrue(e.getMessage().contains("build a new AsyncRuntime"), e.getMessage());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"current", "multi"})
  void aRuntimesReactorHasNoThreadOfItsOwn(String flavour) throws Exception {
    try (NetRuntime net = new NetRuntime(flavour)) {
      net.reactor();
      assertEquals(0, net.reactor().registeredKeys().get(5, TimeUnit.SECONDS));
      for (Thread t : Thread.getAllStackTraces().keySet()) {
        String name = t.getName();
        assertFalse(name.startsWith("asyncfn-reactor") && !name.equals("asyncfn-reactor-global"),
            "a runtime's reactor is turned by the runtime's threads, found " + name);
      }
    }
  }

  @Test
  void outsideARuntimeBlockingAwaitsUseTheDefaultRuntimesReactor() {
    assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
      try (TcpListener listener = Futures.blockOn(TcpListener.bind("127.0.0.1", 0))) {
        CompletableFuture<TcpStream> accepted = new CompletableFuture<>();
        Thread acceptor = new Thread(() -> {
          try {
            accepted.complete(Futures.await(listener.accept()));
          } catch (Throwable t) {
            accepted.completeExceptionally(t);
          }
        });
        acceptor.start();
        try (TcpStream c = Futures.blockOn(TcpStream.connect(listener.localAddr()));
            TcpStream s = accepted.get(5, TimeUnit.SECONDS)) {
          // The read waits (nothing sent yet): the writer writes only once it saw the read's waker
          // stored, so the wake-up really comes from the reactor.
          Thread writer = new Thread(() -> {
            long deadline = System.nanoTime() + 5_000_000_000L;
            while ((c.registration() == null || !c.registration().hasWaiter())
                && System.nanoTime() < deadline) {
              Thread.onSpinWait();
            }
            try {
              Futures.blockOn(s.writeAll(new byte[] {9}));
            } catch (java.io.IOException e) {
              throw new java.io.UncheckedIOException(e);
            }
          });
          ByteBuffer buf = ByteBuffer.allocate(4);
          Future<Integer> read = c.read(buf);
          writer.start();
          assertEquals(1, Futures.blockOn(read));
          writer.join(5_000);
          // Futures.blockOn outside a runtime runs on the default runtime: its reactor.
          assertSame(Futures.blockOn(Futures.lazy(RuntimeContext::reactor)),
              c.registration().reactor());
        }
        acceptor.join(5_000);
      }
    });
  }

  @Test
  void aFuturePolledByHandOutsideAnyRuntimeWaitsOnTheProcessWideReactor() {
    assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
      try (TcpListener listener = Futures.blockOn(TcpListener.bind("127.0.0.1", 0))) {
        java.util.concurrent.CountDownLatch woken = new java.util.concurrent.CountDownLatch(1);
        Context cx = Context.of(woken::countDown);
        Future<TcpStream> accept = listener.accept();
        assertTrue(accept.poll(cx).isPending());
        try (TcpStream c = Futures.blockOn(TcpStream.connect(listener.localAddr()))) {
          assertTrue(woken.await(5, TimeUnit.SECONDS), "the selector woke the hand-made waker");
          Poll<TcpStream> p = accept.poll(cx);
          assertTrue(p.isReady());
          p.get().close();
        }
      }
    });
  }

  @ParameterizedTest
  @ValueSource(strings = {"current", "multi"})
  void readinessThatCameBeforeTheInterestStillWakes(String flavour) {
    assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
      try (NetRuntime net = new NetRuntime(flavour);
          TcpListener listener = net.rt.blockOn(TcpListener.bind("127.0.0.1", 0))) {
        JoinHandle<TcpStream> accepted = net.rt.spawn(listener.accept());
        try (TcpStream c = net.rt.blockOn(TcpStream.connect(listener.localAddr()));
            TcpStream s = net.rt.blockOn(accepted)) {
          // The byte is in the client's receive buffer (loopback delivers within the send)
          // before any interest exists: the case of data arriving between a read that found
          // nothing and its registration. Level-triggered selection must still report it.
          net.rt.blockOn(s.writeAll(new byte[] {7}));
          java.util.concurrent.CountDownLatch woken = new java.util.concurrent.CountDownLatch(1);
          c.registration0().awaitRead(java.nio.channels.SelectionKey.OP_READ, woken::countDown);
          assertTrue(woken.await(5, TimeUnit.SECONDS), "woken by readiness that came first");
          assertEquals(1, net.rt.blockOn(c.read(ByteBuffer.allocate(4))));
          // Readiness with nobody waiting disarms the read side, or a level-triggered selector
          // would report it at every select. A probe turns the selector once more each time.
          net.rt.blockOn(s.writeAll(new byte[] {8}));
          long deadline = System.nanoTime() + 5_000_000_000L;
          while (c.registration().interestOps() != 0) {
            assertTrue(System.nanoTime() < deadline, "unwanted readiness disarms the read side");
            c.registration().reactor().registeredKeys().get(5, TimeUnit.SECONDS);
          }
          assertEquals(1, net.rt.blockOn(c.read(ByteBuffer.allocate(4))));
        }
        listener.close();
        net.assertNoKeys();
      }
    });
  }

  /**
   * Ping-pong of one byte between two tasks over loopback, many rounds: every round needs a
   * readiness wake-up on each side, so a lost one hangs the test (bounded by the timeout).
   */
  @ParameterizedTest
  @ValueSource(strings = {"current", "multi"})
  void noWakeUpIsLostInTenThousandPingPongs(String flavour) {
    int rounds = 10_000;
    assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
      try (NetRuntime net = new NetRuntime(flavour);
          TcpListener listener = net.rt.blockOn(TcpListener.bind("127.0.0.1", 0))) {
        JoinHandle<Integer> ponger = net.rt.spawn(then(listener.accept(),
            s -> closing(s, pingPong(s, rounds, false))));
        int pings = net.rt.blockOn(then(TcpStream.connect(listener.localAddr()),
            c -> closing(c, pingPong(c, rounds, true))));
        assertEquals(rounds, pings);
        assertEquals(rounds, net.rt.blockOn(ponger));
        listener.close();
        net.assertNoKeys();
      }
    });
  }

  /** Writes then reads a byte ({@code first}), or reads then writes, {@code rounds} times. */
  private static Future<Integer> pingPong(TcpStream s, int rounds, boolean first) {
    return new Future<>() {
      final byte[] one = new byte[1];
      int done;
      boolean writing = first;
      Future<?> op;

      @Override
      public Poll<Integer> poll(Context cx) {
        while (done < rounds) {
          if (op == null) {
            op = writing ? s.writeAll(new byte[] {(byte) done}) : s.readExact(one);
          }
          if (op.poll(cx).isPending()) {
            return Poll.pending();
          }
          op = null;
          if (!writing) {
            assertEquals((byte) done, one[0]);
          }
          if (writing != first) {
            done++;
          }
          writing = !writing;
        }
        return Poll.ready(done);
      }
    };
  }
}
