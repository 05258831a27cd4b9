/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.junit.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import dev.asyncfn.junit.AsyncParameterizedTest;
import dev.asyncfn.junit.AsyncTest;
import dev.asyncfn.junit.TaskDump;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.Events;
import org.opentest4j.AssertionFailedError;

/**
 * {@link AsyncTest} and {@link AsyncParameterizedTest} as a user sees them: the classes of {@link
 * Scenarios} run through JUnit's {@code EngineTestKit}, and the outcome of each test is asserted,
 * failures and leaks included.
 */
class AsyncTestExtensionTest {
  private static final String PACKAGE = "dev.asyncfn.junit.tests.";

  @BeforeEach
  void clearLog() {
    Scenarios.log.clear();
  }

  @Test
  void testsThatAwaitPass() {
    Events tests = run(selectClass(Scenarios.Passing.class));
    tests.assertStatistics(s -> s.started(3).succeeded(3).failed(0));
  }

  @Test
  void aFailureIsTheBodysOwnExceptionUnwrapped() {
    Map<String, Throwable> failures = failures(run(selectClass(Scenarios.Failing.class)));

    Throwable io = failures.get("throwsAfterAnAwait()");
    assertSame(Scenarios.Failing.thrown, io, "the same object, not a wrapper");
    assertNull(io.getCause());
    assertEquals(0, io.getSuppressed().length);

    Throwable assertion = failures.get("failsAnAssertion()");
    assertInstanceOf(AssertionFailedError.class, assertion);
    assertEquals("the answer ==> expected: <42> but was: <41>", assertion.getMessage());
    // the generated machine's frame shows as the test method's own, on its line
    assertTrue(
        List.of(assertion.getStackTrace()).stream()
            .anyMatch(
                f ->
                    f.getClassName().equals(PACKAGE + "Scenarios$Failing")
                        && f.getMethodName().equals("failsAnAssertion")
                        && "Scenarios.java".equals(f.getFileName())
                        && f.getLineNumber() > 0),
        "the test method's frame, where the generated state machine ran the assertion");
  }

  @Test
  void aTaskStillAliveWhenTheTestEndsFailsIt() {
    Events tests = run(selectClass(Scenarios.Leaking.class));
    Map<String, Throwable> failures = failures(tests);
    assertEquals(
        List.of("failsAndLeaks()", "leaksOnTheMultiThreadFlavour()", "spawnsATaskAndForgetsIt()"),
        List.copyOf(failures.keySet()),
        "abortsWhatItSpawned() passes");

    Throwable leak = failures.get("spawnsATaskAndForgetsIt()");
    assertEquals(
        "@AsyncTest Leaking.spawnsATaskAndForgetsIt() leaked 1 task: still alive when the test's"
            + " future completed. Await each spawned task's JoinHandle (or use a JoinSet), or"
            + " abort it, before the test ends.\n"
            + "  (no task dump available: the runtime reports the number of live tasks only; a"
            + " dev.asyncfn.junit.TaskDump lists them)",
        leak.getMessage());
    assertInstanceOf(AssertionError.class, leak);
    StackTraceElement testMethod =
        new StackTraceElement(
            Scenarios.Leaking.class.getName(), "spawnsATaskAndForgetsIt", "Scenarios.java", -1);
    assertEquals(
        List.of(testMethod),
        List.of(leak.getStackTrace()),
        "reported at the test method, not in the extension");

    assertTrue(
        failures
            .get("leaksOnTheMultiThreadFlavour()")
            .getMessage()
            .startsWith("@AsyncTest Leaking.leaksOnTheMultiThreadFlavour() leaked 1 task"));

    Throwable failed = failures.get("failsAndLeaks()");
    assertInstanceOf(AssertionFailedError.class, failed, "the test's own failure comes first");
    assertEquals(1, failed.getSuppressed().length);
    assertTrue(failed.getSuppressed()[0].getMessage().contains("leaked 1 task"));
  }

  @Test
  void aConfiguredTaskDumpListsTheLeakedTasks() {
    Events tests =
        EngineTestKit.engine("junit-jupiter")
            .configurationParameter(
                TaskDump.CONFIGURATION_PARAMETER, Scenarios.CountingDump.class.getName())
            .selectors(selectMethod(Scenarios.Leaking.class, "spawnsATaskAndForgetsIt"))
            .execute()
            .testEvents();
    String message = failures(tests).get("spawnsATaskAndForgetsIt()").getMessage();
    assertTrue(message.endsWith("before the test ends.\n  - task 1 of 1"), message);
  }

  @Test
  void beforeEachAndAfterEachRunAroundTheFutureOnTheSameInstance() {
    run(selectClass(Scenarios.Lifecycle.class)).assertStatistics(s -> s.succeeded(1).failed(0));
    assertEquals(List.of("before", "test", "after opened"), Scenarios.log);
  }

  @Test
  void eachParameterizedInvocationRunsOnItsOwnRuntime() {
    Events tests = run(selectClass(Scenarios.Parameterized.class));
    tests.assertStatistics(s -> s.started(3).succeeded(2).failed(1));
    assertEquals(List.of("slept 1", "slept 2", "slept 3"), Scenarios.log);
    Map<String, Throwable> failures = failures(tests);
    assertEquals(List.of("[2] 2"), List.copyOf(failures.keySet()));
    Throwable failure = failures.get("[2] 2");
    assertEquals("two fails on purpose ==> expected: not equal but was: <2>", failure.getMessage());
  }

  @Test
  void nestedClassesAwaitToo() {
    run(selectClass(Scenarios.Outer.class)).assertStatistics(s -> s.started(2).succeeded(2));
    assertEquals(List.of("outer outer", "inner outer"), Scenarios.log);
  }

  @Test
  void theMultiThreadFlavourRunsTasksOnItsWorkers() {
    run(selectClass(Scenarios.MultiThread.class)).assertStatistics(s -> s.succeeded(1));
    assertEquals(List.of("asyncfn-test-runsTasksOnTheRuntimesWorkers-worker-N"), Scenarios.log);
  }

  @Test
  void settingsTheRuntimeCannotHonourAreReported() {
    Map<String, Throwable> failures = failures(run(selectClass(Scenarios.Misconfigured.class)));
    Throwable paused = failures.get("pausedMultiThread()");
    assertInstanceOf(ExtensionConfigurationException.class, paused);
    assertTrue(
        paused
            .getMessage()
            .startsWith("@AsyncTest(startPaused = true) needs the current-thread flavour"));
    Throwable workers = failures.get("workersOnACurrentThreadRuntime()");
    assertTrue(
        workers
            .getMessage()
            .startsWith("@AsyncTest(workerThreads = 4) needs flavor = Flavor.MULTI_THREAD"));
  }

  @Test
  void aPlainTestBesideIsLeftAlone() {
    run(selectClass(Scenarios.PlainTestBeside.class)).assertStatistics(s -> s.succeeded(1));
    assertEquals(List.of("plain no runtime"), Scenarios.log);
  }

  @Test
  void anInheritedTestRunsOnTheSubclassInstance() {
    run(selectClass(Scenarios.Derived.class)).assertStatistics(s -> s.succeeded(1));
    assertEquals(List.of("inherited by Derived"), Scenarios.log);
  }

  @Test
  void junitsSeparateThreadTimeoutBoundsATestThatWaitsForEver() throws InterruptedException {
    Throwable timeout =
        failures(run(selectClass(Scenarios.TimesOut.class)))
            .get("waitsForSomethingThatDoesNotHappen()");
    assertInstanceOf(TimeoutException.class, timeout);
    // let the abandoned test finish, so that its runtime shuts down
    Scenarios.TimesOut.never.sender().send("late");
    for (int i = 0; i < 500 && Scenarios.log.isEmpty(); i++) {
      Thread.sleep(10);
    }
    assertEquals(List.of("got late"), Scenarios.log);
  }

  private static Events run(DiscoverySelector selector) {
    return EngineTestKit.engine("junit-jupiter").selectors(selector).execute().testEvents();
  }

  /** The failure of each failed test, by display name, sorted. */
  private static Map<String, Throwable> failures(Events tests) {
    Map<String, Throwable> out = new TreeMap<>();
    for (Event e : tests.failed().list()) {
      TestExecutionResult result = e.getPayload(TestExecutionResult.class).orElseThrow();
      out.put(e.getTestDescriptor().getDisplayName(), result.getThrowable().orElseThrow());
    }
    return out;
  }
}
