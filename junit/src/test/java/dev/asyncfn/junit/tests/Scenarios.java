/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.junit.tests;

import static dev.asyncfn.runtime.Futures.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.asyncfn.junit.AsyncParameterizedTest;
import dev.asyncfn.junit.AsyncTest;
import dev.asyncfn.junit.AsyncTestExtension;
import dev.asyncfn.junit.Flavor;
import dev.asyncfn.junit.TaskDump;
import dev.asyncfn.runtime.Futures;
import dev.asyncfn.runtime.JoinHandle;
import dev.asyncfn.runtime.RuntimeHandle;
import dev.asyncfn.runtime.Tasks;
import dev.asyncfn.runtime.sync.Oneshot;
import dev.asyncfn.runtime.time.Instant;
import dev.asyncfn.runtime.time.Time;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Test classes that {@link AsyncTestExtensionTest} runs through JUnit's {@code EngineTestKit}, to
 * assert what a user would see: some of them fail on purpose. They are static nested classes, so
 * the build's own test run does not pick them up. Their methods are compiled by the asyncfn
 * processor, like any {@code @AsyncTest}. (A package of their own: the tests are compiled into
 * the module, and its exported package would make their public companions API.)
 */
final class Scenarios {
  private Scenarios() {}

  /** What the scenarios record, in order, for the assertions; reset before each run. */
  static final List<String> log = new ArrayList<>();

  static synchronized void log(String entry) {
    log.add(entry);
  }

  static class Passing {
    @AsyncTest
    void awaitsAReadyFuture() {
      assertEquals(42, await(Futures.ready(42)));
    }

    @AsyncTest(startPaused = true)
    void anHourOfVirtualTimePassesAtOnce() {
      long wallStart = System.nanoTime();
      Instant start = Time.now();
      await(Time.sleep(Duration.ofHours(1)));
      assertEquals(Duration.ofHours(1), Time.now().durationSince(start));
      assertTrue(System.nanoTime() - wallStart < TimeUnit.SECONDS.toNanos(5));
    }

    @AsyncTest
    void awaitsTheTasksItSpawns() {
      JoinHandle<Integer> a = Tasks.spawn(Futures.lazy(() -> 1));
      JoinHandle<Integer> b = Tasks.spawn(Futures.lazy(() -> 2));
      assertEquals(3, await(a) + await(b));
    }
  }

  static class Failing {
    static IOException thrown;

    @AsyncTest
    void throwsAfterAnAwait() throws IOException {
      await(Tasks.yieldNow());
      thrown = new IOException("the original failure");
      throw thrown;
    }

    @AsyncTest
    void failsAnAssertion() {
      int answer = await(Futures.ready(41));
      assertEquals(42, answer, "the answer");
    }
  }

  static class Leaking {
    @AsyncTest
    void spawnsATaskAndForgetsIt() {
      Tasks.spawn(Futures.pending());
      await(Tasks.yieldNow());
    }

    @AsyncTest
    void abortsWhatItSpawned() {
      JoinHandle<Object> forever = Tasks.spawn(Futures.pending());
      await(Tasks.yieldNow());
      forever.abort();
    }

    @AsyncTest
    void failsAndLeaks() {
      Tasks.spawn(Futures.pending());
      assertEquals(1, await(Futures.ready(2)));
    }

    @AsyncTest(flavor = Flavor.MULTI_THREAD, workerThreads = 2)
    void leaksOnTheMultiThreadFlavour() {
      Tasks.spawn(Time.sleep(Duration.ofHours(1)));
      await(Tasks.yieldNow());
    }
  }

  /** A dump for {@link TaskDump#CONFIGURATION_PARAMETER}: one line per live task. */
  public static final class CountingDump implements TaskDump {
    public CountingDump() {}

    @Override
    public List<String> liveTasks(RuntimeHandle runtime) {
      List<String> lines = new ArrayList<>();
      for (int i = 1; i <= runtime.liveTaskCount(); i++) {
        lines.add("task " + i + " of " + runtime.liveTaskCount());
      }
      return lines;
    }
  }

  static class Lifecycle {
    String resource;
    Thread setUpOn;

    @BeforeEach
    void setUp() {
      resource = "opened";
      setUpOn = Thread.currentThread();
      log("before");
    }

    @AsyncTest
    void seesWhatBeforeEachSetUp() {
      String r = await(Futures.ready(resource));
      assertEquals("opened", r);
      assertEquals(setUpOn, Thread.currentThread(), "current-thread: the test's own thread");
      log("test");
    }

    @AfterEach
    void tearDown() {
      log("after " + resource);
    }
  }

  static class Parameterized {
    @AsyncParameterizedTest(startPaused = true)
    @ValueSource(ints = {1, 2, 3})
    void sleepsItsArgument(int minutes) {
      Instant start = Time.now();
      await(Time.sleep(Duration.ofMinutes(minutes)));
      log("slept " + Time.now().durationSince(start).toMinutes());
      assertNotEquals(2, minutes, "two fails on purpose");
    }
  }

  static class Outer {
    String setUpByOuter;

    @BeforeEach
    void outerSetUp() {
      setUpByOuter = "outer";
    }

    @AsyncTest
    void outerTest() {
      log("outer " + await(Futures.ready(setUpByOuter)));
    }

    @Nested
    class Inner {
      String copied;

      @BeforeEach
      void innerSetUp() {
        copied = setUpByOuter; // a plain method may use the outer instance; the async body not
      }

      @AsyncTest
      void innerTest() {
        log("inner " + await(Futures.ready(copied)));
      }
    }
  }

  static class MultiThread {
    @AsyncTest(flavor = Flavor.MULTI_THREAD, workerThreads = 2)
    void runsTasksOnTheRuntimesWorkers() {
      String worker = await(Tasks.spawn(Futures.lazy(() -> Thread.currentThread().getName())));
      log(worker.replaceAll("[0-9]+$", "N"));
    }
  }

  static class Misconfigured {
    @AsyncTest(flavor = Flavor.MULTI_THREAD, startPaused = true)
    void pausedMultiThread() {
      await(Tasks.yieldNow());
    }

    @AsyncTest(workerThreads = 4)
    void workersOnACurrentThreadRuntime() {
      await(Tasks.yieldNow());
    }
  }

  @ExtendWith(AsyncTestExtension.class)
  static class PlainTestBeside {
    @Test
    void aPlainTestRunsAsUsual() {
      log("plain " + (RuntimeHandle.tryCurrent().isPresent() ? "in a runtime" : "no runtime"));
    }
  }

  static class Base {
    @AsyncTest
    void inheritedTest() {
      log("inherited by " + await(Futures.ready(getClass().getSimpleName())));
    }
  }

  static class Derived extends Base {}

  static class TimesOut {
    static final Oneshot.Channel<String> never = Oneshot.channel();

    @AsyncTest
    @Timeout(
        value = 200,
        unit = TimeUnit.MILLISECONDS,
        threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void waitsForSomethingThatDoesNotHappen() {
      log("got " + await(never.receiver()));
    }
  }
}
