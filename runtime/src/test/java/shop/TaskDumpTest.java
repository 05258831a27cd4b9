/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package shop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.asyncfn.runtime.AsyncRuntime;
import dev.asyncfn.runtime.Future;
import dev.asyncfn.runtime.Poll;
import dev.asyncfn.runtime.RuntimeHandle;
import dev.asyncfn.runtime.debug.TaskDump;
import dev.asyncfn.runtime.debug.TaskInfo;
import dev.asyncfn.runtime.debug.TaskState;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A runtime's task dump lists every live task with its id, name, state, times and the chain of
 * {@code @Async} frames it is suspended in, each at the user's line of its await; a hand-written
 * future at the end of the chain is shown by its {@code toString()}.
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class TaskDumpTest {
  private static final int MANY = 10_000;

  private static String at(String method, String marker) {
    return "shop.Orders." + method + "(Orders.java:" + Lines.of(marker) + ")";
  }

  /**
   * Waits until {@code n} tasks are parked: a task signals its group from inside its poll, so on a
   * multi-thread runtime its worker may still be finishing that poll (running) when blockOn
   * returns. Bounded by the test's timeout.
   */
  private static void untilAllIdle(AsyncRuntime rt, int n) {
    while (true) {
      List<TaskInfo> tasks = rt.dumpTasks().tasks();
      if (tasks.size() == n && tasks.stream().allMatch(t -> t.state() == TaskState.IDLE)) {
        return;
      }
      Thread.yield();
    }
  }

  private static List<String> frames(TaskInfo t) {
    List<String> out = new ArrayList<>();
    t.frames().forEach(e -> out.add(e.toString()));
    return out;
  }

  @ParameterizedTest
  @EnumSource(StackTraceTest.Flavor.class)
  void aParkedTaskShowsItsNameStateAndEachAwaitLine(StackTraceTest.Flavor flavor) {
    try (AsyncRuntime rt = flavor.build()) {
      Parked.Group group = new Parked.Group(1);
      rt.spawn("orders", OrdersAsync.relay(new Parked(group, "signal")));
      rt.blockOn(group.all());
      untilAllIdle(rt, 1);

      TaskDump dump = rt.dumpTasks();
      assertEquals(1, dump.tasks().size(), dump::toString);
      TaskInfo t = dump.tasks().get(0);
      assertEquals(Optional.of("orders"), t.name());
      assertEquals(TaskState.IDLE, t.state());
      assertFalse(t.cancelling());
      assertTrue(t.sinceLastPoll().isPresent(), "it was polled");
      assertEquals(List.of(at("waitFor", "waitFor-await"), at("relay", "relay-await")), frames(t));
      assertEquals(Optional.of("Parked[signal]"), t.awaiting());
      assertEquals(Optional.empty(), t.spawnedAt(), "spawned by the test's thread, outside tasks");

      String text = dump.toString();
      assertTrue(text.startsWith("Tasks of runtime \"traces-" + flavor + "\" (id "), text);
      assertTrue(text.contains(": 1 live\n"), text);
      assertTrue(text.contains("\ntask " + t.id() + " \"orders\" idle, created "), text);
      assertTrue(
          text.contains(
              "\n\tawaiting Parked[signal]\n\tat "
                  + at("waitFor", "waitFor-await")
                  + "\n\tat "
                  + at("relay", "relay-await")
                  + "\n"),
          text);
      TaskInfo again = rt.handle().dumpTasks().tasks().get(0);
      assertEquals(t.id(), again.id(), "the handle dumps the same runtime");
      assertEquals(t.frames(), again.frames());
    }
  }

  @Test
  void aTaskNotPolledYetIsScheduledAndAHandWrittenFutureShowsItsToString() {
    // A current-thread runtime polls only inside blockOn: a task spawned outside it waits, queued.
    try (AsyncRuntime rt = StackTraceTest.Flavor.CURRENT_THREAD.build()) {
      rt.spawn(new Never<String>("reply"));
      TaskInfo t = rt.dumpTasks().tasks().get(0);
      assertEquals(TaskState.SCHEDULED, t.state());
      assertEquals(Optional.empty(), t.sinceLastPoll());
      assertEquals(Optional.empty(), t.name());
      assertEquals(List.of(), t.frames());
      assertEquals(Optional.of("Never[reply]"), t.awaiting());
      assertTrue(
          t.toString()
              .matches(
                  "task \\d+ scheduled, created \\d+ ms ago, not polled yet"
                      + "\n\tawaiting Never\\[reply\\]"),
          t.toString());
    }
  }

  @ParameterizedTest
  @EnumSource(StackTraceTest.Flavor.class)
  void aTaskThatDumpsTheRuntimeSeesItselfRunning(
      StackTraceTest.Flavor flavor) {
    try (AsyncRuntime rt = flavor.build()) {
      AtomicReference<TaskDump> seen = new AtomicReference<>();
      Future<String> dumper =
          cx -> {
            seen.set(RuntimeHandle.current().dumpTasks());
            return Poll.ready("dumped");
          };
      assertEquals("dumped", rt.blockOn(rt.spawn("dumper", dumper)));
      TaskInfo self = seen.get().tasks().get(0);
      assertEquals(Optional.of("dumper"), self.name());
      assertEquals(TaskState.RUNNING, self.state());
      assertEquals(List.of(), self.frames());
    }
  }

  @ParameterizedTest
  @EnumSource(StackTraceTest.Flavor.class)
  void aDumpOfTenThousandParkedTasksNamesEachOnesAwaitLine(StackTraceTest.Flavor flavor) {
    try (AsyncRuntime rt = flavor.build()) {
      Parked.Group group = new Parked.Group(MANY);
      for (int i = 0; i < MANY; i++) {
        rt.spawn("parked-" + i, OrdersAsync.relay(new Parked(group, "signal-" + i)));
      }
      rt.blockOn(group.all());
      untilAllIdle(rt, MANY);

      // Figures, not assertions: the goal is "well under a second" (docs/debugging.md). The first
      // dump of a JVM runs cold code; the second is what a service that dumps now and then sees.
      TaskDump dump = null;
      String text = null;
      // CPU time beside wall time: on a shared build machine the thread may wait for a core.
      ThreadMXBean threads = ManagementFactory.getThreadMXBean();
      for (String which : List.of("first", "second")) {
        long start = System.nanoTime();
        long cpuStart = threads.getCurrentThreadCpuTime();
        dump = rt.dumpTasks();
        text = dump.toString();
        long cpu = threads.getCurrentThreadCpuTime() - cpuStart;
        long nanos = System.nanoTime() - start;
        System.out.printf(
            "task dump of %,d parked tasks (%s, %s dump): %.1f ms (%.1f ms of CPU),"
                + " %,d characters%n",
            MANY, flavor, which, nanos / 1e6, cpu / 1e6, text.length());
      }

      assertEquals(MANY, dump.tasks().size());
      List<String> chain = List.of(at("waitFor", "waitFor-await"), at("relay", "relay-await"));
      boolean[] seen = new boolean[MANY];
      for (TaskInfo t : dump.tasks()) {
        String name = t.name().orElseThrow();
        int i = Integer.parseInt(name.substring("parked-".length()));
        seen[i] = true;
        assertEquals(TaskState.IDLE, t.state(), name);
        assertEquals(chain, frames(t), name);
        assertEquals(Optional.of("Parked[signal-" + i + "]"), t.awaiting(), name);
      }
      for (int i = 0; i < MANY; i++) {
        assertTrue(seen[i], "parked-" + i + " is listed");
      }
      String line = "\n\tat " + at("waitFor", "waitFor-await") + "\n";
      int count = 0;
      for (int i = text.indexOf(line); i >= 0; i = text.indexOf(line, i + 1)) {
        count++;
      }
      assertEquals(MANY, count, "the text names each task's await line");
    }
  }
}
