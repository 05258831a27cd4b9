package dev.asyncfn.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.asyncfn.runtime.Context;
import dev.asyncfn.runtime.Future;
import dev.asyncfn.runtime.Poll;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/** An await of a ready future neither suspends nor allocates (once the JIT has compiled it). */
class AllocationTest {
  @Test
  void awaitOfAReadyFutureAllocatesNothing() throws Throwable {
    Compiled c =
        Compiled.of(
            "p.Loop",
            "package p;\n"
                + "import dev.asyncfn.Async;\n"
                + "import dev.asyncfn.runtime.Future;\n"
                + "import dev.asyncfn.runtime.Futures;\n"
                + "import static dev.asyncfn.runtime.Futures.await;\n"
                + "class Loop {\n"
                + "  static final Future<Integer> ONE = Futures.ready(1);\n"
                + "  @Async static int sum(int n) {\n"
                + "    int s = 0;\n"
                + "    for (int i = 0; i < n; i++) {\n"
                + "      s += await(ONE);\n"
                + "    }\n"
                + "    return s;\n"
                + "  }\n"
                + "}\n");
    Context cx = Context.noop();
    for (int i = 0; i < 20; i++) {
      run(c, cx, 100_000); // warm up: let the JIT compile poll
    }
    com.sun.management.ThreadMXBean mx =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long tid = Thread.currentThread().getId();
    int awaits = 2_000_000;
    long before = mx.getThreadAllocatedBytes(tid);
    run(c, cx, awaits);
    long bytes = mx.getThreadAllocatedBytes(tid) - before;
    // the machine itself and reflection around it are a few hundred bytes; per await it is 0
    assertTrue(
        bytes < awaits / 100,
        "allocated " + bytes + " bytes for " + awaits + " awaits of a ready future");
  }

  private static void run(Compiled c, Context cx, int n) throws Throwable {
    Future<?> f = (Future<?>) c.call("p.LoopAsync", "sum", n);
    Poll<?> p = f.poll(cx);
    assertTrue(p.isReady(), "an await of a ready future must not suspend");
    assertEquals(n, p.get());
  }
}
