package dev.asyncfn.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.asyncfn.runtime.Context;
import dev.asyncfn.runtime.Future;
import dev.asyncfn.runtime.Futures;
import java.util.List;
import org.junit.jupiter.api.Test;

/** cancel() of a suspended machine: awaited future cancelled, finally blocks and closes run once. */
class CancelTest {
  static final String SOURCE =
      OracleCase.HEADER
          + "class C {\n"
          + "  static final class Res implements AutoCloseable {\n"
          + "    public void close() { log(\"closed\"); }\n"
          + "  }\n"
          + "  static final class Never implements dev.asyncfn.runtime.Future<Integer> {\n"
          + "    public dev.asyncfn.runtime.Poll<Integer> poll(dev.asyncfn.runtime.Context cx) {\n"
          + "      return dev.asyncfn.runtime.Poll.pending();\n"
          + "    }\n"
          + "    public void cancel() { log(\"inner cancelled\"); }\n"
          + "  }\n"
          + "  @Async static int guarded() {\n"
          + "    try {\n"
          + "      try (Res r = new Res()) {\n"
          + "        log(\"waiting\");\n"
          + "        return await(new Never());\n"
          + "      } catch (RuntimeException e) {\n"
          + "        log(\"catch must not run\");\n"
          + "        return -1;\n"
          + "      } finally {\n"
          + "        log(\"inner finally\");\n"
          + "      }\n"
          + "    } finally {\n"
          + "      log(\"outer finally\");\n"
          + "    }\n"
          + "  }\n"
          + "  static final class Ready implements dev.asyncfn.runtime.Future<Integer> {\n"
          + "    public dev.asyncfn.runtime.Poll<Integer> poll(dev.asyncfn.runtime.Context cx) {\n"
          + "      return dev.asyncfn.runtime.Poll.ready(7);\n"
          + "    }\n"
          + "  }\n"
          + "  static final class Stuck implements dev.asyncfn.runtime.Future<Integer> {\n"
          + "    public dev.asyncfn.runtime.Poll<Integer> poll(dev.asyncfn.runtime.Context cx) {\n"
          + "      log(\"stuck polled\");\n"
          + "      return dev.asyncfn.runtime.Poll.pending();\n"
          + "    }\n"
          + "    public void cancel() { log(\"stuck cancelled\"); }\n"
          + "  }\n"
          + "  @Async static int awaitsInFinally() {\n"
          + "    try {\n"
          + "      try {\n"
          + "        return await(new Never());\n"
          + "      } catch (RuntimeException e) {\n"
          + "        log(\"catch must not run\");\n"
          + "        return -1;\n"
          + "      } finally {\n"
          + "        log(\"ready \" + await(new Ready()));\n"
          + "        try {\n"
          + "          await(new Stuck());\n"
          + "          log(\"rest of the finally must not run\");\n"
          + "        } catch (dev.asyncfn.runtime.CancelledException e) {\n"
          + "          log(\"finally caught \" + e.getClass().getSimpleName());\n"
          + "        }\n"
          + "        await(new Stuck());\n"
          + "        log(\"rest of the inner finally must not run\");\n"
          + "      }\n"
          + "    } finally {\n"
          + "      log(\"outer finally\");\n"
          + "    }\n"
          + "  }\n"
          + "  @Async static int throwingFinally() {\n"
          + "    try {\n"
          + "      try {\n"
          + "        return await(new Never());\n"
          + "      } finally {\n"
          + "        throw new IllegalStateException(\"from finally\");\n"
          + "      }\n"
          + "    } catch (IllegalStateException e) {\n"
          + "      log(\"catch must not run\");\n"
          + "      return -1;\n"
          + "    } finally {\n"
          + "      log(\"outer finally\");\n"
          + "    }\n"
          + "  }\n"
          + "  @SuppressWarnings(\"finally\")\n"
          + "  @Async static int continuesOutOfFinally() {\n"
          + "    for (int i = 0; i < 3; i++) {\n"
          + "      try {\n"
          + "        await(new Never());\n"
          + "      } finally {\n"
          + "        log(\"finally \" + i);\n"
          + "        continue;\n"
          + "      }\n"
          + "    }\n"
          + "    return 0;\n"
          + "  }\n"
          + "  @Async static int plain() {\n"
          + "    return await(new Never());\n"
          + "  }\n"
          + "}\n";

  @Test
  void cancelRunsEnclosingFinallyBlocksInnermostFirst() throws Throwable {
    Compiled c = Compiled.of("p.C", SOURCE);
    Later.TRACE.clear();
    Future<?> f = (Future<?>) c.call("p.CAsync", "guarded");
    assertTrue(f.poll(Context.noop()).isPending());
    f.cancel();
    assertEquals(
        List.of("waiting", "inner cancelled", "closed", "inner finally", "outer finally"),
        Later.TRACE);
    f.cancel();
    assertEquals(5, Later.TRACE.size(), "a second cancel runs nothing again");
    assertThrows(IllegalStateException.class, () -> f.poll(Context.noop()));
  }

  @Test
  void cancelWithoutFinallyStops() throws Throwable {
    Compiled c = Compiled.of("p.C", SOURCE);
    Later.TRACE.clear();
    Future<?> f = (Future<?>) c.call("p.CAsync", "plain");
    assertTrue(f.poll(Context.noop()).isPending());
    f.cancel();
    assertEquals(List.of("inner cancelled"), Later.TRACE);
    assertThrows(IllegalStateException.class, () -> Futures.blockOn(f));
  }

  @Test
  void awaitInFinallyWhileCancellingPollsOnceThenFailsWithCancelled() throws Throwable {
    Compiled c = Compiled.of("p.C", SOURCE);
    Later.TRACE.clear();
    Future<?> f = (Future<?>) c.call("p.CAsync", "awaitsInFinally");
    assertTrue(f.poll(Context.noop()).isPending());
    f.cancel();
    assertEquals(
        List.of(
            "inner cancelled",
            "ready 7",
            "stuck polled",
            "stuck cancelled",
            "finally caught CancelledException",
            "stuck polled",
            "stuck cancelled",
            "outer finally"),
        Later.TRACE);
    assertThrows(IllegalStateException.class, () -> f.poll(Context.noop()), "done after cancel");
  }

  @Test
  void exceptionFromFinallyComesOutOfCancelAfterOuterFinallyRanWithoutCatch() throws Throwable {
    Compiled c = Compiled.of("p.C", SOURCE);
    Later.TRACE.clear();
    Future<?> f = (Future<?>) c.call("p.CAsync", "throwingFinally");
    assertTrue(f.poll(Context.noop()).isPending());
    IllegalStateException e = assertThrows(IllegalStateException.class, f::cancel);
    assertEquals("from finally", e.getMessage());
    assertEquals(List.of("inner cancelled", "outer finally"), Later.TRACE);
    f.cancel();
    assertEquals(2, Later.TRACE.size());
  }

  @Test
  void aJumpOutOfAFinallyBlockDuringCancelStillLeavesTheMachineDone() throws Throwable {
    Compiled c = Compiled.of("p.C", SOURCE);
    Later.TRACE.clear();
    Future<?> f = (Future<?>) c.call("p.CAsync", "continuesOutOfFinally");
    assertTrue(f.poll(Context.noop()).isPending());
    f.cancel();
    // the continue resumes the loop, whose next await is not ready: cancel() stops it there
    assertEquals(List.of("inner cancelled", "finally 0", "inner cancelled"), Later.TRACE);
    assertThrows(IllegalStateException.class, () -> f.poll(Context.noop()), "done after cancel");
  }
}
