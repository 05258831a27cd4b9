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
}
