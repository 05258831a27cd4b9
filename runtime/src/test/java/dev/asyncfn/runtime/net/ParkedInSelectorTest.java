/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.runtime.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.asyncfn.runtime.Context;
import dev.asyncfn.runtime.Future;
import dev.asyncfn.runtime.Futures;
import dev.asyncfn.runtime.JoinHandle;
import dev.asyncfn.runtime.Poll;
import dev.asyncfn.runtime.AsyncRuntime;
import dev.asyncfn.runtime.internal.handle.RuntimeContext;
import dev.asyncfn.runtime.internal.reactor.Reactor;
import dev.asyncfn.runtime.time.Time;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A runtime's own thread turns its reactor: the thread with nothing to run blocks in the selector
 * (a one-worker multi-thread runtime's worker, or the thread inside a current-thread {@code
 * blockOn}), and every kind of wake-up must still reach it there; a thread that never runs out of
 * work still sees readiness.
 */
@SuppressWarnings("try") // resources closed by hand on purpose: closing is under test
class ParkedInSelectorTest {
  private static final long WAIT_NANOS = TimeUnit.SECONDS.toNanos(5);

  /** One runtime, a socket pair (the runtime's end, a blocking peer), and the driving thread. */
  private static final class Fixture implements AutoCloseable {
    final AsyncRuntime rt;
    final boolean current;
    final TcpListener listener;
    final SocketChannel peer;
    final TcpStream stream;
    /** The runtime's reactor, looked up from inside it before any thread parks in it. */
    final Reactor reactor;
    /** The thread that blocks in {@code blockOn} (current-thread: it also drives the tasks). */
    Thread blocker;

    Fixture(String flavour) throws Exception {
      current = flavour.equals("current");
      rt = current
          ? AsyncRuntime.builder().currentThread().threadNamePrefix("parked").build()
          : AsyncRuntime.builder()
              .multiThread()
              .workerThreads(1)
              .threadNamePrefix("parked")
              .build();
      listener = rt.blockOn(TcpListener.bind("127.0.0.1", 0));
      JoinHandle<TcpStream> accepted = rt.spawn(listener.accept());
      peer = SocketChannel.open(listener.localAddr());
      stream = rt.blockOn(accepted);
      reactor = rt.blockOn(Futures.lazy(RuntimeContext::reactor));
    }

    /** Runs {@code rt.blockOn(future)} on a new thread. */
    <T> CompletableFuture<T> blockOnInBackground(Future<T> future) {
      CompletableFuture<T> result = new CompletableFuture<>();
      blocker = new Thread(() -> {
        try {
          result.complete(rt.blockOn(future));
        } catch (Throwable t) {
          result.completeExceptionally(t);
        }
      }, "parked-blocker");
      blocker.start();
      return result;
    }

    /** The thread that must park in the selector: the worker, or the thread inside blockOn. */
    boolean isDrivingThread(Thread t) {
      return t != null && (current ? t == blocker : t.getName().equals("parked-worker-0"));
    }

    /** Waits until the driving thread blocks in the selector (bounded). */
    void awaitParkedInSelector() {
      awaitTrue(() -> isDrivingThread(reactor.selectingThread()), "parked in the selector");
    }

    @Override
    public void close() throws Exception {
      stream.close();
      peer.close();
      listener.close();
      rt.close();
      if (blocker != null) {
        blocker.join(5_000);
      }
    }
  }

  private static void awaitTrue(BooleanSupplier condition, String what) {
    long deadline = System.nanoTime() + WAIT_NANOS;
    while (!condition.getAsBoolean()) {
      assertTrue(System.nanoTime() - deadline < 0, "timed out waiting: " + what);
      Thread.onSpinWait();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"current", "multi"})
  void aSocketReadWakesATaskWhoseThreadIsParkedInTheSelector(String flavour) {
    assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
      try (Fixture f = new Fixture(flavour)) {
        ByteBuffer buf = ByteBuffer.allocate(8);
        CompletableFuture<Integer> read = f.blockOnInBackground(f.rt.spawn(f.stream.read(buf)));
        awaitTrue(() -> f.stream.registration() != null && f.stream.registration().hasWaiter(),
            "the read waits");
        f.awaitParkedInSelector();
        f.peer.write(ByteBuffer.wrap(new byte[] {42}));
        assertEquals(1, read.get(5, TimeUnit.SECONDS));
        assertEquals(42, buf.get(0));
      }
    });
  }

  @ParameterizedTest
  @ValueSource(strings = {"current", "multi"})
  void aTimerEarlierThanTheSelectorsTimeoutFiresWhileASocketWaits(String flavour) {
    assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
      try (Fixture f = new Fixture(flavour)) {
        // The thread parks in the selector until the hour-long timer, with a read pending.
        JoinHandle<Void> hour = f.rt.spawn(Time.sleep(Duration.ofHours(1)));
        CompletableFuture<Integer> read =
            f.blockOnInBackground(f.rt.spawn(f.stream.read(ByteBuffer.allocate(8))));
        f.awaitParkedInSelector();
        // A timer registered from another thread (a blocking-pool thread of the runtime), earlier
        // than the selector's timeout: the parked thread must be woken to re-arm it.
        CompletableFuture<Long> slept = new CompletableFuture<>();
        f.rt.spawnBlocking(() -> {
          long start = System.nanoTime();
          Futures.blockOn(Time.sleep(Duration.ofMillis(50)));
          slept.complete(System.nanoTime() - start);
          return null;
        });
        long nanos = slept.get(5, TimeUnit.SECONDS);
        assertTrue(nanos >= TimeUnit.MILLISECONDS.toNanos(50), "never early: " + nanos);
        assertFalse(read.isDone(), "the read still waits");
        f.peer.write(ByteBuffer.wrap(new byte[] {1}));
        assertEquals(1, read.get(5, TimeUnit.SECONDS));
        hour.abort();
      }
    });
  }

  @ParameterizedTest
  @ValueSource(strings = {"current", "multi"})
  void workSpawnedFromAForeignThreadReachesTheThreadParkedInTheSelector(String flavour) {
    assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
      try (Fixture f = new Fixture(flavour)) {
        CompletableFuture<Integer> read =
            f.blockOnInBackground(f.rt.spawn(f.stream.read(ByteBuffer.allocate(8))));
        for (int i = 0; i < 100; i++) {
          f.awaitParkedInSelector();
          CompletableFuture<Thread> ranOn = new CompletableFuture<>();
          f.rt.spawn(Futures.lazy(() -> ranOn.complete(Thread.currentThread())));
          assertTrue(f.isDrivingThread(ranOn.get(5, TimeUnit.SECONDS)), "ran on the parked thread");
        }
        f.peer.write(ByteBuffer.wrap(new byte[] {1}));
        assertEquals(1, read.get(5, TimeUnit.SECONDS));
      }
    });
  }

  @ParameterizedTest
  @ValueSource(strings = {"current", "multi"})
  void aThreadKeptBusyByYieldingTasksStillGetsSocketReadiness(String flavour) {
    assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
      try (Fixture f = new Fixture(flavour)) {
        CompletableFuture<Void> stop = new CompletableFuture<>();
        AtomicInteger polls = new AtomicInteger();
        // Never out of work: the thread never parks, so only its periodic poll sees readiness.
        JoinHandle<Void> busy = f.rt.spawn(new Future<Void>() {
          @Override
          public Poll<Void> poll(Context cx) {
            polls.incrementAndGet();
            if (stop.isDone()) {
              return Poll.ready(null);
            }
            cx.waker().wake();
            return Poll.pending();
          }
        });
        JoinHandle<Integer> reader = f.rt.spawn(f.stream.read(ByteBuffer.allocate(8)));
        CompletableFuture<Integer> read = f.blockOnInBackground(reader);
        awaitTrue(() -> f.stream.registration() != null && f.stream.registration().hasWaiter(),
            "the read waits");
        int before = polls.get();
        f.peer.write(ByteBuffer.wrap(new byte[] {1}));
        assertEquals(1, read.get(5, TimeUnit.SECONDS));
        assertTrue(polls.get() > before, "the busy task kept running meanwhile");
        stop.complete(null);
        if (!f.current) {
          f.rt.blockOn(busy);
        }
      }
    });
  }
}
