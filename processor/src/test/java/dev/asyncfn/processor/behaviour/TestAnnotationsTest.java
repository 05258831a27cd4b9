/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.processor.behaviour;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.asyncfn.runtime.Future;
import dev.asyncfn.runtime.Futures;
import dev.asyncfn.testing.AsyncCompiler;
import dev.asyncfn.testing.CompileDiagnostic;
import dev.asyncfn.testing.Compiled;
import dev.asyncfn.testing.JavaSource;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.util.List;
import javax.tools.Diagnostic;
import org.junit.jupiter.api.Test;

/**
 * The test annotations of {@code asyncfn-junit} ({@code @AsyncTest}, {@code
 * AsyncParameterizedTest}) make a method async exactly as {@code @Async} does: the processor knows
 * them by name, so this module compiles stand-ins of the same names instead of depending on the
 * JUnit module.
 */
class TestAnnotationsTest {
  private static final JavaSource ASYNC_TEST =
      JavaSource.of(
          """
          package dev.asyncfn.junit;

          public @interface AsyncTest {}
          """);

  private static final JavaSource ASYNC_PARAMETERIZED_TEST =
      JavaSource.of(
          """
          package dev.asyncfn.junit;

          public @interface AsyncParameterizedTest {}
          """);

  private static final JavaSource TESTS =
      JavaSource.of(
          """
          package tests.annotated;

          import static dev.asyncfn.runtime.Futures.await;

          import dev.asyncfn.junit.AsyncParameterizedTest;
          import dev.asyncfn.junit.AsyncTest;
          import dev.asyncfn.runtime.Futures;

          public class GreeterTest {
            public String greeting = "hello";

            @AsyncTest
            void awaitsLikeAnAsyncMethod() {
              greeting = await(Futures.ready(greeting + " world"));
            }

            @AsyncParameterizedTest
            void takesItsArguments(int times) {
              for (int i = 0; i < times; i++) {
                greeting = await(Futures.ready(greeting + "!"));
              }
            }

            public class Nested {
              public String seen;

              @AsyncTest
              void anInnerClassMethodThatLeavesTheOuterInstanceAlone() {
                seen = await(Futures.ready("nested"));
              }
            }
          }
          """);

  @Test
  void asyncTestAndAsyncParameterizedTestMethodsGetFutures() throws Exception {
    Compiled c =
        AsyncCompiler.create()
            .compile(List.of(ASYNC_TEST, ASYNC_PARAMETERIZED_TEST, TESTS))
            .assertSuccess();
    assertEquals(List.of(), c.warnings(), "no AwaitOutsideAsync or other warning");

    Class<?> testClass = c.loadClass("tests.annotated.GreeterTest");
    Object test = testClass.getConstructor().newInstance();
    Class<?> companion = c.loadClass("tests.annotated.GreeterTestAsync");
    Futures.blockOn(
        (Future<?>)
            factory(companion, "awaitsLikeAnAsyncMethod", testClass).invoke(null, test));
    Futures.blockOn(
        (Future<?>)
            factory(companion, "takesItsArguments", testClass, int.class).invoke(null, test, 2));
    assertEquals("hello world!!", testClass.getDeclaredField("greeting").get(test));

    Class<?> nested = c.loadClass("tests.annotated.GreeterTest$Nested");
    Constructor<?> inner = nested.getConstructor(testClass);
    Object nestedTest = inner.newInstance(test);
    Class<?> nestedCompanion = c.loadClass("tests.annotated.GreeterTest_NestedAsync");
    Futures.blockOn(
        (Future<?>)
            factory(nestedCompanion, "anInnerClassMethodThatLeavesTheOuterInstanceAlone", nested)
                .invoke(null, nestedTest));
    assertEquals("nested", nested.getDeclaredField("seen").get(nestedTest));
  }

  @Test
  void anInnerClassTestThatUsesTheOuterInstanceIsReportedAsForAsync() {
    JavaSource outer =
        JavaSource.of(
            """
            package tests.outer;

            import static dev.asyncfn.runtime.Futures.await;

            import dev.asyncfn.junit.AsyncTest;
            import dev.asyncfn.runtime.Futures;

            public class OuterTest {
              String shared = "set up by the outer class";

              public class Nested {
                @AsyncTest
                void readsTheOuterField() {
                  String s = await(Futures.ready(shared));
                }
              }
            }
            """);
    Compiled c = AsyncCompiler.create().compile(List.of(ASYNC_TEST, outer));
    CompileDiagnostic d =
        c.assertDiagnostic(
            Diagnostic.Kind.ERROR,
            "[asyncfn/OuterInstance]",
            outer.path(),
            outer.lineContaining("ready(shared)"));
    assertTrue(d.message().contains("shared"), d.message());
  }

  /** A factory, package-private like the test method it stands for. */
  private static Method factory(Class<?> companion, String name, Class<?>... types)
      throws NoSuchMethodException {
    Method m = companion.getDeclaredMethod(name, types);
    m.setAccessible(true);
    return m;
  }
}
