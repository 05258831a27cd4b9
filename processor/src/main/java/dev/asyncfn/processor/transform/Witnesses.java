/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.processor.transform;

import com.palantir.javapoet.CodeBlock;
import dev.asyncfn.processor.model.RuntimeApi;

/**
 * The code that reads a value back with the type only javac knows, through {@code
 * dev.asyncfn.runtime.support.Witness}: a never-evaluated lambda, or the sink, carries the type.
 */
final class Witnesses {
  private Witnesses() {}

  /**
   * Reads {@code value} (an await's output, a for-each element) into a sink of type {@code target}:
   * a primitive is unboxed and widened as the assignment in the source would; a reference type is
   * inferred from the sink, which the value is assignable to (javac checked the source).
   */
  static CodeBlock readAs(String target, CodeBlock value) {
    String reader = TreeShapes.PRIMITIVES.contains(target) ? target + "Value" : "value";
    return CodeBlock.of("$T.$N($L)", RuntimeApi.WITNESS, reader, value);
  }

  /** {@code held} typed as {@code typing} is in its context: {@code Witness.as(held, () -> e)}. */
  static CodeBlock as(String held, CodeBlock typing) {
    return CodeBlock.of("$T.as($N, () -> $L)", RuntimeApi.WITNESS, held, typing);
  }

  /**
   * {@code held} typed as {@code typing} is standalone (no target type): declared {@code var}
   * inside the witness, where a lambda's return would be typed by its target instead.
   */
  static CodeBlock asStandalone(String held, CodeBlock typing, String local) {
    return CodeBlock.of(
        "$T.as($N, () -> { var $N = $L; return $N; })",
        RuntimeApi.WITNESS,
        held,
        local,
        typing,
        local);
  }

  /**
   * A branch of a re-created conditional: typed like a standalone expression whose boxed type stays
   * boxed ({@code Witness.branch}), so that javac classifies the conditional as the source's.
   */
  static CodeBlock branch(String held, CodeBlock typing) {
    return CodeBlock.of("$T.branch($N, () -> $L)", RuntimeApi.WITNESS, held, typing);
  }

  /**
   * {@link #branch} of a conditional or switch expression, typed standalone through a local
   * ({@code held} may be {@code null}, for a witness never evaluated): returned directly, javac
   * would take the conditional for a poly expression and pick a boxed overload of branch for an
   * int conditional.
   */
  static CodeBlock branchStandalone(String held, CodeBlock typing, String local) {
    return CodeBlock.of(
        "$T.branch($L, () -> { var $N = $L; return $N; })",
        RuntimeApi.WITNESS,
        held == null ? "null" : held,
        local,
        typing,
        local);
  }

  /**
   * The left operand {@code value} converted as {@code operation} converts it: {@code helper} is
   * {@code operand} (numeric, boolean or string operations) or {@code compared} ({@code ==}).
   */
  static CodeBlock converted(String helper, CodeBlock value, CodeBlock operation) {
    return CodeBlock.of("$T.$N($L, () -> $L)", RuntimeApi.WITNESS, helper, value, operation);
  }

  /** The output of a poll, into a variable typed as the await is in the source: never evaluated. */
  static CodeBlock awaitType(String variable, CodeBlock await) {
    return CodeBlock.of(
        "var $N = true ? null : $L; // the await's type, never evaluated", variable, await);
  }
}
