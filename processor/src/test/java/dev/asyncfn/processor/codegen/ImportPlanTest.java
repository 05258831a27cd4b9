package dev.asyncfn.processor.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.sun.source.tree.CompilationUnitTree;
import dev.asyncfn.processor.analysis.ProcessingHarness;
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
    return ImportPlan.of(unit, javac.source(unit), inUse, javac.elements(), packageName);
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
        Set.of(), plan("plan.Planned", "plan", Set.of("List", "Entry", "Future")).qualify());
  }

  @Test
  void javaLangNamesMeanTheSameUnlessTheSamePackageHasATypeOfThatName() {
    assertEquals(
        Set.of("Process"),
        plan("plan.Planned", "plan", Set.of("String", "Integer", "Process")).qualify());
  }

  @Test
  void everyOtherNameOfTheBodyIsWrittenQualified() {
    assertEquals(
        Set.of("Executor", "count", "max", "Bare"),
        plan("plan.Planned", "plan", Set.of("Executor", "count", "max", "Bare", "List")).qualify());
  }

  @Test
  void inTheUnnamedPackageAJavaLangNameIsShadowedByATopLevelTypeOfThatName() {
    ImportPlan plan = plan("Bare", "", Set.of("String", "Thread"));
    assertEquals(List.of(), plan.userImports());
    assertEquals(Set.of("Thread"), plan.qualify());
  }

  @Test
  void aPlanIsImmutable() {
    ImportPlan plan = plan("plan.Planned", "plan", Set.of("count"));
    assertThrows(UnsupportedOperationException.class, () -> plan.qualify().add("x"));
    assertThrows(UnsupportedOperationException.class, () -> plan.userImports().add("x"));
  }
}
