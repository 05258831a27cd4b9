/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.processor.transform;

import com.palantir.javapoet.CodeBlock;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.VariableTree;
import dev.asyncfn.processor.analysis.ConstantValues;
import javax.lang.model.util.Elements;

/**
 * Reads of a constant local ({@code final int K = 3;}) that lives in a field of the machine. The
 * field is no constant variable, so a read of it is written as the value itself, {@code 3 /* K
 * *}{@code /}: a case label still has its constant, and a loop on a constant condition still never
 * completes, as javac decided for the user's source.
 */
final class ConstantLocals {
  private final Elements elements;
  private final ConstantValues constants;

  ConstantLocals(Elements elements, ConstantValues constants) {
    this.elements = elements;
    this.constants = constants;
  }

  /** The constant's value in source form, or null when {@code local} is not a constant. */
  CodeBlock read(VariableTree local, IdentifierTree use) {
    Object value = constants.localConstant(local);
    return value == null ? null : inlined(elements, value, use.getName());
  }

  /**
   * A constant's value in source form, commented with its name. A negative value is parenthesized:
   * after a cast to a class type, {@code (Integer) -2} would parse as a subtraction.
   */
  static CodeBlock inlined(Elements elements, Object value, Object name) {
    String text = elements.getConstantExpression(value);
    return CodeBlock.of(text.startsWith("-") ? "($L) /* $L */" : "$L /* $L */", text, name);
  }
}
