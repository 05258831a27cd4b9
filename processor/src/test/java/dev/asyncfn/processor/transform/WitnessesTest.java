/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.processor.transform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.palantir.javapoet.CodeBlock;
import dev.asyncfn.runtime.support.Witness;
import java.lang.reflect.Method;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The exact code of each witness, and that it names methods the runtime's {@code Witness} has. */
class WitnessesTest {
  private static final String W = "dev.asyncfn.runtime.support.Witness";

  @Test
  void aPrimitiveSinkReadsThroughItsOwnUnboxingReader() {
    assertEquals(
        W + ".intValue(poll1.get())",
        Witnesses.readAs("int", CodeBlock.of("poll1.get()")).toString());
    assertEquals(W + ".booleanValue(v)", Witnesses.readAs("boolean", CodeBlock.of("v")).toString());
  }

  @Test
  void aReferenceSinkReadsThroughTheGenericReader() {
    assertEquals(
        W + ".value(poll1.get())",
        Witnesses.readAs("java.lang.String", CodeBlock.of("poll1.get()")).toString());
    assertEquals(W + ".value(v)", Witnesses.readAs("Integer", CodeBlock.of("v")).toString());
    assertEquals(W + ".value(v)", Witnesses.readAs("int[]", CodeBlock.of("v")).toString());
  }

  @Test
  void everyPrimitiveReaderExistsInTheRuntime() throws Exception {
    for (String primitive : TreeShapes.PRIMITIVES) {
      String reader = Witnesses.readAs(primitive, CodeBlock.of("v")).toString();
      String name = reader.substring(W.length() + 1, reader.indexOf('('));
      Method m = Witness.class.getDeclaredMethod(name, Object.class);
      assertEquals(primitive, m.getReturnType().getName(), name);
    }
    assertNotNull(Witness.class.getDeclaredMethod("value", Object.class));
  }

  @Test
  void asTypesTheHeldValueByANeverCalledLambda() {
    assertEquals(
        W + ".as(held3, () -> later(i))",
        Witnesses.as("held3", CodeBlock.of("later(i)")).toString());
  }

  @Test
  void branchStandaloneDeclaresTheValueVarInsideTheLambda() {
    assertEquals(
        W + ".branch(branch2, () -> { var standalone5 = b ? p : -1; return standalone5; })",
        Witnesses.branchStandalone("branch2", CodeBlock.of("b ? p : -1"), "standalone5")
            .toString());
    assertEquals(
        W + ".branch(null, () -> { var s = b ? p : -1; return s; })",
        Witnesses.branchStandalone(null, CodeBlock.of("b ? p : -1"), "s").toString());
  }

  @Test
  void asStandaloneDeclaresTheValueVarInsideTheLambda() {
    assertEquals(
        W + ".as(held3, () -> { var typed4 = c ? 1 : 'x'; return typed4; })",
        Witnesses.asStandalone("held3", CodeBlock.of("c ? 1 : 'x'"), "typed4").toString());
  }

  @Test
  void aBranchIsTypedThroughBranch() {
    assertEquals(
        W + ".branch(branch2, () -> x.get())",
        Witnesses.branch("branch2", CodeBlock.of("x.get()")).toString());
  }

  @Test
  void aConvertedOperandNamesItsHelperAndRestatesTheOperation() {
    assertEquals(
        W + ".operand(held1, () -> held1 + 1)",
        Witnesses.converted("operand", CodeBlock.of("held1"), CodeBlock.of("held1 + 1"))
            .toString());
    assertEquals(
        W + ".compared(held1, () -> held1 == x)",
        Witnesses.converted("compared", CodeBlock.of("held1"), CodeBlock.of("held1 == x"))
            .toString());
  }

  @Test
  void theHelpersTheLoweringNamesExistInTheRuntime() {
    for (String helper : new String[] {"as", "branch", "operand", "compared"}) {
      assertEquals(
          true,
          Arrays.stream(Witness.class.getDeclaredMethods())
              .anyMatch(m -> m.getName().equals(helper)),
          helper);
    }
  }

  @Test
  void theAwaitTypeIsADeclarationThatNeverEvaluatesTheAwait() {
    assertEquals(
        "var value2 = true ? null : await(later(1)); // the await's type, never evaluated",
        Witnesses.awaitType("value2", CodeBlock.of("await(later(1))")).toString());
  }
}
