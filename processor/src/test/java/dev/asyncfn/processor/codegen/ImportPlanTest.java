/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.processor.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.sun.source.tree.CompilationUnitTree;
import dev.asyncfn.processor.analysis.ProcessingHarness;
import dev.asyncfn.processor.analysis.TypeNames;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The imports of a generated machine: the user's, copied as written, and the simple names of the
 * body that JavaPoet must write qualified because the user's text may mean something else by them.
 */
class ImportPlanTest {
  static ProcessingHarness javac;

  @BeforeAll
  static void compile() {
    javac =
        ProcessingHarness.compile(
            """
            package plan;

            import static java.lang.Math.max;
            import  java.util.List ;
            import java.util.Map.Entry;
            import java.util.concurrent.*;
            import dev.asyncfn.runtime.Future;

            class Planned {}
            """,
            "package plan; class Process {}",
            "class Bare {}",
            "class Thread {}");
  }

  @AfterAll
  static void close() {
    javac.close();
  }

  private static ImportPlan plan(String type, String packageName, Set<String> inUse) {
    CompilationUnitTree unit = javac.unit(type);
    return ImportPlan.of(unit, javac.source(unit), inUse, Set.of(), packageName);
  }

  /** The names to qualify when JavaPoet writes no type of its own. */
  private static Set<String> qualify(ImportPlan plan) {
    return plan.qualify(List.of(), new TypeNames(javac.elements()));
  }

  @Test
  void theUsersImportsAreCopiedAsWrittenStaticOnesIncluded() {
    assertEquals(
        List.of(
            "import static java.lang.Math.max;",
            "import  java.util.List ;",
            "import java.util.Map.Entry;",
            "import java.util.concurrent.*;",
            "import dev.asyncfn.runtime.Future;"),
        plan("plan.Planned", "plan", Set.of()).userImports());
  }

  @Test
  void namesImportedOneByOneMeanTheSameInTheMachine() {
    assertEquals(
        Set.of(), qualify(plan("plan.Planned", "plan", Set.of("List", "Entry", "Future"))));
  }

  @Test
  void javaLangNamesMeanTheSameUnlessTheSamePackageHasATypeOfThatName() {
    assertEquals(
        Set.of("Process"),
        qualify(plan("plan.Planned", "plan", Set.of("String", "Integer", "Process"))));
  }

  @Test
  void everyOtherNameOfTheBodyIsWrittenQualified() {
    assertEquals(
        Set.of("Executor", "count", "max", "Bare"),
        qualify(plan("plan.Planned", "plan", Set.of("Executor", "count", "max", "Bare", "List"))));
  }

  @Test
  void inTheUnnamedPackageAJavaLangNameIsShadowedByATopLevelTypeOfThatName() {
    ImportPlan plan = plan("Bare", "", Set.of("String", "Thread"));
    assertEquals(List.of(), plan.userImports());
    assertEquals(Set.of("Thread"), qualify(plan));
  }

  @Test
  void aTypeJavaPoetImportsIsQualifiedWhereTheUsersImportGivesItsNameAnotherType() {
    ImportPlan plan = plan("plan.Planned", "plan", Set.of());
    assertEquals(
        Set.of("List"),
        plan.qualify(List.of("java.awt.List", "dev.asyncfn.runtime.Future"), new TypeNames(javac.elements())));
  }

  @Test
  void aJavaLangTypeIsQualifiedWhereTheSamePackageOrALocalClassHasItsName() {
    assertEquals(
        Set.of("Process"),
        plan("plan.Planned", "plan", Set.of())
            .qualify(List.of("java.lang.Process", "java.lang.String"), new TypeNames(javac.elements())));
    ImportPlan withLocalClass =
        new ImportPlan("plan", List.of(), Set.of(), Set.of("Poll"));
    assertEquals(
        Set.of("Poll"),
        withLocalClass.qualify(List.of("dev.asyncfn.runtime.Poll"), new TypeNames(javac.elements())));
  }

  @Test
  void aPlanIsImmutable() {
    ImportPlan plan = plan("plan.Planned", "plan", Set.of("count"));
    assertThrows(UnsupportedOperationException.class, () -> plan.inUse().add("x"));
    assertThrows(UnsupportedOperationException.class, () -> plan.userImports().add("x"));
  }
}
