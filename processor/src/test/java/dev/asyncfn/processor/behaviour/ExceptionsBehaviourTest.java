/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.processor.behaviour;

import static dev.asyncfn.testing.AsyncCase.of;

import dev.asyncfn.testing.AsyncCase;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Oracle cases for exceptions: try/catch/finally, try-with-resources, returns through finally,
 * throw, checked exceptions.
 */
class ExceptionsBehaviourTest {

  static final List<AsyncCase> TRY_CATCH =
      List.of(
          of("cases.trycatch.TryCatch", "awaitInTry", false).expect("ok 1"),
          of("cases.trycatch.TryCatch", "awaitInTry", true).expect("caught"),
          of("cases.trycatch.TryCatch", "awaitInCatch").expect("recovered first 2"),
          of("cases.trycatch.TryCatch", "awaitInFinally", false).expect(2),
          of("cases.trycatch.TryCatch", "awaitInFinally", true)
              .throwing(IllegalStateException.class),
          of("cases.trycatch.TryCatch", "nestedTries", 0).expect("o1 i1 i2 if o2 of"),
          of("cases.trycatch.TryCatch", "nestedTries", 1).expect("o1 i1 ic if o2 of"),
          of("cases.trycatch.TryCatch", "nestedTries", 2)
              .expect("o1 i1 ic if oc:from inner catch 2 of"),
          of("cases.trycatch.TryCatch", "uncaughtPassesThroughFinallies")
              .throwing(UnsupportedOperationException.class),
          of("cases.trycatch.TryCatch", "catchWrapsWithCause").throwing(RuntimeException.class),
          of("cases.trycatch.TryCatch", "exceptionIdentityKept").expect(true),
          of("cases.trycatch.TryCatch", "finallyThrowReplaces")
              .throwing(IllegalArgumentException.class),
          of("cases.trycatch.TryCatch", "catchParameterLiveAcrossAwait").expect(31),
          of("cases.multicatch.MultiCatch", "multiCatch", 0)
              .expect("multi IllegalArgumentException arg"),
          of("cases.multicatch.MultiCatch", "multiCatch", 1)
              .expect("multi IllegalStateException state"),
          of("cases.multicatch.MultiCatch", "multiCatch", 2).expect("runtime math"),
          of("cases.multicatch.MultiCatch", "multiCatch", 3).expect("none"),
          of("cases.multicatch.MultiCatch", "unionParameterLiveAcrossAwait", true)
              .expect("ArrayIndexOutOfBoundsException: index"),
          of("cases.multicatch.MultiCatch", "unionParameterLiveAcrossAwait", false)
              .expect("NumberFormatException: number"));

  /** Awaits in every part of try/catch/finally and try-with-resources, jumps through finally. */
  static final List<AsyncCase> TRY_FINALLY =
      List.of(
          of("cases.tryfinally.TryFinally", "catchAwaited", 0)
              .expect("fine")
              .expectTrace("try", "finally 0"),
          of("cases.tryfinally.TryFinally", "catchAwaited", 1).expect("recovered one"),
          of("cases.tryfinally.TryFinally", "catchAwaited", 2).expect("multi"),
          of("cases.tryfinally.TryFinally", "finallyOverrides", 3).expect(3),
          of("cases.tryfinally.TryFinally", "finallyOverrides", 4).expect(6),
          of("cases.tryfinally.TryFinally", "finallyOverrides", 6).expect(6),
          of("cases.tryfinally.TryFinally", "nested", 0).expect("done"),
          of("cases.tryfinally.TryFinally", "nested", 1).throwing(IOException.class, "inner"),
          of("cases.tryfinally.TryFinally", "nested", 2).expect("done"),
          of("cases.tryfinally.TryFinally", "resources", 0).expect("ab"),
          of("cases.tryfinally.TryFinally", "resources", 1).expect("caught"),
          of("cases.tryfinally.TryFinally", "resources", 2).throwing(IOException.class, "close a"),
          of("cases.tryfinally.TryFinally", "resources", 3).throwing(IOException.class, "close b"),
          of("cases.tryfinally.TryFinally", "suppressed", 0)
              .expect("primary suppressed close a")
              .expectTrace("open a", "close a"),
          of("cases.tryfinally.TryFinally", "catchThenRethrow", 0)
              .throwing(IOException.class, "io")
              .expectTrace("rethrowing"));

  static final List<AsyncCase> RESOURCES =
      List.of(
          of("cases.resources.Resources", "awaitInResourceInit").expect("ab2"),
          of("cases.resources.Resources", "awaitInBody", 4).expect(8),
          of("cases.resources.Resources", "closeOrderAndSuppressed", true)
              .throwing(UnsupportedOperationException.class),
          of("cases.resources.Resources", "closeOrderAndSuppressed", false)
              .throwing(IllegalStateException.class),
          of("cases.resources.Resources", "closeFailureAfterAwaitIsCaught")
              .expect("caught close failed: a suppressed=0"),
          of("cases.resources.Resources", "nullResourceIsNotClosed").expect("null ok 1"),
          of("cases.resources.Resources", "withCatchAndFinally", false).expect("body finally"),
          of("cases.resources.Resources", "withCatchAndFinally", true)
              .expect("body catch finally"),
          of("cases.resources.Resources", "existingVariableAsResource").expect("existing used"),
          of("cases.resourcefailures.ResourceFailures", "awaitedInitFailsClosesEarlierOnly")
              .throwing(IllegalStateException.class));

  static final List<AsyncCase> RETURNS =
      List.of(
          of("cases.returns.Returns", "returnInsideTryFinally", 4).expect(8),
          of("cases.returns.Returns", "returnValueKeptThroughFinallyAwait", 5).expect(5),
          of("cases.returns.Returns", "returnThroughNestedFinallies").expect("value"),
          of("cases.returns.Returns", "returnInFinallyOverrides", false).expect(2),
          of("cases.returns.Returns", "returnInFinallyOverrides", true).expect(2),
          of("cases.returns.Returns", "earlyReturnInLoop", 10).expect(4),
          of("cases.returns.Returns", "throwAfterAwait", 3).expect(3),
          of("cases.returns.Returns", "throwAfterAwait", -1)
              .throwing(IllegalArgumentException.class),
          of("cases.returns.Returns", "throwAwaitedException", "m")
              .throwing(UnsupportedOperationException.class));

  static final List<AsyncCase> CHECKED =
      List.of(
          of("cases.checked.Checked", "catchIoAroundThrowingFuture").expect("caught disk gone"),
          of("cases.checked.Checked", "catchSubclassOfDeclaredType").expect("fnf missing.txt"),
          of("cases.checked.Checked", "readsIo", false).expect("DATA"),
          of("cases.checked.Checked", "readsIo", true).throwing(IOException.class),
          of("cases.checked.Checked", "propagatesChecked").throwing(IOException.class),
          of("cases.checked.Checked", "twoCheckedTypes", 0).expect(0),
          of("cases.checked.Checked", "twoCheckedTypes", 1).throwing(IOException.class),
          of("cases.checked.Checked", "twoCheckedTypes", 2).throwing(TimeoutException.class),
          of("cases.checked.Checked", "catchAndRethrowChecked").throwing(IOException.class),
          of("cases.checkedcalls.CheckedCalls", "callerCatches", false).expect("got payload"),
          of("cases.checkedcalls.CheckedCalls", "callerCatches", true)
              .expect("caught read failed"),
          of("cases.checkedcalls.CheckedCalls", "callerPropagates").throwing(IOException.class),
          of("cases.severalchecked.SeveralChecked", "fails", 1).throwing(IOException.class),
          of("cases.severalchecked.SeveralChecked", "fails", 2).throwing(TimeoutException.class),
          of("cases.severalchecked.SeveralChecked", "catchesEach", 0).expect("ok0"),
          of("cases.severalchecked.SeveralChecked", "catchesEach", 1).expect("io:io"),
          of("cases.severalchecked.SeveralChecked", "catchesEach", 2).expect("timeout:late"),
          of("cases.severalchecked.SeveralChecked", "multiCatch", 2).expect("TimeoutException"),
          of("cases.severalchecked.SeveralChecked", "multiCatch", 3)
              .expect("InterruptedException"),
          of("cases.severalchecked.SeveralChecked", "multiCatch", 4).expect("ok4"));

  /** Whether this JVM evaluates assert statements (surefire enables them by default). */
  private static boolean assertionsEnabled() {
    boolean enabled = false;
    assert enabled = true;
    return enabled;
  }

  static final List<AsyncCase> ASSERTS =
      List.of(
          of("cases.asserts.Asserts", "assertWithAwait", true).expect("passed"),
          assertionsEnabled()
              ? of("cases.asserts.Asserts", "assertWithAwait", false)
                  .throwing(AssertionError.class)
              : of("cases.asserts.Asserts", "assertWithAwait", false).expect("passed"));

  static final List<AsyncCase> LOOP_RESOURCES_AND_THROW_SITES =
      List.of(
          of("cases.loopresources.LoopResources", "breakOutOfTryWithResources", 2).expect(2),
          of("cases.loopresources.LoopResources", "continueInsideTryWithResources", 4).expect(4),
          of("cases.loopresources.LoopResources", "returnFromNestedResourcesInLoop", 1)
              .expect("returned at 1"),
          of("cases.loopresources.LoopResources", "returnFromNestedResourcesInLoop", 9)
              .expect("never"),
          of("cases.throwsites.ThrowSites", "factoryThrowsBeforeTheAwait", 3).expect("got 3"),
          of("cases.throwsites.ThrowSites", "factoryThrowsBeforeTheAwait", -1)
              .expect("caught no future for -1"),
          of("cases.throwsites.ThrowSites", "argumentThrowsAfterAnEarlierAwait", 2)
              .expect("ok 7"),
          of("cases.throwsites.ThrowSites", "argumentThrowsAfterAnEarlierAwait", 6)
              .expect("caught too big 12"),
          of("cases.throwsites.ThrowSites", "argumentThrowsAfterAnEarlierAwait", 11)
              .expect("caught too big 11"),
          of("cases.throwsites.ThrowSites", "errorsAreCaughtAsThrowable")
              .expect("StackOverflowError deep"),
          of("cases.throwsites.ThrowSites", "catchParameterReassigned").expect("second 2"));

  static final List<List<AsyncCase>> ALL =
      List.of(
          TRY_CATCH,
          TRY_FINALLY,
          RESOURCES,
          RETURNS,
          CHECKED,
          ASSERTS,
          LOOP_RESOURCES_AND_THROW_SITES);

  @TestFactory
  Stream<DynamicTest> tryCatchFinally() {
    return Corpus.oracleTests(TRY_CATCH);
  }

  @TestFactory
  Stream<DynamicTest> awaitsInEveryPartOfTryAndJumpsThroughFinally() {
    return Corpus.oracleTests(TRY_FINALLY);
  }

  @TestFactory
  Stream<DynamicTest> tryWithResources() {
    return Corpus.oracleTests(RESOURCES);
  }

  @TestFactory
  Stream<DynamicTest> returnsAndThrows() {
    return Corpus.oracleTests(RETURNS);
  }

  @TestFactory
  Stream<DynamicTest> loopResourcesAndThrowSites() {
    return Corpus.oracleTests(LOOP_RESOURCES_AND_THROW_SITES);
  }

  @TestFactory
  Stream<DynamicTest> assertStatements() {
    return Corpus.oracleTests(ASSERTS);
  }

  @TestFactory
  Stream<DynamicTest> checkedExceptions() {
    return Corpus.oracleTests(CHECKED);
  }
}
