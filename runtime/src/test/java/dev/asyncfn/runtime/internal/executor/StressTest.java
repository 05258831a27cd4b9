/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.runtime.internal.executor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.asyncfn.runtime.AsyncRuntime;
import dev.asyncfn.runtime.Await;
import dev.asyncfn.runtime.Context;
import dev.asyncfn.runtime.Flavor;
import dev.asyncfn.runtime.Future;
import dev.asyncfn.runtime.JoinHandle;
import dev.asyncfn.runtime.Poll;
import dev.asyncfn.runtime.Waker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Many tasks, many wakes, bounded in time: no lost wake-up, no concurrent poll. */
class StressTest {
  private static final int TASKS = 100_000;
  private static final int ROUNDS = 4;

  /** A pair's shared ball: whose turn it is, and each side's waker. */
  private static final class Ball {
    final AtomicInteger turn = new AtomicInteger();
    final AtomicReference<Waker> a = new AtomicReference<>();
    final AtomicReference<Waker> b = new AtomicReference<>();
  }

  /** Side {@code side} of a pair: on its turn, passes the ball and wakes the partner. */
  private static final class Player implements Future<Integer> {
    final Ball ball;
    final int side;
    final AtomicBoolean inPoll = new AtomicBoolean();
    final AtomicBoolean overlap;
    final java.util.Set<Thread> pollers;
    int rounds;

    Player(Ball ball, int side, AtomicBoolean overlap, java.util.Set<Thread> pollers) {
      this.ball = ball;
      this.side = side;
      this.overlap = overlap;
      this.pollers = pollers;
    }

    @Override
    public Poll<Integer> poll(Context cx) {
      if (!inPoll.compareAndSet(false, true)) {
        overlap.set(true);
      }
      try {
        if (rounds == 0 && pollers.size() < 2) {
          pollers.add(Thread.currentThread());
        }
        AtomicReference<Waker> mine = side == 0 ? ball.a : ball.b;
        AtomicReference<Waker> theirs = side == 0 ? ball.b : ball.a;
        for (;;) {
          if (ball.turn.get() % 2 == side) {
            rounds++;
            ball.turn.incrementAndGet();
            Waker w = theirs.get();
            if (w != null) {
              w.wake();
            }
            if (rounds == ROUNDS) {
              return Poll.ready(rounds);
            }
          }
          mine.set(cx.waker());
          if (ball.turn.get() % 2 != side) {
            return Poll.pending(); // partner's turn; it wakes us after its move
          }
        }
      } finally {
        inPoll.set(false);
      }
    }
  }

  @ParameterizedTest
  @EnumSource(Flavor.class)
  void hundredThousandTasksPingPongWakesWithoutLosingOne(Flavor flavor) {
    AtomicBoolean overlap = new AtomicBoolean();
    java.util.Set<Thread> pollers = java.util.concurrent.ConcurrentHashMap.newKeySet();
    assertTimeoutPreemptively(Duration.ofSeconds(90), () -> {
      try (AsyncRuntime rt = flavor.build()) {
        List<Integer> rounds = rt.blockOn(Await.spawnAll(() -> {
          List<JoinHandle<Integer>> hs = new ArrayList<>(TASKS);
          for (int i = 0; i < TASKS / 2; i++) {
            Ball ball = new Ball();
            hs.add(rt.spawn(new Player(ball, 0, overlap, pollers)));
            hs.add(rt.spawn(new Player(ball, 1, overlap, pollers)));
          }
          return hs;
        }));
        assertEquals(TASKS, rounds.size());
        for (int r : rounds) {
          assertEquals(ROUNDS, r);
        }
        assertEquals(0, rt.liveTaskCount());
      }
    });
    assertFalse(overlap.get(), "a task was polled on two threads at once");
    assertEquals(flavor == Flavor.MULTI_THREAD ? 2 : 1, pollers.size(), "threads that polled");
  }

  @ParameterizedTest
  @EnumSource(Flavor.class)
  void aMillionTrivialTasksSpawnAndJoin(Flavor flavor) {
    assertTimeoutPreemptively(Duration.ofSeconds(90), () -> {
      try (AsyncRuntime rt = flavor.build()) {
        int n = 1_000_000;
        Poll<Integer> one = Poll.ready(1);
        Future<Integer> trivial = cx -> one;
        long sum = rt.blockOn(new Future<Long>() {
          private final JoinHandle<?>[] hs = new JoinHandle<?>[n];
          private int spawned;
          private int joined;
          private long total;

          @Override
          public Poll<Long> poll(Context cx) {
            while (spawned < n) {
              hs[spawned++] = rt.spawn(trivial);
            }
            while (joined < n) {
              @SuppressWarnings("unchecked")
              Poll<Integer> p = ((JoinHandle<Integer>) hs[joined]).poll(cx);
              if (p.isPending()) {
                return Poll.pending();
              }
              hs[joined++] = null;
              total += p.get();
            }
            return Poll.ready(total);
          }
        });
        assertEquals(n, sum);
      }
    });
  }

  @ParameterizedTest
  @EnumSource(Flavor.class)
  void wakesFromForeignThreadsDuringPollsAreNotLost(Flavor flavor) {
    AtomicBoolean overlap = new AtomicBoolean();
    assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
      try (AsyncRuntime rt = flavor.build()) {
        int tasks = 200;
        int target = 200;
        List<AtomicReference<Waker>> wakers = new ArrayList<>();
        AtomicBoolean stop = new AtomicBoolean();
        List<Future<Integer>> futures = new ArrayList<>();
        for (int i = 0; i < tasks; i++) {
          AtomicReference<Waker> slot = new AtomicReference<>();
          wakers.add(slot);
          AtomicBoolean inPoll = new AtomicBoolean();
          int[] polls = {0};
          futures.add(cx -> {
            if (!inPoll.compareAndSet(false, true)) {
              overlap.set(true);
            }
            try {
              slot.set(cx.waker());
              return ++polls[0] >= target ? Poll.ready(polls[0]) : Poll.pending();
            } finally {
              inPoll.set(false);
            }
          });
        }
        Thread waker = new Thread(() -> {
          while (!stop.get()) {
            for (AtomicReference<Waker> w : wakers) {
              Waker k = w.get();
              if (k != null) {
                k.wake();
              }
            }
          }
        });
        waker.start();
        try {
          List<Integer> out = rt.blockOn(Await.spawnAll(() -> {
            List<JoinHandle<Integer>> hs = new ArrayList<>();
            for (Future<Integer> f : futures) {
              hs.add(rt.spawn(f));
            }
            return hs;
          }));
          assertEquals(tasks, out.size());
        } finally {
          stop.set(true);
          waker.join();
        }
      }
    });
    assertFalse(overlap.get(), "a task was polled on two threads at once");
  }
}
