/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.processor.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.asyncfn.testing.CompileDiagnostic;
import dev.asyncfn.testing.Outcome;
import java.util.List;
import javax.tools.Diagnostic;
import org.junit.jupiter.api.Test;

class ClassifierTest {

  @Test
  void helpfulNullPointerMessagesAreBlurredWhereverTheyAppear() {
    Outcome twin = Outcome.threw(new NullPointerException(
        "Cannot invoke \"java.lang.Integer.intValue()\" because \"p0\" is null"),
        List.of("e1 java.lang.NullPointerException: Cannot read field \"v\" because \"b\" is null"));
    Outcome future = Outcome.threw(new NullPointerException(
        "Cannot invoke \"java.lang.Number.intValue()\" because \"this.held3\" is null"),
        List.of("e1 java.lang.NullPointerException: Cannot read field \"v\" because the return"
            + " value of \"dev.asyncfn.runtime.support.Witness.as(Object)\" is null"));
    assertEquals(Classifier.normalized(twin), Classifier.normalized(future));
  }

  @Test
  void aHelpfulMessageWithoutItsBecauseIsBlurredToo() {
    Outcome twin = Outcome.threw(new NullPointerException(
        "Cannot invoke \"java.lang.Long.longValue()\""), List.of());
    Outcome future = Outcome.threw(new NullPointerException(
        "Cannot invoke \"java.lang.Long.longValue()\" because \"value3\" is null"), List.of());
    assertEquals(Classifier.normalized(twin), Classifier.normalized(future));
    Outcome witness = Outcome.threw(new NullPointerException(
        "Cannot invoke \"java.lang.Short.shortValue()\" because the return value of"
            + " \"dev.asyncfn.runtime.support.Witness.as(Object, dev.asyncfn.runtime.support"
            + ".Witness)\" is null"), List.of());
    assertEquals(Classifier.normalized(twin), Classifier.normalized(witness));
    Outcome wrapped = Outcome.threw(new IllegalStateException("e2",
        new NullPointerException("Cannot invoke \"X.y()\" because \"p0\" is null")), List.of());
    // Outcome blurs a JVM-described NPE itself (since main's issue 19 work); traces still need ours.
    assertEquals("threw java.lang.IllegalStateException: e2 [cause: java.lang.NullPointerException:"
        + " <the JVM's description of the null>]", Classifier.normalized(wrapped));
  }

  @Test
  void otherMessagesStillCount() {
    Outcome a = Outcome.threw(new NullPointerException("mine"), List.of());
    Outcome b = Outcome.threw(new NullPointerException("yours"), List.of());
    assertNotEquals(Classifier.normalized(a), Classifier.normalized(b));
  }

  @Test
  void diagnosticsGiveTheirCodeOrTheirBlurredFirstLine() {
    CompileDiagnostic crash = new CompileDiagnostic(Diagnostic.Kind.ERROR,
        "[asyncfn/InternalError] generating the state machine of F.m4 failed\n"
            + "  java.lang.NullPointerException: boom\n"
            + "  at dev.asyncfn.processor.transform.Lowerer.typeOfLocal(Lowerer.java:10)",
        "fuzz/s1/F.java", 3, "");
    assertEquals("[asyncfn/InternalError] NullPointerException in transform.Lowerer.typeOfLocal",
        Classifier.ofDiagnostics(List.of(crash), false).signature());
    CompileDiagnostic generated = new CompileDiagnostic(Diagnostic.Kind.ERROR,
        "reference to as is ambiguous\n  both method as(...)", "fuzz/s1/FAsync_m3.java", 95, "");
    Verdict v = Classifier.ofDiagnostics(List.of(generated), true);
    assertEquals(Verdict.Kind.REJECTION, v.kind());
    assertEquals("generated code: reference to as is ambiguous", v.signature());
  }
}
