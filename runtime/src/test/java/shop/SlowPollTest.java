/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package shop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.asyncfn.runtime.AsyncRuntime;
import dev.asyncfn.runtime.internal.debug.Watchdog;
import java.text.MessageFormat;
import java.util.List;
import java.util.ResourceBundle;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A poll that holds its thread longer than the threshold (100 ms by default) is logged once, with
 * the task, its {@code @Async} frame at the line that blocks, and the thread's stack; a task that
 * runs long but yields between short polls is never reported. The polls are real ({@code
 * Thread.sleep(300)} inside the task is the slow poll under test); the test waits for the
 * watchdog's ticks, not for time.
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class SlowPollTest {
  /** Records what is logged at WARNING and above. */
  static final class Recorder implements System.Logger {
    final List<String> warnings = new CopyOnWriteArrayList<>();

    @Override
    public String getName() {
      return "recorder";
    }

    @Override
    public boolean isLoggable(Level level) {
      return level.getSeverity() >= Level.WARNING.getSeverity();
    }

    @Override
    public void log(Level level, ResourceBundle bundle, String msg, Throwable thrown) {
      if (isLoggable(level)) {
        warnings.add(msg);
      }
    }

    @Override
    public void log(Level level, ResourceBundle bundle, String format, Object... params) {
      if (isLoggable(level)) {
        warnings.add(params == null ? format : MessageFormat.format(format, params));
      }
    }
  }

  private static AsyncRuntime build(StackTraceTest.Flavor flavor, Recorder log, boolean on) {
    AsyncRuntime.Builder b =
        AsyncRuntime.builder().name("slow-" + flavor).slowPollLogger(log).slowPollWarnings(on);
    return (flavor == StackTraceTest.Flavor.CURRENT_THREAD
            ? b.currentThread()
            : b.multiThread().workerThreads(2))
        .build();
  }

  /** Every check of the polls made so far is done (the watchdog ran two more ticks). */
  private static void watchdogCaughtUp() throws InterruptedException {
    assertTrue(Watchdog.awaitTicks(2, TimeUnit.SECONDS.toNanos(30)), "the watchdog ticks");
  }

  @ParameterizedTest
  @EnumSource(StackTraceTest.Flavor.class)
  void aPollThatSleepsIsReportedOnceWithItsTaskLineAndStack(StackTraceTest.Flavor flavor)
      throws Exception {
    Recorder log = new Recorder();
    try (AsyncRuntime rt = build(flavor, log, true)) {
      assertEquals(1, rt.blockOn(rt.spawn("sleepy", OrdersAsync.sleepy(300))));
      watchdogCaughtUp();
    }
    assertEquals(1, log.warnings.size(), log.warnings::toString);
    String w = log.warnings.get(0);
    String line = "shop.Orders.sleepy(Orders.java:" + Lines.of("sleepy-sleep") + ")";
    assertTrue(
        w.matches(
            "(?s)slow poll: task \\d+ \"sleepy\" in \\Q"
                + line
                + "\\E has held thread \\S+ of runtime \"slow-"
                + flavor
                + "\" \\(id \\d+, [^)]+\\) for at least \\d+ ms \\(threshold 100 ms\\)\\..*"),
        w);
    assertTrue(w.contains("\n    the thread's stack:\n"), w);
    assertTrue(w.contains("java.lang.Thread.sleep("), w);
    // The machine's frame, mapped; below it the worker's loop is trimmed.
    assertTrue(w.endsWith("\n\tat " + line), w);
    assertTrue(!w.contains("OrdersAsync_sleepy"), "no generated frame: " + w);
  }

  @ParameterizedTest
  @EnumSource(StackTraceTest.Flavor.class)
  void aLongTaskThatYieldsIsNeverReported(StackTraceTest.Flavor flavor) throws Exception {
    Recorder log = new Recorder();
    try (AsyncRuntime rt = build(flavor, log, true)) {
      int polls = rt.blockOn(rt.spawn("yielding", OrdersAsync.yielding(400)));
      assertTrue(polls > 1, "it yielded " + polls + " times");
      watchdogCaughtUp();
    }
    assertEquals(List.of(), log.warnings);
  }

  @ParameterizedTest
  @EnumSource(StackTraceTest.Flavor.class)
  void warningsCanBeTurnedOff(StackTraceTest.Flavor flavor) throws Exception {
    Recorder log = new Recorder();
    try (AsyncRuntime rt = build(flavor, log, false)) {
      assertEquals(1, rt.blockOn(rt.spawn(OrdersAsync.sleepy(300))));
      watchdogCaughtUp();
    }
    assertEquals(List.of(), log.warnings);
  }
}
