/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.processor.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.util.TreePath;
import javax.lang.model.element.Element;
import javax.lang.model.type.TypeMirror;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The harness gives tests what the processor sees in its first round, and only valid sources. */
class ProcessingHarnessTest {
  static ProcessingHarness javac;
  /** The type of a call as the first round gives it, before any test attributes on demand. */
  static TypeMirror typeOfCall;

  @BeforeAll
  static void compile() {
    javac =
        ProcessingHarness.compile(
            """
            package harness;

            import java.util.List;

            class Harness {
              static void use(Object o) {}

              void unattributed(int x) {
                use(x);
              }

              void scoped() {
                var v = List.of("a");
                use(v);
              }
            }
            """);
    TreePath method = javac.method("harness.Harness", "unattributed");
    TreePath call = javac.path(method, javac.find(method, MethodInvocationTree.class, "use(x)"));
    typeOfCall = javac.trees().getTypeMirror(call);
  }

  @AfterAll
  static void close() {
    javac.close();
  }

  @Test
  void expressionTypesAreNotAvailableInTheFirstRound() {
    assertNull(typeOfCall);
  }

  @Test
  void getScopeTypesLocalsOnDemandVarIncluded() {
    TreePath method = javac.method("harness.Harness", "scoped");
    TreePath use = javac.path(method, javac.findAll(method, IdentifierTree.class, "v").get(0));
    String type = null;
    for (Element e : javac.trees().getScope(use).getLocalElements()) {
      if (e.getSimpleName().contentEquals("v")) {
        type = e.asType().toString();
      }
    }
    assertEquals("java.util.List<java.lang.String>", type);
  }

  @Test
  void closingFailsWhenTheSourcesDoNotCompile() {
    ProcessingHarness broken =
        ProcessingHarness.compile("package broken; class Broken { int f() { return \"\"; } }");
    AssertionError e = assertThrows(AssertionError.class, broken::close);
    assertTrue(e.getMessage().contains("Broken.java:1"), e.getMessage());
  }

  @Test
  void aSourceThatDoesNotParseNeverReachesTheFirstRound() {
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () -> ProcessingHarness.compile("package broken; class Unparsed { void f( }"));
    assertTrue(e.getMessage().contains("Unparsed.java"), e.getMessage());
  }
}
