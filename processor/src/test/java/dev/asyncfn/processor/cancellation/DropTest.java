/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.processor.cancellation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.asyncfn.runtime.CancelledException;
import dev.asyncfn.runtime.Future;
import dev.asyncfn.runtime.Futures;
import dev.asyncfn.runtime.JoinHandle;
import dev.asyncfn.runtime.sync.Mutex;
import dev.asyncfn.runtime.sync.MutexGuard;
import dev.asyncfn.testing.AsyncCompiler;
import dev.asyncfn.testing.Compiled;
import dev.asyncfn.testing.JavaSource;
import dev.asyncfn.testing.TestRuntime;
import java.lang.reflect.Method;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Cancellation is drop, end to end: an {@code @Async} task blocked in an await inside nested
 * try/finally and try-with-resources (holding a lock) is dropped in every way the runtime drops a
 * future, compiled through the real processor and run on the real runtime (paused clock, so the
 * hour-long sleeps and one-second timers take no real time).
 */
class DropTest {
  static final String SOURCE =
      """
      package cx;

      import static dev.asyncfn.runtime.Futures.await;

      import dev.asyncfn.Async;
      import dev.asyncfn.processor.cancellation.Probe;
      import dev.asyncfn.runtime.CancelledException;
      import dev.asyncfn.runtime.Futures;
      import dev.asyncfn.runtime.JoinHandle;
      import dev.asyncfn.runtime.JoinSet;
      import dev.asyncfn.runtime.Tasks;
      import dev.asyncfn.runtime.combinator.Selected2;
      import dev.asyncfn.runtime.sync.Mutex;
      import dev.asyncfn.runtime.sync.MutexGuard;
      import dev.asyncfn.runtime.time.Time;
      import java.time.Duration;
      import java.util.concurrent.TimeoutException;

      public class Blocked {
        /** Blocks in {@code kind} inside nested finally blocks and resources, holding {@code held}. */
        @Async
        static int blocked(String kind, Mutex<Integer> held) {
          try {
            try (Probe.Res a = Probe.res("a");
                MutexGuard<Integer> g = await(held.lock());
                Probe.Res b = Probe.res("b")) {
              try {
                int v = await(Probe.blockIn(kind));
                Probe.hit("resumed");
                return v;
              } catch (RuntimeException e) {
                Probe.hit("catch");
                return -1;
              } finally {
                Probe.hit("inner finally");
              }
            }
          } catch (IllegalStateException e) {
            Probe.hit("catch");
            return -2;
          } finally {
            Probe.hit("outer finally");
          }
        }

        /** Yields until {@code n} polls found a blocking future pending (bounded). */
        @Async
        static void untilBlocked(int n) {
          for (int i = 0; i < 10_000 && Probe.count("blocked") < n; i++) {
            await(Tasks.yieldNow());
          }
        }

        @Async
        static int later(int seconds, int value) {
          await(Time.sleep(Duration.ofSeconds(seconds)));
          return value;
        }

        @Async
        static int failLater(int seconds) {
          await(Time.sleep(Duration.ofSeconds(seconds)));
          throw new IllegalStateException("child failed");
        }

        /** Whether a second task gets {@code held} within a (virtual) second. */
        @Async
        static String lockAgain(Mutex<Integer> held) {
          try (MutexGuard<Integer> g = await(Time.timeout(Duration.ofSeconds(1), held.lock()))) {
            return "locked";
          } catch (TimeoutException e) {
            return "still held";
          }
        }

        @Async
        static String abort(String kind, Mutex<Integer> held) {
          JoinHandle<Integer> h = Tasks.spawn(BlockedAsync.blocked(kind, held));
          await(BlockedAsync.untilBlocked(1));
          h.abort();
          try {
            return "completed " + await(h);
          } catch (CancelledException e) {
            return "cancelled: " + e.getMessage();
          }
        }

        @Async
        static String select(String kind, Mutex<Integer> held) {
          Selected2<Integer, Void> s =
              await(Futures.select(BlockedAsync.blocked(kind, held), Time.sleep(Duration.ofSeconds(1))));
          return s.isSecond() ? "timer won" : "blocked won";
        }

        @Async
        static String race(String kind, Mutex<Integer> held) {
          return "race " + await(Futures.race(BlockedAsync.blocked(kind, held), BlockedAsync.later(1, 7)));
        }

        @Async
        static String timeout(String kind, Mutex<Integer> held) {
          try {
            return "value " + await(Time.timeout(Duration.ofSeconds(1), BlockedAsync.blocked(kind, held)));
          } catch (TimeoutException e) {
            return "timed out";
          }
        }

        @Async
        static String tryJoin(String kind, Mutex<Integer> held) {
          try {
            await(Futures.tryJoin(BlockedAsync.blocked(kind, held), BlockedAsync.failLater(1)));
            return "joined";
          } catch (IllegalStateException e) {
            return "failed: " + e.getMessage();
          }
        }

        @Async
        static String joinSetClose(String kind, Mutex<Integer> held) {
          try (JoinSet<Integer> set = new JoinSet<>()) {
            set.spawn(BlockedAsync.blocked(kind, held));
            await(BlockedAsync.untilBlocked(1));
          }
          return "closed";
        }

        @Async
        static String joinSetAbortAll(String kind, Mutex<Integer> held) {
          try (JoinSet<Integer> set = new JoinSet<>()) {
            set.spawn(BlockedAsync.blocked(kind, held));
            await(BlockedAsync.untilBlocked(1));
            set.abortAll();
            try {
              return "joined " + await(set.joinNext());
            } catch (CancelledException e) {
              return "cancelled: " + e.getMessage();
            }
          }
        }
      }
      """;

  static Class<?> companion;

  @BeforeAll
  static void compile() {
    Compiled c = AsyncCompiler.create().compile(JavaSource.of(SOURCE)).assertSuccess();
    companion = c.loadClass("cx.BlockedAsync");
  }

  @BeforeEach
  void reset() {
    Probe.reset();
  }

  static Future<?> call(String method, Object... args) {
    for (Method m : companion.getDeclaredMethods()) {
      if (m.getName().equals(method) && m.getParameterCount() == args.length) {
        try {
          m.setAccessible(true);
          return (Future<?>) m.invoke(null, args);
        } catch (ReflectiveOperationException e) {
          throw new AssertionError(e);
        }
      }
    }
    throw new AssertionError("no factory " + method);
  }

  /**
   * Runs {@code driver} (one of the dropping methods) with a task blocked in {@code kind}, then
   * checks what drop promises, and that the lock the task held can be taken by a second task.
   */
  private static void dropped(String driver, String kind, String expected) {
    Mutex<Integer> held = new Mutex<>(0);
    MutexGuard<Integer> contended = Probe.holdContended();
    try (TestRuntime rt = TestRuntime.paused()) {
      assertEquals(expected, rt.blockOn(call(driver, kind, held)));
      assertEquals("locked", rt.blockOn(call("lockAgain", held)), "the task's lock was released");
    } finally {
      contended.close();
    }
    assertCancelledOnce(kind);
    Probe.holdContended().close(); // a cancelled lock() did not leave CONTENDED locked
  }

  private static void assertCancelledOnce(String kind) {
    assertEquals(
        List.of("cancel " + kind, "inner finally", "close b", "close a", "outer finally"),
        Probe.log(),
        "awaited future cancelled once, then every finally and close once, innermost first,"
            + " no catch");
  }

  @ParameterizedTest
  @ValueSource(strings = {"never", "sleep", "recv", "lock"})
  void abortedJoinHandle(String kind) {
    dropped("abort", kind, "cancelled: task was aborted: JoinHandle.abort() was called");
  }

  @ParameterizedTest
  @ValueSource(strings = {"never", "sleep", "recv", "lock"})
  void selectLoser(String kind) {
    dropped("select", kind, "timer won");
  }

  @ParameterizedTest
  @ValueSource(strings = {"never", "sleep", "recv", "lock"})
  void raceLoser(String kind) {
    dropped("race", kind, "race 7");
  }

  @ParameterizedTest
  @ValueSource(strings = {"never", "sleep", "recv", "lock"})
  void timeoutFired(String kind) {
    dropped("timeout", kind, "timed out");
  }

  @ParameterizedTest
  @ValueSource(strings = {"never", "sleep", "recv", "lock"})
  void tryJoinAfterAnotherChildFailed(String kind) {
    dropped("tryJoin", kind, "failed: child failed");
  }

  @ParameterizedTest
  @ValueSource(strings = {"never", "sleep", "recv", "lock"})
  void joinSetClosedAtTheEndOfItsScope(String kind) {
    dropped("joinSetClose", kind, "closed");
  }

  @ParameterizedTest
  @ValueSource(strings = {"never", "sleep", "recv", "lock"})
  void joinSetAbortAll(String kind) {
    dropped(
        "joinSetAbortAll", kind, "cancelled: task was aborted: JoinHandle.abort() was called");
  }

  @ParameterizedTest
  @ValueSource(strings = {"never", "sleep", "recv", "lock"})
  void runtimeShutdown(String kind) {
    Mutex<Integer> held = new Mutex<>(0);
    MutexGuard<Integer> contended = Probe.holdContended();
    JoinHandle<?> h;
    try (TestRuntime rt = TestRuntime.paused()) {
      h = rt.runtime().spawn(call("blocked", kind, held));
      rt.blockOn(call("untilBlocked", 1));
      assertEquals(List.of(), Probe.log(), "still blocked before the shutdown");
    } finally {
      contended.close();
    }
    assertCancelledOnce(kind);
    CancelledException e = assertThrows(CancelledException.class, () -> Futures.blockOn(h));
    assertTrue(e.getMessage().contains("runtime shut down"), e.getMessage());
    held.tryLock().close(); // released (tryLock gives null, hence an NPE, if still held)
    Probe.holdContended().close();
  }
}
