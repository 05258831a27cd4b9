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
 * Async blocks where only a runtime can show what they do: spawned, dropped by a select, a timeout
 * or an abort (their finally blocks run, once), in the virtual time of a deterministic {@link
 * TestRuntime} (the synchronous twin cannot run them: the timers need a runtime). Each is made by
 * an async closure, a lambda that returns a block.
 */
class AsyncBlocksRuntimeTest {
  /** The async closure every method below declares: a block that sleeps, logged. */
  private static final String SLEEPER =
      """
      BiFunction<String, Duration, Future<String>> sleeper =
                    (name, d) ->
                        async(
                            () -> {
                              try {
                                await(Time.sleep(d));
                                Trace.log(name + " woke");
                                return name;
                              } finally {
                                Trace.log(name + " finally");
                              }
                            });""";

  private static final String SOURCE =
      """
      package rt.blocks;

      import static dev.asyncfn.runtime.Futures.async;
      import static dev.asyncfn.runtime.Futures.await;

      import dev.asyncfn.Async;
      import dev.asyncfn.runtime.CancelledException;
      import dev.asyncfn.runtime.Future;
      import dev.asyncfn.runtime.Futures;
      import dev.asyncfn.runtime.JoinHandle;
      import dev.asyncfn.runtime.Tasks;
      import dev.asyncfn.runtime.combinator.Selected2;
      import dev.asyncfn.runtime.time.Time;
      import dev.asyncfn.testing.Trace;
      import java.time.Duration;
      import java.util.concurrent.TimeoutException;
      import java.util.function.BiFunction;

      public class Blocks {
        @Async
        static String spawnedBlocksRunConcurrently() {
          %1$s
          JoinHandle<String> slow = Tasks.spawn(sleeper.apply("slow", Duration.ofSeconds(30)));
          JoinHandle<String> fast =
              Tasks.spawn(async(() -> await(sleeper.apply("fast", Duration.ofSeconds(10))) + "!"));
          return await(slow) + " " + await(fast);
        }

        @Async
        static String theLosingBlockOfASelectRunsItsFinally() {
          %1$s
          Selected2<String, String> s =
              await(
                  Futures.select(
                      sleeper.apply("loser", Duration.ofHours(1)),
                      sleeper.apply("winner", Duration.ofSeconds(1))));
          Trace.log("selected");
          return s.isSecond() ? s.second() : s.first();
        }

        @Async
        static String aTimedOutBlockRunsItsFinally() {
          %1$s
          try {
            return await(Time.timeout(Duration.ofSeconds(2), sleeper.apply("late", Duration.ofHours(1))));
          } catch (TimeoutException e) {
            return "timed out";
          }
        }

        @Async
        static String anAbortedBlockRunsItsFinally() {
          %1$s
          JoinHandle<String> h = Tasks.spawn(sleeper.apply("aborted", Duration.ofHours(1)));
          await(Time.sleep(Duration.ofSeconds(5)));
          h.abort();
          try {
            return await(h);
          } catch (CancelledException e) {
            return "cancelled";
          }
        }
      }
      """.formatted(SLEEPER);

  private static Class<?> companion;

  @BeforeAll
  static void compile() throws Exception {
    Compiled c = AsyncCompiler.create().compile(JavaSource.of(SOURCE)).assertSuccess();
    companion = c.loadClass("rt.blocks.BlocksAsync");
  }

  @BeforeEach
  void resetTrace() {
    Trace.reset();
  }

  private static TestRuntime.Timed<?> run(String method) throws Exception {
    Method m = companion.getDeclaredMethod(method);
    m.setAccessible(true);
    try (TestRuntime rt = TestRuntime.paused()) {
      return rt.blockOnTimed((Future<?>) m.invoke(null));
    }
  }

  @Test
  void spawnedBlocksRunConcurrently() throws Exception {
    TestRuntime.Timed<?> r = run("spawnedBlocksRunConcurrently");
    assertEquals("slow fast!", r.value());
    assertEquals(Duration.ofSeconds(30), r.virtualElapsed().withNanos(0));
    assertEquals(
        List.of("fast woke", "fast finally", "slow woke", "slow finally"), Trace.take());
  }

  @Test
  void theLosingBlockOfASelectRunsItsFinallyOnce() throws Exception {
    TestRuntime.Timed<?> r = run("theLosingBlockOfASelectRunsItsFinally");
    assertEquals("winner", r.value());
    assertEquals(Duration.ofSeconds(1), r.virtualElapsed().withNanos(0));
    assertEquals(
        List.of("winner woke", "winner finally", "loser finally", "selected"), Trace.take());
  }

  @Test
  void aTimedOutBlockRunsItsFinallyOnce() throws Exception {
    TestRuntime.Timed<?> r = run("aTimedOutBlockRunsItsFinally");
    assertEquals("timed out", r.value());
    assertEquals(Duration.ofSeconds(2), r.virtualElapsed().withNanos(0));
    assertEquals(List.of("late finally"), Trace.take());
  }

  @Test
  void anAbortedBlockRunsItsFinallyOnce() throws Exception {
    TestRuntime.Timed<?> r = run("anAbortedBlockRunsItsFinally");
    assertEquals("cancelled", r.value());
    assertEquals(Duration.ofSeconds(5), r.virtualElapsed().withNanos(0));
    assertEquals(List.of("aborted finally"), Trace.take());
  }
}
