/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.processor.lint;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.asyncfn.testing.AsyncCompiler;
import dev.asyncfn.testing.CompileDiagnostic;
import dev.asyncfn.testing.Compiled;
import dev.asyncfn.testing.JavaSource;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Generated code compiles without warnings under {@code -Xlint:all}, so users may build with
 * {@code -Werror}: the golden input, and a generic method with a loop, try-with-resources over a
 * {@code var}, an implicit-this compound assignment and an await in a conditional.
 */
class LintTest {
  private static final String GENERIC =
      """
      package lint.p;

      import static dev.asyncfn.runtime.Futures.await;
      import static dev.asyncfn.testing.TestFutures.later;

      import dev.asyncfn.Async;
      import java.io.IOException;
      import java.io.StringReader;
      import java.util.List;

      class C {
        int count;

        static int f(int x) {
          return x;
        }

        @Async
        <T> String generic(List<T> xs, T extra) throws IOException {
          String s = "";
          for (T x : xs) {
            try (var r = new StringReader(String.valueOf(x))) {
              s += await(later(x)) + "" + (char) r.read();
            }
          }
          count += f(await(later(1)));
          return s + extra + (count > 0 ? await(later("a")) : "b");
        }
      }
      """;

  /** What strict production code has: varargs, deprecation, several exceptions, clashing names. */
  private static final String STRICT =
      """
      package lint.q;

      import static dev.asyncfn.runtime.Futures.await;
      import static dev.asyncfn.testing.TestFutures.later;

      import dev.asyncfn.Async;
      import java.io.IOException;
      import java.util.List;
      import java.util.concurrent.Future;
      import java.util.concurrent.TimeoutException;
      import javax.naming.Context;

      class Strict {
        @Deprecated
        static int old() {
          return 1;
        }

        static int ints(int a, int b) {
          return a + b;
        }

        static Integer boxed() {
          return 2;
        }

        @SafeVarargs
        @Async
        static <T> int safe(T... xs) throws IOException, TimeoutException {
          return await(later(xs.length));
        }

        @SuppressWarnings("deprecation")
        @Async
        static int usesDeprecated(List<Future<?>> pending, int LINES) {
          String url = Context.PROVIDER_URL;
          return ints(boxed(), await(later(old() + LINES))) + pending.size() + url.length();
        }
      }
      """;

  @Test
  void generatedCodeRaisesNoWarningUnderXlintAllProcessingIncluded() {
    List<JavaSource> sources = new ArrayList<>();
    sources.add(fromGoldenInput("shop/Orders.java"));
    sources.add(fromGoldenInput("dev/asyncfn/processor/Later.java"));
    sources.add(JavaSource.of(GENERIC));
    sources.add(JavaSource.of(STRICT));
    Compiled c = AsyncCompiler.create().withOptions("-Xlint:all,-options").compile(sources);
    String problems =
        c.diagnostics().stream()
            .filter(d -> d.isWarning() || d.isError())
            .map(CompileDiagnostic::toString)
            .collect(Collectors.joining("\n"));
    assertTrue(problems.isEmpty(), "warnings under -Xlint:all:\n" + problems + "\n" + c.report());
  }

  @Test
  void generatedCodeRaisesNoWarningUnderXlintAll() {
    List<JavaSource> sources = new ArrayList<>();
    sources.add(fromGoldenInput("shop/Orders.java"));
    sources.add(fromGoldenInput("dev/asyncfn/processor/Later.java"));
    sources.add(JavaSource.of(GENERIC));
    Compiled c =
        AsyncCompiler.create().withOptions("-Xlint:all,-processing,-options").compile(sources);
    String problems =
        c.diagnostics().stream()
            .filter(d -> d.isWarning() || d.isError())
            .map(CompileDiagnostic::toString)
            .collect(Collectors.joining("\n"));
    assertTrue(problems.isEmpty(), "warnings in generated code:\n" + problems + "\n" + c.report());
  }

  /** The golden input (see generated/GoldenTest), at the path it is compiled from there. */
  private static JavaSource fromGoldenInput(String path) {
    return new JavaSource(path, JavaSource.fromResource("goldens/input/" + path).text());
  }
}
