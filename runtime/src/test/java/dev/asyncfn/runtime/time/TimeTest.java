/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.runtime.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.asyncfn.runtime.AsyncRuntime;
import dev.asyncfn.runtime.Await;
import dev.asyncfn.runtime.Context;
import dev.asyncfn.runtime.Flavor;
import dev.asyncfn.runtime.Future;
import dev.asyncfn.runtime.Futures;
import dev.asyncfn.runtime.Gate;
import dev.asyncfn.runtime.JoinHandle;
import dev.asyncfn.runtime.Poll;
import dev.asyncfn.runtime.Tasks;
import dev.asyncfn.runtime.internal.handle.RuntimeContext;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class TimeTest {

  private static AsyncRuntime paused() {
    return AsyncRuntime.builder().currentThread().startPaused(true).build();
  }

  /** Runs {@code steps} in order on the runtime; each step is a future made when reached. */
  @SafeVarargs
  private static Future<Void> sequence(java.util.function.Supplier<Future<?>>... steps) {
    return new Future<>() {
      private int i;
      private Future<?> current;

      @Override
      public Poll<Void> poll(Context cx) {
        while (i < steps.length) {
          if (current == null) {
            current = steps[i].get();
          }
          if (current.poll(cx).isPending()) {
            return Poll.pending();
          }
          current = null;
          i++;
        }
        return Poll.ready(null);
      }
    };
  }

  @Test
  void anHourLongSleepCompletesAtOnceOnThePausedClock() {
    try (AsyncRuntime rt = paused()) {
      long wall = System.nanoTime();
      Duration slept = rt.blockOn(Await.inside(() -> {
        Instant start = Time.now();
        Sleep s = Time.sleep(Duration.ofHours(1));
        return cx -> s.poll(cx).map(v -> start.elapsed());
      }));
      assertEquals(Duration.ofHours(1), slept);
      assertTrue(System.nanoTime() - wall < 5_000_000_000L, "virtual time must not wait");
    }
  }

  @Test
  void sleepsWakeInDeadlineOrder() {
    try (AsyncRuntime rt = paused()) {
      List<Integer> order = java.util.Collections.synchronizedList(new ArrayList<>());
      rt.blockOn(Await.spawnAll(() -> {
        List<JoinHandle<Object>> hs = new ArrayList<>();
        for (int ms : new int[] {300, 100, 200, 100, 50}) {
          Sleep s = Time.sleep(Duration.ofMillis(ms));
          hs.add(Tasks.spawn(cx -> s.poll(cx).map(v -> {
            order.add(ms);
            return null;
          })));
        }
        return hs;
      }));
      assertEquals(List.of(50, 100, 100, 200, 300), order);
    }
  }

  @Test
  void sleepUntilAPastDeadlineIsReadyAtOnce() {
    try (AsyncRuntime rt = paused()) {
      rt.blockOn(Await.inside(() -> Time.sleepUntil(Time.now())));
      Duration late = rt.blockOn(Await.inside(() -> {
        Instant target = Time.now().plus(Duration.ofMinutes(5));
        Sleep s = Time.sleepUntil(target);
        return cx -> s.poll(cx).map(v -> Time.now().durationSince(target));
      }));
      assertEquals(Duration.ZERO, late, "the paused clock stops exactly at the deadline");
      assertEquals(0, timers(rt));
    }
  }

  @Test
  void timeoutFiresCancelsTheInnerFutureAndNamesTheDuration() {
    try (AsyncRuntime rt = paused()) {
      Gate<String> inner = new Gate<>();
      TimeoutException e = assertThrows(TimeoutException.class,
          () -> rt.blockOn(Time.timeout(Duration.ofSeconds(2), inner)));
      assertEquals("future did not complete within 2 s", e.getMessage());
      assertEquals(1, inner.cancels.get());
      assertFalse(inner.cancelledDuringPoll);
      assertEquals(0, timers(rt));
    }
  }

  @Test
  void timeoutLetsAReadyFutureAndItsFailureThrough() throws Exception {
    try (AsyncRuntime rt = paused()) {
      assertEquals("fast",
          rt.blockOn(Time.timeout(Duration.ofMillis(1), Futures.ready("fast"))));
      IOException boom = new IOException("inner");
      assertSame(boom, assertThrows(IOException.class,
          () -> rt.blockOn(Time.timeout(Duration.ofSeconds(1), Futures.failed(boom)))));
      // Completes before the deadline: the timer is removed.
      String v = rt.blockOn(Await.inside(() -> {
        Sleep s = Time.sleep(Duration.ofMillis(10));
        return Time.timeout(Duration.ofSeconds(1), cx -> s.poll(cx).map(x -> "slowish"));
      }));
      assertEquals("slowish", v);
      assertEquals(0, timers(rt));
    }
  }

  @Test
  void cancellingASleepRemovesItsTimer() {
    try (AsyncRuntime rt = paused()) {
      int[] counts = new int[2];
      rt.blockOn(Await.inside(() -> cx -> {
        Sleep s = Time.sleep(Duration.ofDays(1));
        assertTrue(s.poll(cx).isPending());
        counts[0] = RuntimeContext.current().time().timerCount();
        s.cancel();
        counts[1] = RuntimeContext.current().time().timerCount();
        return Poll.ready(null);
      }));
      assertEquals(1, counts[0]);
      assertEquals(0, counts[1]);
    }
  }

  @Test
  void abortingASleepingTaskRemovesItsTimer() {
    try (AsyncRuntime rt = paused()) {
      JoinHandle<Void> h = rt.spawn(Time.sleep(Duration.ofHours(2)));
      rt.blockOn(Tasks.yieldNow());
      assertEquals(1, timers(rt));
      h.abort();
      assertEquals(0, timers(rt));
    }
  }

  @Test
  void intervalTicksAtEveryPeriodFromTheFirstTick() {
    try (AsyncRuntime rt = paused()) {
      List<Duration> ticks = rt.blockOn(Await.inside(() -> {
        Instant start = Time.now();
        Interval every = Time.interval(Duration.ofSeconds(1));
        List<Duration> out = new ArrayList<>();
        return new Future<List<Duration>>() {
          Future<Instant> tick;

          @Override
          public Poll<List<Duration>> poll(Context cx) {
            while (out.size() < 4) {
              if (tick == null) {
                tick = every.tick();
              }
              Poll<Instant> p = tick.poll(cx);
              if (p.isPending()) {
                return Poll.pending();
              }
              tick = null;
              out.add(p.get().durationSince(start));
            }
            return Poll.ready(out);
          }
        };
      }));
      assertEquals(List.of(Duration.ZERO, Duration.ofSeconds(1), Duration.ofSeconds(2),
          Duration.ofSeconds(3)), ticks);
    }
  }

  @Test
  void missedTicksBurstDelayOrSkip() {
    assertEquals(List.of(ms(0), ms(3500), ms(3500), ms(3500), ms(4000)),
        missed(MissedTickBehavior.BURST));
    assertEquals(List.of(ms(0), ms(3500), ms(4500), ms(5500), ms(6500)),
        missed(MissedTickBehavior.DELAY));
    assertEquals(List.of(ms(0), ms(3500), ms(4000), ms(5000), ms(6000)),
        missed(MissedTickBehavior.SKIP));
  }

  private static Duration ms(long ms) {
    return Duration.ofMillis(ms);
  }

  private static List<Duration> missed(MissedTickBehavior behavior) {
    List<Duration> out = new ArrayList<>();
    try (AsyncRuntime rt = paused()) {
      rt.blockOn(Await.inside(() -> {
        Instant start = Time.now();
        Interval every = Time.interval(Duration.ofSeconds(1)).setMissedTickBehavior(behavior);
        Function<Future<Instant>, Future<?>> record = f -> cx -> f.poll(cx).map(i -> {
          out.add(Time.now().durationSince(start));
          return i;
        });
        return sequence(
            () -> record.apply(every.tick()),
            () -> Time.advance(Duration.ofMillis(3500)),
            () -> record.apply(every.tick()),
            () -> record.apply(every.tick()),
            () -> record.apply(every.tick()),
            () -> record.apply(every.tick()));
      }));
    }
    return out;
  }

  @Test
  void advanceByHandFiresOnlyWhatIsDue() {
    try (AsyncRuntime rt = paused()) {
      JoinHandle<Void> sleeper = rt.spawn(Time.sleep(Duration.ofSeconds(10)));
      rt.blockOn(Tasks.yieldNow());
      rt.blockOn(Time.advance(Duration.ofSeconds(5)));
      assertFalse(sleeper.isFinished());
      rt.blockOn(Time.advance(Duration.ofSeconds(5)));
      assertTrue(sleeper.isFinished());
    }
  }

  @ParameterizedTest
  @EnumSource(Flavor.class)
  void realClockSleepsAndTimeoutsWork(Flavor flavor) {
    try (AsyncRuntime rt = flavor.build()) {
      long start = System.nanoTime();
      rt.blockOn(Await.spawnAll(() -> {
        List<JoinHandle<Void>> hs = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
          hs.add(Tasks.spawn(Time.sleep(Duration.ofMillis(20 + i))));
        }
        return hs;
      }));
      assertTrue(System.nanoTime() - start >= 39_000_000L);
      Gate<String> never = new Gate<>();
      assertThrows(TimeoutException.class,
          () -> rt.blockOn(Time.timeout(Duration.ofMillis(30), never)));
      assertEquals(1, never.cancels.get());
    }
    // Futures.blockOn gives the default runtime's timers.
    Futures.blockOn(Time.sleep(Duration.ofMillis(5)));
  }

  @Test
  void anIdleWorkerFiresTimersWhileAnotherIsStuckInALongPoll() {
    try (AsyncRuntime rt = Flavor.MULTI_THREAD.build()) {
      java.util.concurrent.CountDownLatch spinning = new java.util.concurrent.CountDownLatch(1);
      java.util.concurrent.atomic.AtomicLong spinEnd = new java.util.concurrent.atomic.AtomicLong();
      JoinHandle<Object> hog = rt.spawn(cx -> {
        spinning.countDown();
        long end = System.nanoTime() + 1_500_000_000L; // one poll that hogs its worker
        while (System.nanoTime() < end) {
          Thread.onSpinWait();
        }
        spinEnd.set(System.nanoTime());
        return Poll.ready(null);
      });
      long[] woke = new long[1];
      Future<Object> sleeper = Await.inside(() -> {
        try {
          spinning.await();
        } catch (InterruptedException e) {
          throw new AssertionError(e);
        }
        Sleep s = Time.sleep(Duration.ofMillis(20));
        return Tasks.spawn(cx -> s.poll(cx).map(v -> woke[0] = System.nanoTime()));
      });
      rt.blockOn(sleeper);
      rt.blockOn(hog);
      assertTrue(woke[0] < spinEnd.get(), "the sleep waited for the busy worker");
    }
  }

  @Test
  void misuseSaysWhatToDo() {
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> Time.sleep(Duration.ofSeconds(1)).poll(Context.noop()));
    assertTrue(e.getMessage().startsWith("Time.sleep() called outside a runtime"), e.getMessage());
    try (AsyncRuntime rt = Flavor.CURRENT_THREAD.build()) {
      e = assertThrows(IllegalStateException.class,
          () -> rt.blockOn(Time.advance(Duration.ofSeconds(1))));
      assertTrue(e.getMessage().startsWith("Time.advance() needs a paused clock"));
    }
    e = assertThrows(IllegalStateException.class,
        () -> AsyncRuntime.builder().multiThread().startPaused(true).build());
    assertTrue(e.getMessage().startsWith("startPaused(true) needs the current-thread flavour"));
    assertThrows(IllegalArgumentException.class, () -> Time.interval(Duration.ZERO));
  }

  private static int timers(AsyncRuntime rt) {
    return rt.blockOn(cx -> Poll.ready(RuntimeContext.current().time().timerCount()));
  }
}
