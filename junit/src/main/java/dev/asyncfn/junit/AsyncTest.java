/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test method that may {@code await}, run as a future on a fresh runtime: the Java spelling of
 * Tokio's {@code #[tokio::test]}.
 *
 * <p>The asyncfn processor treats the method exactly like an {@code @Async} method and generates
 * its future ({@code <TestClass>Async.<method>(this, args...)}); {@link AsyncTestExtension} runs
 * that future, instead of the method, on a runtime built for this one test and shut down after it.
 * The processor must be on the test compiler's annotation processor path, as for any {@code
 * @Async} code.
 *
 * <h2>Example</h2>
 *
 * <pre>{@code
 * class TimeoutTest {
 *   @AsyncTest(startPaused = true)
 *   void anHourPassesAtOnce() {
 *     Instant start = Time.now();
 *     await(Time.sleep(Duration.ofHours(1)));          // virtual time: no wall time passes
 *     assertEquals(Duration.ofHours(1), Time.now().durationSince(start));
 *   }
 * }
 * }</pre>
 *
 * <h2>What the test gets</h2>
 *
 * <ul>
 *   <li>A fresh runtime per test: {@link Flavor#CURRENT_THREAD} by default (the test's thread
 *       drives every task), or {@link Flavor#MULTI_THREAD} with {@link #workerThreads()} workers.
 *   <li>{@link #startPaused()}: the clock starts paused and jumps to the next timer whenever every
 *       task is idle, so sleeps and timeouts take no wall time and happen in a reproducible order
 *       (current-thread only, as in Tokio).
 *   <li>Failures as thrown: an exception of the test body reaches JUnit as the same object, checked
 *       ones too, never wrapped.
 *   <li>No leaked tasks: a task spawned during the test that is still alive when the test's
 *       future completes fails the test, listing the tasks (see {@link TaskDump}). Await its
 *       {@code JoinHandle} (or a {@code JoinSet}), or abort it, before the test ends.
 *   <li>JUnit's lifecycle as usual: {@code @BeforeEach} and {@code @AfterEach} run as plain
 *       methods before and after, on the same test instance; parameters resolved by JUnit are
 *       passed to the future. For parameterised tests, see {@link AsyncParameterizedTest}.
 * </ul>
 *
 * <p>The method must not be private, and its body may not use private members of the test class
 * nor, in a {@code @Nested} class, the enclosing instance: the same rules as for any {@code @Async}
 * method, reported by the processor at compile time.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@Test
@ExtendWith(AsyncTestExtension.class)
public @interface AsyncTest {
  /** The runtime's flavour; current-thread by default. */
  Flavor flavor() default Flavor.CURRENT_THREAD;

  /**
   * Worker threads of a {@link Flavor#MULTI_THREAD} runtime; 0 (the default) means one per
   * processor. Not allowed with the current-thread flavour.
   */
  int workerThreads() default 0;

  /**
   * Starts the runtime's clock paused: virtual time that advances to the next timer whenever every
   * task is idle (and by hand with {@code Time.advance}). Current-thread flavour only.
   */
  boolean startPaused() default false;
}
