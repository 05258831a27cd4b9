/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.processor.diagnostics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.asyncfn.testing.AsyncCase;
import dev.asyncfn.testing.AsyncCompiler;
import dev.asyncfn.testing.CompileDiagnostic;
import dev.asyncfn.testing.Compiled;
import dev.asyncfn.testing.JavaSource;
import dev.asyncfn.testing.Oracle;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import org.junit.jupiter.api.Test;

/**
 * How the processor's rounds meet another processor that generates a type an {@code @Async} body
 * names: a machine waits for it while files are still being generated, and never gets a stub in
 * the last round (under {@code -Xlint:all -Werror} that would hide javac's own errors).
 */
class RoundsTest {
  private static final String HEADER =
      """
      import static dev.asyncfn.runtime.Futures.await;
      import static dev.asyncfn.testing.TestFutures.later;

      import dev.asyncfn.Async;
      import made.Made;
      """;

  private static final String HEADER_WITHOUT_MADE = HEADER.replace("import made.Made;\n", "");

  /** The annotation that makes javac run {@link MakesMadeForCompanions} (asyncfn claims its). */
  private static final JavaSource MARKER =
      JavaSource.of(
          """
          package rounds;

          public @interface Marker {}
          """);

  /**
   * Generates {@code made.Made} in the first round whose new types include a companion ({@code
   * ...Async}): a processor that answers asyncfn's own output, the latest any processor can. Once
   * javac ran it for {@code @rounds.Marker} in the first round, it runs it in every round.
   */
  static final class MakesMadeForCompanions extends AbstractProcessor {
    private boolean done;

    @Override
    public Set<String> getSupportedAnnotationTypes() {
      return Set.of("rounds.Marker");
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
      return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
      if (done || round.processingOver()) {
        return true;
      }
      for (Element e : round.getRootElements()) {
        if (e.getSimpleName().toString().endsWith("Async")) {
          done = true;
          try (Writer w = processingEnv.getFiler().createSourceFile("made.Made").openWriter()) {
            w.write("package made;\n\npublic class Made {\n  public int value() {\n"
                + "    return 41;\n  }\n}\n");
          } catch (IOException x) {
            throw new UncheckedIOException(x);
          }
          return true;
        }
      }
      return true;
    }
  }

  private static AsyncCompiler strictWithMaker() {
    return AsyncCompiler.create()
        .withOptions("-Xlint:all", "-Werror")
        .withProcessor(MakesMadeForCompanions::new);
  }

  /**
   * The round that writes the valid method's machine is not the last, so the method naming {@code
   * Made} waits a round, sees it, and gets its real machine.
   */
  @Test
  void aTypeAnotherProcessorGeneratesInTheSameRoundAsMachinesIsAwaited() {
    JavaSource source =
        JavaSource.of(
            """
            package rounds.awaited;
            %s
            @rounds.Marker
            class Uses {
              @Async
              static int made() {
                Made m = new Made();
                return await(later(m.value())) + 1;
              }

              @Async
              static int ok(int x) {
                return await(later(x)) + 1;
              }
            }
            """
                .formatted(HEADER));
    Compiled c = strictWithMaker().compile(source, MARKER);
    assertTrue(c.success(), c.report());
    String machine = c.generatedSources().get("rounds/awaited/UsesAsync_made.java");
    assertFalse(machine.contains("had compile errors"), machine);
    Oracle.of(c).check(AsyncCase.of("rounds.awaited.Uses", "made").expect(42));
  }

  /**
   * When nothing is generated in the round that would wait, the method gets its stub then; if
   * another processor brings the name after all, the stub would run in a build that compiles:
   * it is an error on the method instead, once, and no file is created in the last round.
   */
  @Test
  void aNameGeneratedAfterTheStubIsAnErrorOnTheMethod() {
    JavaSource source =
        JavaSource.of(
            """
            package rounds.late;
            %s
            @rounds.Marker
            class Late {
              @Async
              static int made() { // <-
                Made m = new Made();
                return await(later(m.value())) + 1;
              }
            }
            """
                .formatted(HEADER));
    Compiled c = strictWithMaker().compile(source, MARKER);
    assertFalse(c.success());
    String tag = "[asyncfn/NameGeneratedTooLate]";
    CompileDiagnostic d =
        c.assertDiagnostic(
            javax.tools.Diagnostic.Kind.ERROR, tag, source.fileName(),
            source.lineContaining("// <-"));
    assertTrue(d.message().contains("helper"), d.message());
    assertEquals(1, c.errors().size(), c.report());
    assertTrue(
        c.diagnostics().stream().noneMatch(x -> x.message().contains("last round")), c.report());
  }

  /**
   * Without the other processor the name stays unknown: javac's errors, the first on its line,
   * all in the user's file.
   */
  @Test
  void withoutTheOtherProcessorJavacReportsTheUnknownTypeOnce() {
    JavaSource source =
        JavaSource.of(
            """
            package rounds.missing;
            %s
            class Missing {
              @Async
              static int made() {
                Made m = new Made(); // <-
                return await(later(m.value())) + 1;
              }

              @Async
              static int ok(int x) {
                return await(later(x)) + 1;
              }
            }
            """
                .formatted(HEADER_WITHOUT_MADE));
    Compiled c = AsyncCompiler.create().withOptions("-Xlint:all", "-Werror").compile(source);
    assertFalse(c.success());
    List<CompileDiagnostic> errors = c.errors();
    assertTrue(!errors.isEmpty(), c.report());
    assertEquals(source.lineContaining("// <-"), errors.get(0).line(), c.report());
    for (CompileDiagnostic e : errors) {
      // javac 25 adds a consequence on the next line (an await of a Made's value): its own
      assertTrue(e.isIn(source.fileName()), "none in a generated file:\n" + c.report());
    }
    assertTrue(
        c.diagnostics().stream().noneMatch(x -> x.message().contains("last round")), c.report());
  }

  /**
   * Notes the simple names of each round's new types (from the first, where {@code @rounds.Marker}
   * makes javac run it); generates nothing.
   */
  static final class RoundRecorder extends AbstractProcessor {
    final List<Set<String>> rounds = new ArrayList<>();

    @Override
    public Set<String> getSupportedAnnotationTypes() {
      return Set.of("rounds.Marker");
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
      return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
      Set<String> names = new TreeSet<>();
      for (Element e : round.getRootElements()) {
        names.add(e.getSimpleName().toString());
      }
      rounds.add(names);
      return true;
    }
  }

  private static AsyncCompiler strictRecording(RoundRecorder recorder) {
    return AsyncCompiler.create()
        .withOptions("-Xlint:all", "-Werror")
        .withProcessor(() -> recorder);
  }

  /**
   * Bodies that name no companion are lowered in the round that writes the companions: javac
   * runs one round fewer (the machines' round, then the empty last one).
   */
  @Test
  void machinesOfBodiesThatNameNoCompanionComeWithTheCompanions() {
    JavaSource source =
        JavaSource.of(
            """
            package rounds.early;
            %s
            @rounds.Marker
            class Early {
              @Async
              static int twice(int x) {
                return await(later(x)) * 2;
              }

              @Async
              int plusOne(int x) {
                return await(later(x)) + 1;
              }
            }
            """
                .formatted(HEADER_WITHOUT_MADE));
    RoundRecorder recorder = new RoundRecorder();
    Compiled c = strictRecording(recorder).compile(source, MARKER);
    assertTrue(c.success(), c.report());
    assertEquals(
        List.of(
            Set.of("Early", "Marker"),
            Set.of("EarlyAsync", "EarlyAsync_plusOne", "EarlyAsync_twice"),
            Set.of()),
        recorder.rounds,
        c.report());
    Oracle.of(c).check(AsyncCase.of("rounds.early.Early", "twice", 4).expect(8));
  }

  /**
   * A body that calls a companion cannot be lowered before javac knows the companions: every
   * machine of that round waits for the next one, which then writes files, so that a body still
   * missing another processor's type there may wait once more (see the tests above).
   */
  @Test
  void aBodyCallingACompanionMakesEveryMachineWaitForTheNextRound() {
    JavaSource source =
        JavaSource.of(
            """
            package rounds.calls;
            %s
            @rounds.Marker
            class Calls {
              @Async
              static int twice(int x) {
                return await(later(x)) * 2;
              }

              @Async
              static int quadruple(int x) {
                return await(CallsAsync.twice(x)) * 2;
              }
            }
            """
                .formatted(HEADER_WITHOUT_MADE));
    RoundRecorder recorder = new RoundRecorder();
    Compiled c = strictRecording(recorder).compile(source, MARKER);
    assertTrue(c.success(), c.report());
    assertEquals(
        List.of(
            Set.of("Calls", "Marker"),
            Set.of("CallsAsync"),
            Set.of("CallsAsync_quadruple", "CallsAsync_twice"),
            Set.of()),
        recorder.rounds,
        c.report());
    Oracle.of(c).check(AsyncCase.of("rounds.calls.Calls", "quadruple", 3).expect(12));
  }
}
