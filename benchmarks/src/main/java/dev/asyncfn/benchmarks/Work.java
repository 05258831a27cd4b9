/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.benchmarks;

import static dev.asyncfn.runtime.Futures.await;

import dev.asyncfn.Async;
import dev.asyncfn.runtime.Future;
import dev.asyncfn.runtime.JoinHandle;
import dev.asyncfn.runtime.Tasks;
import dev.asyncfn.runtime.sync.Mpsc;
import dev.asyncfn.runtime.sync.Notify;
import dev.asyncfn.runtime.sync.Oneshot;
import dev.asyncfn.runtime.time.Time;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The asyncfn side of every benchmark, written as a user would write it: {@code @Async} methods.
 */
final class Work {
  private Work() {}

  /**
   * Spawns {@code n} trivial tasks (each the same stateless, always-ready future, so only the task
   * itself is allocated) and joins them all; the sum proves every one ran.
   */
  @Async
  static long spawnJoin(Future<Integer> trivial, int n) {
    @SuppressWarnings("unchecked")
    JoinHandle<Integer>[] handles = (JoinHandle<Integer>[]) new JoinHandle<?>[n];
    for (int i = 0; i < n; i++) {
      handles[i] = Tasks.spawn(trivial);
    }
    long sum = 0;
    for (int i = 0; i < n; i++) {
      sum += await(handles[i]);
    }
    return sum;
  }

  /** Counts itself as started, then parks on a timer that does not fire during the benchmark. */
  @Async
  static void parkOnTimer(AtomicInteger started) {
    started.incrementAndGet();
    await(Time.sleep(Duration.ofHours(1)));
  }

  /** Counts itself as started, then parks on a channel receive whose sender never sends. */
  @Async
  static Integer parkOnOneshot(Oneshot.Receiver<Integer> receiver, AtomicInteger started) {
    started.incrementAndGet();
    return await(receiver);
  }

  /** Counts itself as started, parks until the event, then counts itself down. */
  @Async
  static void waitForEvent(Notify event, AtomicInteger started, CountDownLatch done) {
    Future<Void> notified = event.notified();
    started.incrementAndGet();
    await(notified);
    done.countDown();
  }

  /** Sleeps {@code nanos} and records how late the wake-up came, in nanoseconds. */
  @Async
  static void timer(long nanos, long[] lateness, int index, CountDownLatch done) {
    long start = System.nanoTime();
    await(Time.sleep(Duration.ofNanos(nanos)));
    lateness[index] = System.nanoTime() - start - nanos;
    done.countDown();
  }

  /** Sums {@code n} awaits of an always-ready future: the ready fast path, no suspension. */
  @Async
  static long awaitReady(Future<Integer> ready, int n) {
    long sum = 0;
    for (int i = 0; i < n; i++) {
      sum += await(ready);
    }
    return sum;
  }

  /** One side of a ping-pong: receives a ball and sends it back, {@code rounds} times. */
  @Async
  static long pong(Mpsc.Receiver<Integer> in, Mpsc.Sender<Integer> out, int rounds) {
    long sum = 0;
    for (int i = 0; i < rounds; i++) {
      int ball = await(in.recv());
      sum += ball;
      await(out.send(ball + 1));
    }
    return sum;
  }

  /** The other side: serves the ball and waits for it to come back, {@code rounds} times. */
  @Async
  static long ping(Mpsc.Sender<Integer> out, Mpsc.Receiver<Integer> in, int rounds) {
    long sum = 0;
    for (int i = 0; i < rounds; i++) {
      // Balls stay inside Integer's cache (-128..127), so the figure counts what the channel
      // allocates, not boxing; the virtual-thread peer sends the same balls.
      await(out.send(i & 63));
      sum += await(in.recv());
    }
    return sum;
  }

  /** Ping-pong between two tasks of the current runtime; returns the number of round trips. */
  @Async
  static long pingPong(int rounds) {
    Mpsc.Channel<Integer> there = Mpsc.channel(1);
    Mpsc.Channel<Integer> back = Mpsc.channel(1);
    JoinHandle<Long> ponger = Tasks.spawn(WorkAsync.pong(there.receiver(), back.sender(), rounds));
    long sum = await(WorkAsync.ping(there.sender(), back.receiver(), rounds));
    await(ponger);
    return sum;
  }
}
