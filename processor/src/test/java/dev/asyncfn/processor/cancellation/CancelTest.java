/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.processor.cancellation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.asyncfn.runtime.Future;
import dev.asyncfn.runtime.Futures;
import dev.asyncfn.testing.AsyncCompiler;
import dev.asyncfn.testing.Compiled;
import dev.asyncfn.testing.JavaSource;
import dev.asyncfn.testing.Trace;
import dev.asyncfn.testing.WakeCountingContext;
import java.lang.reflect.Method;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Cancellation is drop (DESIGN.md), at the level of one state machine polled by hand: {@code
 * cancel()} of a suspended machine cancels the future it awaits, then runs exactly the finally
 * blocks and resource closes that enclose the current await, innermost first, never a catch block,
 * and leaves the machine done. There is no synchronous twin of a cancellation, so these assert the
 * trace directly. {@link DropTest} drops tasks through the runtime; {@link RaceAndLoadTest} races
 * abort against completion and aborts many tasks.
 */
class CancelTest {
  private static final String SOURCE =
      """
      package cancel.machine;

      import static dev.asyncfn.runtime.Futures.await;
      import static dev.asyncfn.testing.Trace.log;

      import dev.asyncfn.Async;
      import dev.asyncfn.runtime.CancelledException;
      import dev.asyncfn.runtime.Context;
      import dev.asyncfn.runtime.Future;
      import dev.asyncfn.runtime.Futures;
      import dev.asyncfn.runtime.Poll;

      public class Cancel {
        static final class Res implements AutoCloseable {
          final String name;

          Res(String name) {
            this.name = name;
            log("open " + name);
          }

          @Override
          public void close() {
            log("close " + name);
          }
        }

        /** Never completes; logs when it is cancelled. */
        static Future<Integer> hang(String name) {
          return new Future<Integer>() {
            @Override
            public Poll<Integer> poll(Context cx) {
              return Poll.pending();
            }

            @Override
            public void cancel() {
              log("cancel " + name);
            }
          };
        }

        /** Never completes; logs every poll and its cancel. */
        static Future<Integer> stuck(String name) {
          return new Future<Integer>() {
            @Override
            public Poll<Integer> poll(Context cx) {
              log("poll " + name);
              return Poll.pending();
            }

            @Override
            public void cancel() {
              log("cancel " + name);
            }
          };
        }

        @Async
        static int nested(boolean pastFirst) {
          try (Res r = new Res("r")) {
            try {
              log("before");
              if (pastFirst) {
                await(Futures.ready(1));
                log("after ready");
              }
              int v = await(hang("first"));
              log("after first " + v);
              return v;
            } catch (RuntimeException e) {
              log("catch");
              return -1;
            } finally {
              log("inner finally");
            }
          } finally {
            log("outer finally");
          }
        }

        /** A try-with-resources with its own catch and finally: the close comes before both. */
        @Async
        static int resourceWithItsOwnCatchAndFinally() {
          try {
            try (Res r = new Res("r")) {
              log("waiting");
              return await(hang("guarded"));
            } catch (RuntimeException e) {
              log("catch must not run");
              return -1;
            } finally {
              log("inner finally");
            }
          } finally {
            log("outer finally");
          }
        }

        @Async
        static int noFinallyAroundTheAwait() {
          try {
            log("try");
          } finally {
            log("finally before the await");
          }
          return await(hang("plain"));
        }

        @Async
        static int awaitsInFinally() {
          try {
            try {
              return await(hang("body"));
            } catch (RuntimeException e) {
              log("catch must not run");
              return -1;
            } finally {
              log("ready " + await(Futures.ready(7)));
              try {
                await(stuck("a"));
                log("rest of the finally must not run");
              } catch (CancelledException e) {
                log("finally caught " + e.getClass().getSimpleName());
              }
              await(stuck("b"));
              log("rest of the inner finally must not run");
            }
          } finally {
            log("outer finally");
          }
        }

        @Async
        static int throwingFinally() {
          try {
            try {
              return await(hang("body"));
            } finally {
              throw new IllegalStateException("from finally");
            }
          } catch (IllegalStateException e) {
            log("catch must not run");
            return -1;
          } finally {
            log("outer finally");
          }
        }

        @SuppressWarnings("finally")
        @Async
        static int continuesOutOfFinally() {
          for (int i = 0; i < 3; i++) {
            try {
              await(hang("loop"));
            } finally {
              log("finally " + i);
              continue;
            }
          }
          return 0;
        }
      }
      """;

  private static Class<?> companion;

  @BeforeAll
  static void compile() {
    Compiled c = AsyncCompiler.create().compile(JavaSource.of(SOURCE)).assertSuccess();
    companion = c.loadClass("cancel.machine.CancelAsync");
  }

  @BeforeEach
  void reset() {
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

  /** Polls {@code f} once and asserts it suspended. */
  private static void suspend(Future<?> f) {
    assertTrue(f.poll(new WakeCountingContext()).isPending());
  }

  @Test
  void cancelRunsEnclosingFinallyBlocksInnermostFirstAndNoCatch() throws Exception {
    Future<?> f = future("nested", true);
    suspend(f);
    assertEquals(List.of("open r", "before", "after ready"), Trace.take());
    f.cancel();
    assertEquals(
        List.of("cancel first", "inner finally", "close r", "outer finally"), Trace.take());
    f.cancel();
    assertEquals(List.of(), Trace.take(), "cancel is idempotent");
    assertThrows(IllegalStateException.class, () -> f.poll(new WakeCountingContext()));
    assertEquals(List.of(), Trace.take(), "a cancelled machine runs no more user code");
  }

  @Test
  void cancelClosesAResourceBeforeItsStatementsOwnFinallyAndRunsNoCatch() throws Exception {
    Future<?> f = future("resourceWithItsOwnCatchAndFinally");
    suspend(f);
    assertEquals(List.of("open r", "waiting"), Trace.take());
    f.cancel();
    assertEquals(
        List.of("cancel guarded", "close r", "inner finally", "outer finally"), Trace.take());
    f.cancel();
    assertEquals(List.of(), Trace.take(), "a second cancel runs nothing again");
    assertThrows(IllegalStateException.class, () -> f.poll(new WakeCountingContext()));
  }

  @Test
  void cancelBeforeTheFirstPollRunsNothing() throws Exception {
    Future<?> f = future("nested", false);
    f.cancel();
    assertEquals(List.of(), Trace.take());
  }

  @Test
  void finallyBlocksThatDoNotEncloseTheAwaitDoNotRunAgainAndTheMachineStops() throws Exception {
    Future<?> f = future("noFinallyAroundTheAwait");
    suspend(f);
    assertEquals(List.of("try", "finally before the await"), Trace.take());
    f.cancel();
    assertEquals(List.of("cancel plain"), Trace.take());
    assertThrows(IllegalStateException.class, () -> Futures.blockOn(f));
  }

  /**
   * While cancelling, an await in a finally block polls its future once: a ready one goes on, a
   * pending one is cancelled and fails with CancelledException (which the finally may catch).
   */
  @Test
  void anAwaitInAFinallyWhileCancellingPollsOnceThenFailsWithCancelled() throws Exception {
    Future<?> f = future("awaitsInFinally");
    suspend(f);
    f.cancel();
    assertEquals(
        List.of(
            "cancel body",
            "ready 7",
            "poll a",
            "cancel a",
            "finally caught CancelledException",
            "poll b",
            "cancel b",
            "outer finally"),
        Trace.take());
    assertThrows(
        IllegalStateException.class, () -> f.poll(new WakeCountingContext()), "done after cancel");
  }

  @Test
  void anExceptionFromAFinallyComesOutOfCancelAfterTheOuterFinallyRanWithoutCatch()
      throws Exception {
    Future<?> f = future("throwingFinally");
    suspend(f);
    IllegalStateException e = assertThrows(IllegalStateException.class, f::cancel);
    assertEquals("from finally", e.getMessage());
    assertEquals(List.of("cancel body", "outer finally"), Trace.take());
    f.cancel();
    assertEquals(List.of(), Trace.take(), "a second cancel runs nothing again");
  }

  @Test
  void aJumpOutOfAFinallyBlockDuringCancelStillLeavesTheMachineDone() throws Exception {
    Future<?> f = future("continuesOutOfFinally");
    suspend(f);
    f.cancel();
    // the continue resumes the loop, whose next await is not ready: cancel() stops it there
    assertEquals(List.of("cancel loop", "finally 0", "cancel loop"), Trace.take());
    assertThrows(
        IllegalStateException.class, () -> f.poll(new WakeCountingContext()), "done after cancel");
  }
}
