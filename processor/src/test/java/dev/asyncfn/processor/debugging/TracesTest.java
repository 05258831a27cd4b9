/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.processor.debugging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.asyncfn.runtime.Future;
import dev.asyncfn.runtime.Futures;
import dev.asyncfn.testing.AsyncCompiler;
import dev.asyncfn.testing.Compiled;
import dev.asyncfn.testing.JavaSource;
import dev.asyncfn.testing.TestRuntime;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A failure inside generated machines shows the synchronous twin's frames: the user's class,
 * method, file and line, at every kind of await point. Each case runs the machine through
 * {@code blockOn} and the twin directly, and compares the frames of the user's class, which must
 * be equal and name the lines below.
 */
class TracesTest {
  private static final String SOURCE =
      """
      package traces;

      import static dev.asyncfn.runtime.Futures.await;

      import dev.asyncfn.Async;
      import dev.asyncfn.runtime.Futures;
      import dev.asyncfn.runtime.JoinHandle;
      import dev.asyncfn.runtime.Tasks;
      import dev.asyncfn.runtime.time.Time;
      import java.time.Duration;
      import java.util.List;
      import java.util.concurrent.TimeoutException;

      public class Shop {
        static int price(String item) {
          if (item.isEmpty()) {
            throw new IllegalArgumentException("no item");
          }
          return item.length();
        }

        @Async
        static int total(List<String> items) {
          int sum = 0;
          for (String item : items) {
            sum += await(Futures.ready(1));
            sum +=
                price(item);
          }
          return sum;
        }

        @Async
        static int checkout(List<String> items) {
          int n = await(Futures.ready(items.size()));
          return n + await(ShopAsync.total(items));
        }

        @Async
        static int inFinally(List<String> items) {
          try {
            return await(ShopAsync.checkout(items));
          } finally {
            await(Futures.ready(0));
          }
        }

        @Async
        static int thrownAfterAwaitInTry(String item) {
          int a = await(Futures.ready(1));
          try {
            a += await(Futures.ready(2));
            if (a > 2) {
              throw new IllegalStateException("after " + a + " for " + item);
            }
          } finally {
            a = 0;
          }
          return a;
        }

        @Async
        static int caughtAndRethrown(List<String> items) {
          try {
            return await(ShopAsync.total(items));
          } catch (IllegalArgumentException e) {
            await(Futures.ready(0));
            throw e;
          }
        }

        @Async
        static int spawned(List<String> items) {
          JoinHandle<Integer> handle = Tasks.spawn(ShopAsync.total(items));
          int n = await(Futures.ready(1));
          return n + await(handle);
        }

        @Async
        static int joined(List<String> items) {
          var both = await(Futures.join(ShopAsync.total(List.of("a")), ShopAsync.total(items)));
          return both.first() + both.second();
        }

        @Async
        static int selected(List<String> items) {
          var first = await(Futures.select(ShopAsync.total(items), Time.sleep(Duration.ofHours(1))));
          return first.isFirst() ? 1 : 2;
        }

        @Async
        static int timedOut(List<String> items) throws TimeoutException {
          return await(Time.timeout(Duration.ofHours(1), ShopAsync.total(items)));
        }
      }
      """;

  private static Compiled compiled;

  @BeforeAll
  static void compile() {
    compiled = AsyncCompiler.create().compile(JavaSource.of(SOURCE)).assertSuccess();
  }

  private static Throwable failureOf(String className, String method, Object... args)
      throws Exception {
    for (Method m : compiled.loadClass(className).getDeclaredMethods()) {
      if (m.getName().equals(method)) {
        m.setAccessible(true);
        try {
          Object result = m.invoke(null, args);
          if (result instanceof Future) {
            Futures.blockOn((Future<?>) result);
          }
        } catch (InvocationTargetException e) {
          return e.getCause();
        } catch (Throwable t) {
          return t;
        }
        throw new AssertionError(method + " did not fail");
      }
    }
    throw new AssertionError("no method " + method);
  }

  /** The frames of the user's class, as {@code method:line}. */
  private static List<String> userFrames(Throwable t) {
    List<String> out = new ArrayList<>();
    for (StackTraceElement e : t.getStackTrace()) {
      if (e.getClassName().equals("traces.Shop")) {
        assertEquals("Shop.java", e.getFileName(), e.toString());
        out.add(e.getMethodName() + ":" + e.getLineNumber());
      }
    }
    return out;
  }

  private static List<String> assertTwinFrames(String method, Object... args) throws Exception {
    Throwable machine = failureOf("traces.ShopAsync", method, args);
    Throwable twin = failureOf("traces.Shop", method, args);
    assertEquals(twin.getClass(), machine.getClass());
    assertEquals(twin.getMessage(), machine.getMessage());
    List<String> frames = userFrames(machine);
    assertEquals(userFrames(twin), frames, Arrays.toString(machine.getStackTrace()));
    return frames;
  }

  @Test
  void aFailureInALoopShowsTheLineOfTheCallInAMultiLineStatement() throws Exception {
    assertEquals(
        List.of("price:17", "total:28"), assertTwinFrames("total", List.of("a", "")));
  }

  @Test
  void aNestedChainShowsEachAwaitingMethodAtItsAwait() throws Exception {
    assertEquals(
        List.of("price:17", "total:28", "checkout:36"),
        assertTwinFrames("checkout", List.of("")));
  }

  @Test
  void aFailureThroughAFinallyThatAwaitsKeepsItsFrames() throws Exception {
    assertEquals(
        List.of("price:17", "total:28", "checkout:36", "inFinally:42"),
        assertTwinFrames("inFinally", List.of("")));
  }

  @Test
  void aFailureThrownInATryAfterAnAwaitShowsTheThrowLine() throws Exception {
    assertEquals(List.of("thrownAfterAwaitInTry:54"), assertTwinFrames("thrownAfterAwaitInTry", "x"));
  }

  @Test
  void aCaughtAndRethrownFailureKeepsTheFramesItWasCreatedWith() throws Exception {
    assertEquals(
        List.of("price:17", "total:28", "caughtAndRethrown:65"),
        assertTwinFrames("caughtAndRethrown", List.of("")));
  }

  /** A machine's failure on a runtime (the twin cannot spawn or time out). */
  private static List<String> framesOnARuntime(String method, Object... args) throws Exception {
    for (Method m : compiled.loadClass("traces.ShopAsync").getDeclaredMethods()) {
      if (m.getName().equals(method)) {
        m.setAccessible(true);
        Future<?> f = (Future<?>) m.invoke(null, args);
        try (TestRuntime rt = TestRuntime.paused()) {
          Throwable t = assertThrows(Throwable.class, () -> rt.blockOn(f));
          assertEquals("no item", t.getMessage());
          return userFrames(t);
        }
      }
    }
    throw new AssertionError("no method " + method);
  }

  @Test
  void aSpawnedTaskAwaitedThroughItsHandleKeepsItsAwaitingCaller() throws Exception {
    // the task's own frames, then the caller awaiting its handle (the failure came from another
    // task, so the caller's frame is added where it awaits)
    assertEquals(
        List.of("price:17", "total:28", "spawned:76"),
        framesOnARuntime("spawned", List.of("")));
  }

  @Test
  void joinSelectAndTimeoutKeepTheAwaitingCaller() throws Exception {
    assertEquals(List.of("price:17", "total:28", "joined:81"), framesOnARuntime("joined", List.of("")));
    assertEquals(
        List.of("price:17", "total:28", "selected:87"), framesOnARuntime("selected", List.of("")));
    assertEquals(
        List.of("price:17", "total:28", "timedOut:93"), framesOnARuntime("timedOut", List.of("")));
  }

  @Test
  void theExceptionObjectIsTheOneThrown() throws Exception {
    Method total = compiled.loadClass("traces.ShopAsync").getDeclaredMethod("total", List.class);
    total.setAccessible(true);
    Future<?> f = (Future<?>) total.invoke(null, List.of(""));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Futures.blockOn(f));
    assertSame(null, e.getCause());
    assertEquals("no item", e.getMessage());
  }
}
