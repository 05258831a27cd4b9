/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import javax.tools.Diagnostic;
import org.junit.jupiter.api.Test;

/** The processor is not on this module's class path: these tests compile without it. */
class AsyncCompilerTest {
  private static final AsyncCompiler PLAIN = AsyncCompiler.create().withoutProcessor();

  @Test
  void compilesInMemoryAndLoadsAgainstTheTestClassPath() throws Exception {
    Compiled c =
        PLAIN.compile(
            JavaSource.of(
                """
                package p;
                public class Hello {
                  public static String hi() {
                    dev.asyncfn.testing.Trace.log("hi");
                    return dev.asyncfn.runtime.Futures.blockOn(dev.asyncfn.testing.TestFutures.later("x"));
                  }
                }
                """));
    c.assertSuccess();
    Class<?> hello = c.loadClass("p.Hello");
    Trace.reset();
    assertEquals("x", hello.getMethod("hi").invoke(null));
    assertEquals(List.of("hi"), Trace.take(), "compiled code shares Trace with the test");
  }

  @Test
  void reportsErrorsWithFileLineAndLineText() {
    JavaSource broken =
        JavaSource.of(
            """
            package q;
            class Broken {
              int f() {
                return "not an int"; // here
              }
            }
            """);
    Compiled c = PLAIN.compile(broken);
    assertFalse(c.success());
    CompileDiagnostic d =
        c.assertDiagnostic(
            Diagnostic.Kind.ERROR, "incompatible types", "Broken.java", broken.lineContaining("// here"));
    assertEquals("q/Broken.java", d.file());
    assertEquals(4, d.line());
    assertTrue(d.lineText().startsWith("return \"not an int\""), d.lineText());
    AssertionError e = assertThrows(AssertionError.class, c::assertSuccess);
    assertTrue(e.getMessage().contains("q/Broken.java:4"), e.getMessage());
  }

  @Test
  void compileIsolatedSetsApartOnlyTheBrokenSources() {
    JavaSource good1 = JavaSource.of("package a; public class A { public static int v() { return 1; } }");
    JavaSource bad = JavaSource.of("package b; class B { int x = \"no\"; }");
    JavaSource good2 = JavaSource.of("package c; public class C { public static int v() { return 3; } }");
    Map<String, Compiled> results = PLAIN.compileIsolated(List.of(good1, bad, good2));
    assertEquals(List.of("a/A.java", "b/B.java", "c/C.java"), List.copyOf(results.keySet()));
    Compiled a = results.get("a/A.java");
    assertTrue(a.success());
    assertSame(a, results.get("c/C.java"), "the good ones share one javac run");
    Compiled b = results.get("b/B.java");
    assertNotSame(a, b);
    assertFalse(b.success());
    assertEquals(1, b.errors().size(), b.report());
    assertEquals(List.of(bad), b.sources());
  }

  @Test
  void withoutTheProcessorOnTheClassPathTheErrorSaysSo() {
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () -> AsyncCompiler.create().compile(JavaSource.of("package z; class Z {}")));
    assertTrue(e.getMessage().contains(AsyncCompiler.PROCESSOR), e.getMessage());
    assertTrue(e.getMessage().contains("asyncfn-processor"), e.getMessage());
  }

  @Test
  void javaSourceDerivesItsPathAndFindsLines() {
    JavaSource s = JavaSource.of("package x.y;\n\nfinal class Z {\n  // mark\n}\n");
    assertEquals("x/y/Z.java", s.path());
    assertEquals("x.y", s.packageName());
    assertEquals("Z.java", s.fileName());
    assertEquals(4, s.lineContaining("mark"));
    assertThrows(IllegalArgumentException.class, () -> s.lineContaining("absent"));
  }

  @Test
  void fromResourceSaysWhereToPutAMissingResource() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> JavaSource.fromResource("cases/Nope.java"));
    assertTrue(e.getMessage().contains("src/test/resources/cases/Nope.java"), e.getMessage());
  }
}
