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
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;

/**
 * A parameterised test method that may {@code await}: JUnit's {@link ParameterizedTest} whose every
 * invocation runs as a future on a fresh runtime, as {@link AsyncTest} does for a single test.
 *
 * <p>Use it where you would use {@code @ParameterizedTest}, with the same argument sources beside
 * it ({@code @ValueSource}, {@code @CsvSource}, {@code @MethodSource}...). Each invocation gets the
 * converted arguments, a runtime of its own, and the leak check. It is a separate annotation
 * because {@code @AsyncTest} is a {@code @Test}, and JUnit runs a method annotated with both
 * {@code @Test} and {@code @ParameterizedTest} twice, once as each.
 *
 * <h2>Example</h2>
 *
 * <pre>{@code
 * @AsyncParameterizedTest(startPaused = true)
 * @ValueSource(ints = {1, 5, 60})
 * void sleepsAsLongAsAsked(int minutes) {
 *   Instant start = Time.now();
 *   await(Time.sleep(Duration.ofMinutes(minutes)));
 *   assertEquals(Duration.ofMinutes(minutes), Time.now().durationSince(start));
 * }
 * }</pre>
 *
 * <p>The display name of each invocation is {@code @ParameterizedTest}'s default; the other
 * attributes are {@link AsyncTest}'s.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@ParameterizedTest
@ExtendWith(AsyncTestExtension.class)
public @interface AsyncParameterizedTest {
  /** The runtime's flavour; current-thread by default. See {@link AsyncTest#flavor()}. */
  Flavor flavor() default Flavor.CURRENT_THREAD;

  /** Worker threads of a multi-thread runtime; see {@link AsyncTest#workerThreads()}. */
  int workerThreads() default 0;

  /** Starts the runtime's clock paused; see {@link AsyncTest#startPaused()}. */
  boolean startPaused() default false;
}
