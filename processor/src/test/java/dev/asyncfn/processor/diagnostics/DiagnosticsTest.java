/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.processor.diagnostics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.asyncfn.testing.AsyncCase;
import dev.asyncfn.testing.AsyncCompiler;
import dev.asyncfn.testing.CompileDiagnostic;
import dev.asyncfn.testing.Compiled;
import dev.asyncfn.testing.JavaSource;
import dev.asyncfn.testing.Oracle;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * One negative test per diagnostic of the processor's catalog: the message carries {@code
 * [asyncfn/Code]}, points at the file and at the line holding the offending text (marked {@code //
 * <-} in the sources below), is reported once, and the other, valid {@code @Async} method of the
 * same file still gets its real state machine, not the stub a method with errors gets.
 *
 * <p>Each source is compiled on its own: an error stops javac's later processing rounds, so
 * batching sources could hide a diagnostic that is reported in a later round.
 */
class DiagnosticsTest {

  /**
   * A rejected or warned-about construct.
   *
   * @param code the catalog code, e.g. {@code AwaitInLambda}
   * @param kind error or warning
   * @param source the source; the offending line ends with {@code // <-}
   * @param valid the simple name of a valid {@code @Async} method in the same class
   */
  record Negative(String name, String code, Diagnostic.Kind kind, String source, String valid) {}

  private static final String HEADER =
      """
      import static dev.asyncfn.runtime.Futures.await;
      import static dev.asyncfn.testing.TestFutures.later;

      import dev.asyncfn.Async;
      """;

  private static final String VALID =
      """
        @Async
        static int ok(int x) {
          return await(later(x)) + 1;
        }
      """;

  static List<Negative> negatives() {
    return List.of(
        error("awaitInLambda", "AwaitInLambda",
            """
            package neg.lambda;
            %s
            class Lambda {
              @Async
              static int bad() {
                java.util.function.IntSupplier s = () -> await(later(1)); // <-
                return s.getAsInt();
              }
            %s}
            """),
        error("awaitEachOutsideAForEachHeader", "AwaitEachOutsideForEach",
            """
            package neg.each;
            %s
            class Each {
              @Async
              static int bad(dev.asyncfn.runtime.stream.AsyncStream<Integer> s) {
                Iterable<Integer> xs = dev.asyncfn.runtime.Futures.awaitEach(s); // <-
                return xs.iterator().next();
              }
            %s}
            """),
        error("awaitEachInALambda", "AwaitInLambda",
            """
            package neg.eachlambda;
            %s
            class EachLambda {
              @Async
              static int bad(dev.asyncfn.runtime.stream.AsyncStream<Integer> s) {
                Runnable r = () -> {
                  for (int x : dev.asyncfn.runtime.Futures.awaitEach(s)) { // <-
                    System.out.println(x);
                  }
                };
                r.run();
                return 0;
              }
            %s}
            """),
        error("awaitInAnonymousClass", "AwaitInClass",
            """
            package neg.anonymous;
            %s
            class Anonymous {
              @Async
              static int bad() {
                java.util.function.IntSupplier s =
                    new java.util.function.IntSupplier() {
                      @Override
                      public int getAsInt() {
                        return await(later(2)); // <-
                      }
                    };
                return s.getAsInt();
              }
            %s}
            """),
        error("awaitInLocalClass", "AwaitInClass",
            """
            package neg.localclass;
            %s
            class LocalClass {
              @Async
              static int bad() {
                class Helper {
                  int get() {
                    return await(later(3)); // <-
                  }
                }
                return new Helper().get();
              }
            %s}
            """),
        error("awaitInSynchronized", "AwaitInSynchronized",
            """
            package neg.sync;
            %s
            class Sync {
              static final Object LOCK = new Object();

              @Async
              static int bad() {
                synchronized (LOCK) {
                  return await(later(4)); // <-
                }
              }
            %s}
            """),
        error("superCall", "SuperCall",
            """
            package neg.supercall;
            %s
            class SuperCall implements Named {
              @Async
              String bad() {
                String s = await(later("x"));
                return s + Named.super.name(); // <-
              }
            %s}

            interface Named {
              default String name() {
                return "named";
              }
            }
            """),
        error("privateClass", "PrivateType",
            """
            package neg.privatetype;
            %s
            class PrivateType {
              private static final class Hidden {
                int value = 2;
              }

              @Async
              static int bad() {
                int a = await(later(1));
                return a + new Hidden().value; // <-
              }
            %s}
            """),
        error("outerInstanceMember", "OuterInstance",
            """
            package neg.outer;
            %s
            class Outer {
              int outerField = 3;

              class Inner {
                @Async
                int bad() {
                  int a = await(later(1));
                  return a + outerField; // <-
                }
              }
            %s}
            """),
        error("asyncOnAbstractMethod", "UnsupportedMethod",
            """
            package neg.abstractmethod;
            %s
            abstract class AbstractMethod {
              @Async
              abstract int bad(); // <-
            %s}
            """),
        error("asyncInPrivateClass", "InaccessibleClass",
            """
            package neg.privateclass;
            %s
            class PrivateClass {
              private static class Hidden {
                @Async
                static int bad() { // <-
                  return await(later(1));
                }
              }
            %s}
            """),
        error("varOfNonDenotableTypeHeldAcrossAwait", "UnknownType",
            """
            package neg.unknowntype;
            %s
            class UnknownType {
              @Async
              static int bad() {
                var counter = new Object() { int count; }; // <-
                await(later(0));
                return ++counter.count;
              }
            %s}
            """),
        error("localClassInALoopBeforeAnAwait", "UnsupportedConstruct",
            """
            package neg.localbefore;
            %s
            class LocalBefore {
              @Async
              static int bad(int n) {
                int s = 0;
                for (int i = 0; i < n; i++) {
                  class Scaler { // <-
                    int scale(int x) {
                      return x * n;
                    }
                  }
                  s += new Scaler().scale(await(later(2)));
                }
                return s;
              }
            %s}
            """),
        warning("threadSleep", "BlockingCall",
            """
            package neg.sleep;
            %s
            class Sleep {
              @Async
              static int warned() throws InterruptedException {
                Thread.sleep(1); // <-
                return await(later(1));
              }
            %s}
            """),
        warning("completableFutureJoin", "BlockingCall",
            """
            package neg.join;
            %s
            class Join {
              @Async
              static int warned() {
                int a = java.util.concurrent.CompletableFuture.completedFuture(1).join(); // <-
                return a + await(later(1));
              }
            %s}
            """),
        warning("futuresBlockOn", "BlockingCall",
            """
            package neg.blockon;
            %s
            class BlockOn {
              @Async
              static int warned() {
                int a = dev.asyncfn.runtime.Futures.blockOn(later(1)); // <-
                return a + await(later(1));
              }
            %s}
            """),
        warning("futureGet", "BlockingCall",
            """
            package neg.futureget;
            %s
            class FutureGet {
              @Async
              static int warned() throws Exception {
                java.util.concurrent.Future<Integer> f =
                    java.util.concurrent.CompletableFuture.completedFuture(1);
                int a = f.get(); // <-
                return a + await(later(1));
              }
            %s}
            """),
        warning("syncTwinOfAnotherAsyncMethod", "BlockingCall",
            """
            package neg.twin;
            %s
            class Twin {
              @Async
              static int warned() {
                int a = ok(1); // <-
                return a + await(later(1));
              }
            %s}
            """),
        warning("awaitOutsideAsync", "AwaitOutsideAsync",
            """
            package neg.outside;
            %s
            class Outside {
              static int plain() {
                return await(later(1)); // <-
              }
            %s}
            """));
  }

  private static Negative error(String name, String code, String template) {
    return new Negative(name, code, Diagnostic.Kind.ERROR, template.formatted(HEADER, VALID), "ok");
  }

  private static Negative warning(String name, String code, String template) {
    return new Negative(
        name, code, Diagnostic.Kind.WARNING, template.formatted(HEADER, VALID), "ok");
  }

  @TestFactory
  Stream<DynamicTest> eachDiagnosticIsPositionedAndProcessingContinues() {
    AsyncCompiler compiler = AsyncCompiler.create();
    return negatives().stream()
        .map(n -> DynamicTest.dynamicTest(n.name() + " -> " + n.code(), () -> check(compiler, n)));
  }

  private static void check(AsyncCompiler compiler, Negative n) {
    JavaSource source = JavaSource.of(n.source());
    int line = source.lineContaining("// <-");
    Compiled c = compiler.compile(source);
    String tag = "[asyncfn/" + n.code() + "]";

    CompileDiagnostic d = c.assertDiagnostic(n.kind(), tag, source.fileName(), line);
    assertTrue(d.message().startsWith(tag), "the code leads the message: " + d.message());
    assertTrue(
        d.message().length() > tag.length() + 40,
        "the message says what is wrong and what to do: " + d.message());

    List<CompileDiagnostic> same = c.diagnosticsContaining(tag);
    assertEquals(1, same.size(), "reported once:\n" + c.report());
    List<CompileDiagnostic> otherAsyncfn =
        c.diagnostics().stream()
            .filter(x -> x.message().contains("[asyncfn/") && !x.message().contains(tag))
            .collect(Collectors.toList());
    assertTrue(otherAsyncfn.isEmpty(), "no other asyncfn diagnostic:\n" + c.report());

    if (n.kind() == Diagnostic.Kind.ERROR) {
      assertFalse(c.success(), "an error fails the build");
    } else {
      assertTrue(c.success(), "a warning does not fail the build:\n" + c.report());
    }
    assertValidMethodGenerated(c, source, n.valid());
  }

  /**
   * JDK-8347989 (fixed in JDK 25): javac 17 cannot type a method body before compiling it past a
   * {@code ?:}, in a typed context, whose branch calls an instance method by its simple name. A
   * {@code var} local after it whose initializer's shape does not give its type is then an error
   * that says how to avoid it; on a javac without the bug the same source compiles and runs.
   */
  @org.junit.jupiter.api.Test
  void aVarLocalJavacCannotTypeIsAPositionedErrorOnlyWhereJavacHasTheBug() {
    JavaSource source =
        JavaSource.of(
            """
            package neg.javacbug;
            %s
            class JavacBug {
              int count;

              int bump(int x) {
                return count += x;
              }

              @Async
              int bad(int p) {
                int x = p > 0 ? bump(1) : 0;
                var v = java.util.List.of(x); // <-
                await(later(0));
                return v.size();
              }
            %s}
            """
                .formatted(HEADER, VALID));
    assertReportedOnlyWhereJavacHasTheBug(source, "this.method(...)");
  }

  /**
   * The same javac bug for a multi-catch parameter whose catch block awaits: it cannot be given one
   * explicit type, so the message says what works instead (found by the random-program test).
   */
  @org.junit.jupiter.api.Test
  void aMultiCatchParameterJavacCannotTypeSaysWhatWorks() {
    JavaSource source =
        JavaSource.of(
            """
            package neg.javacbugcatch;
            %s
            class JavacBugCatch {
              int count;

              int bump(int x) {
                return count += x;
              }

              @Async
              int bad(int p) {
                int x = p > 0 ? bump(1) : 0;
                try {
                  if (x > 5) {
                    throw new java.io.IOException("io");
                  }
                  throw new IllegalStateException("state");
                } catch (java.io.IOException | IllegalStateException e) { // <-
                  return await(later(e.getMessage().length()));
                }
              }
            %s}
            """
                .formatted(HEADER, VALID));
    assertReportedOnlyWhereJavacHasTheBug(source, "separate catch blocks");
  }

  /**
   * On javac 25, {@code source} compiles; on an earlier javac, {@code VarNotTypedByJavac} is
   * reported once, on the line marked {@code // <-}, saying {@code advice}, and the valid method
   * beside it still gets its machine.
   */
  private static void assertReportedOnlyWhereJavacHasTheBug(JavaSource source, String advice) {
    Compiled c = AsyncCompiler.create().compile(source);
    if (Runtime.version().feature() >= 25) {
      assertTrue(c.success(), "javac " + Runtime.version() + " types it:\n" + c.report());
      return;
    }
    String tag = "[asyncfn/VarNotTypedByJavac]";
    CompileDiagnostic d =
        c.assertDiagnostic(
            Diagnostic.Kind.ERROR, tag, source.fileName(), source.lineContaining("// <-"));
    assertTrue(d.message().contains(advice), d.message());
    assertEquals(1, c.diagnosticsContaining(tag).size(), "reported once:\n" + c.report());
    assertValidMethodGenerated(c, source, "ok");
  }

  /**
   * A user class named like the companion ({@code TakenAsync} beside {@code Taken}): a positioned
   * error on the class saying what to rename, never javac's "attempt to recreate a file".
   */
  @org.junit.jupiter.api.Test
  void aUserClassNamedLikeTheCompanionIsAPositionedError() {
    JavaSource source =
        JavaSource.of(
            """
            package neg.taken;
            %s
            class Taken { // <-
              @Async
              static int ok(int x) {
                return await(later(x)) + 1;
              }
            }

            class TakenAsync {}
            """
                .formatted(HEADER));
    Compiled c = AsyncCompiler.create().compile(source);
    String tag = "[asyncfn/GeneratedNameTaken]";
    CompileDiagnostic d =
        c.assertDiagnostic(
            Diagnostic.Kind.ERROR, tag, source.fileName(), source.lineContaining("// <-"));
    assertTrue(d.message().contains("TakenAsync") && d.message().contains("Rename"), d.message());
    assertEquals(1, c.diagnosticsContaining(tag).size(), "reported once:\n" + c.report());
    assertTrue(
        c.diagnostics().stream().noneMatch(x -> x.message().contains("recreate")),
        "no Filer failure:\n" + c.report());
  }

  /**
   * A body javac will reject (an unknown method after an await) gets javac's own error, once, on
   * the user's line: the machine is a stub that copies nothing of the body, and a note says why.
   */
  @org.junit.jupiter.api.Test
  void aBodyThatDoesNotCompileIsReportedOnceOnTheUsersLine() {
    JavaSource source =
        JavaSource.of(
            """
            package neg.broken;
            %s
            class Broken {
              @Async
              static int bad(int x) {
                int a = await(later(x));
                return nowhere(a); // <-
              }
            %s}
            """
                .formatted(HEADER, VALID));
    Compiled c = AsyncCompiler.create().compile(source);
    int line = source.lineContaining("// <-");
    assertFalse(c.success());
    List<CompileDiagnostic> errors = c.errors();
    assertEquals(1, errors.size(), "one error:\n" + c.report());
    assertTrue(errors.get(0).isIn(source.fileName()) && errors.get(0).line() == line, c.report());
    assertTrue(errors.get(0).message().contains("nowhere"), c.report());
    assertEquals(
        1, c.diagnosticsContaining("[asyncfn/BodyDoesNotCompile]").size(), c.report());
    assertValidMethodGenerated(c, source, "ok");
  }

  /**
   * Under {@code -Xlint:all -Werror} a body javac will reject still gets javac's own error on the
   * user's line: its stub machine is written in a round before the last (a file created in the
   * last round is a "processing" warning, which -Werror turns into a failure before attribution,
   * so javac's error would never be printed).
   */
  @org.junit.jupiter.api.Test
  void aStrictBuildStillPrintsJavacsErrorOnTheUsersLine() {
    JavaSource source =
        JavaSource.of(
            """
            package neg.strict;
            %s
            class Strict {
              @Async
              static int bad(String s) {
                int n = await(later(1));
                return n + lenght(s); // <-
              }
            %s}
            """
                .formatted(HEADER, VALID));
    Compiled c = AsyncCompiler.create().withOptions("-Xlint:all", "-Werror").compile(source);
    assertFalse(c.success());
    assertTrue(
        c.diagnostics().stream().noneMatch(d -> d.message().contains("last round")),
        "no file is created in the last round:\n" + c.report());
    assertReportedOnceOnTheUsersLine(c, source, "lenght");
    assertValidMethodGenerated(c, source, "ok");
  }

  /**
   * A simple name in value position that nothing declares (no local, field, static import or
   * type) is javac's error, once: the machine is not generated with a copy of it.
   */
  @org.junit.jupiter.api.Test
  void anUnknownVariableIsReportedOnceOnTheUsersLine() {
    JavaSource source =
        JavaSource.of(
            """
            package neg.variable;
            %s
            class Variable {
              @Async
              static int bad(int state, long machine) {
                int a = await(later(state));
                return a + (int) machine + stat; // <-
              }
            %s}
            """
                .formatted(HEADER, VALID));
    Compiled c = AsyncCompiler.create().withOptions("-Xlint:all", "-Werror").compile(source);
    assertReportedOnceOnTheUsersLine(c, source, "stat");
    assertValidMethodGenerated(c, source, "ok");
  }

  /**
   * A local of a declared type returned where the method's type cannot take it is javac's error,
   * once, on the user's line: the machine does not copy the return.
   */
  @org.junit.jupiter.api.Test
  void aReturnOfTheWrongTypeIsReportedOnceOnTheUsersLine() {
    JavaSource source =
        JavaSource.of(
            """
            package neg.returns;
            %s
            class Returns {
              @Async
              static int bad() {
                String s = await(later("x"));
                return s; // <-
              }
            %s}
            """
                .formatted(HEADER, VALID));
    Compiled c = AsyncCompiler.create().withOptions("-Xlint:all", "-Werror").compile(source);
    assertReportedOnceOnTheUsersLine(c, source, "incompatible types");
    assertValidMethodGenerated(c, source, "ok");
  }

  /**
   * What the checks for unknown names and wrong returns must not take for mistakes: a pattern
   * binding in scope after an if that returns when it does not match, an enum constant as a case
   * label, an annotation's element name, a package-qualified name, a type before {@code ::}, a
   * constant local returned as a byte and a long, an int constant as a Character, a local class
   * returned as its interface while a class of that name exists in the package. All compile, with
   * real machines (the byte and the Character also took a fix of the machine's return: an
   * argument is no assignment context).
   */
  @org.junit.jupiter.api.Test
  void valueNamesAndReturnsThatCompileAreNotTakenForMistakes() {
    JavaSource other =
        JavaSource.of(
            """
            package pos.names;

            class Task {}
            """);
    JavaSource source =
        JavaSource.of(
            """
            package pos.names;
            %s
            import java.lang.annotation.RetentionPolicy;

            class Names {
              @Async
              static int binding(Object o) {
                if (!(o instanceof String s)) {
                  return -1;
                }
                int n = await(later(s.length()));
                @SuppressWarnings(value = "unused")
                java.util.function.Function<String, Integer> f = String::length;
                return n + java.util.List.of(1).size();
              }

              @Async
              static int label(RetentionPolicy p) {
                int n = await(later(1));
                switch (p) {
                  case SOURCE:
                    return n;
                  default:
                    return n + 1;
                }
              }

              @Async
              static byte narrow() {
                final int k = 5;
                await(later(0));
                return k;
              }

              @Async
              static Character letter() {
                await(later(0));
                return 65;
              }

              @Async
              static long widen() {
                final int k = 5;
                await(later(0));
                return k;
              }

              @Async
              static Runnable local() {
                class Task implements Runnable {
                  @Override
                  public void run() {}
                }
                Task t = new Task();
                await(later(0));
                return t;
              }
            %s}
            """
                .formatted(HEADER, VALID));
    Compiled c = AsyncCompiler.create().withOptions("-Xlint:all", "-Werror").compile(source, other);
    assertTrue(c.success(), c.report());
    for (String m : List.of("binding", "label", "narrow", "letter", "widen", "local")) {
      String machine = c.generatedSources().get("pos/names/NamesAsync_" + m + ".java");
      assertTrue(
          machine != null && !machine.contains("had compile errors"),
          m + " got its real machine:\n" + machine);
    }
    Oracle.of(c).check(AsyncCase.of("pos.names.Names", "binding", "abc").expect(4));
    Oracle.of(c).check(AsyncCase.of("pos.names.Names", "narrow").expect((byte) 5));
    Oracle.of(c).check(AsyncCase.of("pos.names.Names", "letter").expect('A'));
  }

  /** javac's error mentioning {@code what} is the only error, in the user's file on "// <-". */
  private static void assertReportedOnceOnTheUsersLine(
      Compiled c, JavaSource source, String what) {
    int line = source.lineContaining("// <-");
    assertFalse(c.success());
    List<CompileDiagnostic> errors = c.errors();
    assertEquals(1, errors.size(), "one error:\n" + c.report());
    assertTrue(errors.get(0).isIn(source.fileName()) && errors.get(0).line() == line, c.report());
    assertTrue(errors.get(0).message().contains(what), c.report());
    assertEquals(
        1, c.diagnosticsContaining("[asyncfn/BodyDoesNotCompile]").size(), c.report());
  }

  /**
   * The valid method of the same class still got its real state machine. Its factory alone proves
   * nothing: companions are generated from the declarations, before any body is validated, and a
   * method whose body has errors gets a stub machine whose poll throws "@Async m had compile
   * errors". So this reads the machine {@code <Outer>Async_<method>.java}: it must not be that
   * stub, and must have the state that resumes after the valid method's await; where the build
   * succeeded (warnings), the oracle also runs it against its synchronous twin.
   */
  private static void assertValidMethodGenerated(Compiled c, JavaSource source, String method) {
    String outer = source.fileName().replace(".java", "");
    String dir = source.packageName().replace('.', '/') + "/";
    String companion = c.generatedSources().get(dir + outer + "Async.java");
    if (companion == null) {
      fail("no companion " + dir + outer + "Async.java was generated for the valid method "
          + method + ": processing must continue for the other methods\n" + c.report());
    }
    assertTrue(
        companion.contains(" " + method + "("),
        "the companion has no factory for the valid method " + method + "\n" + c.report());

    String machinePath = dir + outer + "Async_" + method + ".java";
    String machine = c.generatedSources().get(machinePath);
    if (machine == null) {
      fail("no state machine " + machinePath + " was generated for the valid method " + method
          + "\n" + c.report());
    }
    assertFalse(
        machine.contains("had compile errors"),
        machinePath + " is the error stub: the valid method " + method + " was not lowered\n"
            + machine);
    assertTrue(
        machine.contains("resumes after await(later(x))"),
        machinePath + " has no state resuming after the await of " + method + "\n" + machine);
    if (c.success()) {
      Oracle.of(c).check(AsyncCase.of(source.packageName() + "." + outer, method, 41).expect(42));
    }
  }
}
