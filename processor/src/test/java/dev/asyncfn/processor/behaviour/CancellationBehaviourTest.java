package dev.asyncfn.processor.behaviour;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.asyncfn.runtime.Future;
import dev.asyncfn.testing.AsyncCompiler;
import dev.asyncfn.testing.Compiled;
import dev.asyncfn.testing.JavaSource;
import dev.asyncfn.testing.Trace;
import dev.asyncfn.testing.WakeCountingContext;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Cancellation is drop (DESIGN.md): cancelling a suspended state machine cancels the future it
 * awaits, then runs exactly the finally blocks and resource closes that enclose the current await,
 * innermost first, never a catch block; a machine that never started runs nothing. There is no
 * synchronous twin of a cancellation, so these assert the trace directly.
 */
class CancellationBehaviourTest {
  private static final String SOURCE =
      """
      package cancel.c;

      import static dev.asyncfn.runtime.Futures.await;
      import static dev.asyncfn.testing.Trace.log;

      import dev.asyncfn.Async;
      import dev.asyncfn.runtime.Context;
      import dev.asyncfn.runtime.Future;
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

        @Async
        static int nested(boolean pastFirst) {
          try (Res r = new Res("r")) {
            try {
              log("before");
              if (pastFirst) {
                await(dev.asyncfn.runtime.Futures.ready(1));
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

        @Async
        static int noFinallyAroundTheAwait() {
          try {
            log("try");
          } finally {
            log("finally before the await");
          }
          return await(hang("plain"));
        }
      }
      """;

  private static Class<?> companion;

  @BeforeAll
  static void compile() {
    Compiled c = AsyncCompiler.create().compile(JavaSource.of(SOURCE)).assertSuccess();
    companion = c.loadClass("cancel.c.CancelAsync");
  }

  @BeforeEach
  void reset() {
    Trace.reset();
  }

  private static Future<?> future(String method, Object... args) throws Exception {
    for (var m : companion.getMethods()) {
      if (m.getName().equals(method) && m.getParameterCount() == args.length) {
        return (Future<?>) m.invoke(null, args);
      }
    }
    throw new AssertionError("no factory " + method);
  }

  @Test
  void cancelRunsEnclosingFinallyBlocksInnermostFirstAndNoCatch() throws Exception {
    Future<?> f = future("nested", true);
    assertTrue(f.poll(new WakeCountingContext()).isPending());
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
  void cancelBeforeTheFirstPollRunsNothing() throws Exception {
    Future<?> f = future("nested", false);
    f.cancel();
    assertEquals(List.of(), Trace.take());
  }

  @Test
  void finallyBlocksThatDoNotEncloseTheAwaitDoNotRunAgain() throws Exception {
    Future<?> f = future("noFinallyAroundTheAwait");
    assertTrue(f.poll(new WakeCountingContext()).isPending());
    assertEquals(List.of("try", "finally before the await"), Trace.take());
    f.cancel();
    assertEquals(List.of("cancel plain"), Trace.take());
  }
}
