/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.processor.behaviour;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.asyncfn.runtime.Future;
import dev.asyncfn.testing.AsyncCompiler;
import dev.asyncfn.testing.Compiled;
import dev.asyncfn.testing.JavaSource;
import dev.asyncfn.testing.TestRuntime;
import dev.asyncfn.testing.Trace;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Generated state machines driven by a real runtime: timers, timeouts and spawned tasks, under the
 * deterministic {@link TestRuntime} whose virtual clock makes the hours below pass at once. The
 * synchronous twin cannot run these (the timers need a runtime), so they assert values, order and
 * virtual time instead of using the oracle.
 */
class RuntimeBehaviourTest {
  private static final String SOURCE =
      """
      package rt.sleepy;

      import static dev.asyncfn.runtime.Futures.await;

      import dev.asyncfn.Async;
      import dev.asyncfn.runtime.JoinHandle;
      import dev.asyncfn.runtime.Tasks;
      import dev.asyncfn.runtime.time.Time;
      import dev.asyncfn.testing.Trace;
      import java.time.Duration;
      import java.util.concurrent.TimeoutException;

      public class Sleepy {
        @Async
        static int sleepsInLoop(int n) {
          int ticks = 0;
          for (int i = 0; i < n; i++) {
            await(Time.sleep(Duration.ofMinutes(10)));
            Trace.log("tick " + i);
            ticks++;
          }
          return ticks;
        }

        @Async
        static String timeoutFires() {
          try {
            await(Time.timeout(Duration.ofSeconds(1), Time.sleep(Duration.ofHours(1))));
            return "finished";
          } catch (TimeoutException e) {
            return "timed out";
          }
        }

        @Async
        static int after(int seconds, int value) {
          await(Time.sleep(Duration.ofSeconds(seconds)));
          Trace.log("after " + seconds);
          return value;
        }

        @Async
        static int spawnAndJoin() {
          JoinHandle<Integer> slow = Tasks.spawn(SleepyAsync.after(30, 1));
          JoinHandle<Integer> fast = Tasks.spawn(SleepyAsync.after(10, 2));
          return await(slow) * 10 + await(fast);
        }
      }
      """;

  private static Class<?> companion;

  @BeforeAll
  static void compile() throws Exception {
    Compiled c = AsyncCompiler.create().compile(JavaSource.of(SOURCE)).assertSuccess();
    companion = c.loadClass("rt.sleepy.SleepyAsync");
  }

  @BeforeEach
  void resetTrace() {
    Trace.reset();
  }

  private static Future<?> future(String method, Object... args) throws Exception {
    for (Method m : companion.getDeclaredMethods()) {
      if (m.getName().equals(method) && m.getParameterCount() == args.length) {
        // a package-private method's factory is package-private
        m.setAccessible(true);
        return (Future<?>) m.invoke(null, args);
      }
    }
    throw new AssertionError("no factory " + method);
  }

  @Test
  void sleepsTakeVirtualTimeOnly() throws Exception {
    try (TestRuntime rt = TestRuntime.paused()) {
      TestRuntime.Timed<?> r = rt.blockOnTimed(future("sleepsInLoop", 3));
      assertEquals(3, r.value());
      assertEquals(Duration.ofMinutes(30), r.virtualElapsed().withNanos(0));
    }
    assertEquals(List.of("tick 0", "tick 1", "tick 2"), Trace.take());
  }

  @Test
  void aTimeoutFiresIntoTheCatchOfTheAsyncMethod() throws Exception {
    try (TestRuntime rt = TestRuntime.paused()) {
      TestRuntime.Timed<?> r = rt.blockOnTimed(future("timeoutFires"));
      assertEquals("timed out", r.value());
      assertEquals(Duration.ofSeconds(1), r.virtualElapsed().withNanos(0));
    }
  }

  @Test
  void spawnedTasksRunConcurrentlyInDeadlineOrder() throws Exception {
    try (TestRuntime rt = TestRuntime.paused()) {
      TestRuntime.Timed<?> r = rt.blockOnTimed(future("spawnAndJoin"));
      assertEquals(12, r.value());
      assertEquals(Duration.ofSeconds(30), r.virtualElapsed().withNanos(0));
    }
    assertEquals(List.of("after 10", "after 30"), Trace.take());
  }
}
