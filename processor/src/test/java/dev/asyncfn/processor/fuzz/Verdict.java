/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.processor.fuzz;

import java.util.Objects;

/**
 * What one generated method gave.
 *
 * @param kind the class of the result
 * @param signature a short description that groups results of the same bug (the same diagnostic
 *     code, the same kind of difference), used to keep one minimised example per bug
 * @param details everything a reader needs: both outcomes per driver, or the diagnostics
 */
record Verdict(Kind kind, String signature, String details) {

  /** The classes of results. */
  enum Kind {
    /** The future and the twin agree under every driver. */
    PASS,
    /** Different value, exception or trace, or a broken poll contract, or a hang. */
    DIVERGENCE,
    /** The processor reported an error, or its generated code did not compile, for valid code. */
    REJECTION,
    /** The processor failed ({@code [asyncfn/InternalError]}, or an exception escaped to javac). */
    CRASH,
    /** The program itself is not valid Java: a bug of the generator, not of the processor. */
    INVALID
  }

  Verdict {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(signature, "signature");
    Objects.requireNonNull(details, "details");
  }

  static Verdict pass() {
    return new Verdict(Kind.PASS, "pass", "");
  }

  boolean failed() {
    return kind != Kind.PASS;
  }

  /** {@code kind: signature}, e.g. {@code REJECTION: [asyncfn/UnknownType]}. */
  String key() {
    return kind + ": " + signature;
  }
}
