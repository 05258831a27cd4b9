/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.processor.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.util.TreePath;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.QualifiedNameable;
import javax.lang.model.element.TypeElement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The types and statically imported members a compilation unit sees, in the order of JLS 6.4.1:
 * member types of the class and its enclosing classes, single-type imports, the same package,
 * on-demand imports, {@code java.lang}; single static imports before on-demand ones.
 */
class TypeScopeTest {
  static ProcessingHarness javac;
  static TypeScope scoped;
  static TypeScope inner;
  static TreePath chains;

  @BeforeAll
  static void compile() {
    javac =
        ProcessingHarness.compile(
            """
            package q;

            public class Helper {
              public static int sc;
              public static final Helper INSTANCE = new Helper();
              public int count;
              public static class Deep { public static final String NAME = "deep"; }
              public static int twice(int x) { return 2 * x; }
            }
            """,
            """
            package q;

            public class Other {
              public static int sc;
              public static int onlyOther;
              public int notStatic;
              public static int twice(long x) { return 0; }
              public static int thrice(int x) { return 3 * x; }
            }
            """,
            "package q; public class Only {}",
            "package q; public class Shadowed {}",
            "package p; class Other {}",
            "package p; class Shadowed {}",
            "package p; class Process {}",
            "package p; class Base { static class Shared {} }",
            """
            package p;

            import static q.Helper.sc;
            import static q.Helper.twice;
            import static q.Other.*;

            import java.util.List;
            import java.util.Map.Entry;
            import q.*;
            import q.Other;

            class Scoped extends Base {
              static final int CONST = 1;

              static class Entry {
                static final int CONST = 2;
              }

              class Inner {
                class Deeper {}

                void m() {}
              }

              void chains(String local) {
                Object a = java.lang.System.out;
                int b = Scoped.Entry.CONST;
                int c = q.Helper.sc;
                int d = Helper.INSTANCE.count;
                String e = Helper.Deep.NAME;
                List<String> f = java.util.List.of();
                int g = local.length();
                int h = Helper.twice(1);
                int i = List.of().size();
              }
            }
            """);
    TypeElement owner = javac.type("p.Scoped");
    scoped = new TypeScope(javac.elements(), owner, javac.unit("p.Scoped"));
    inner = new TypeScope(javac.elements(), javac.type("p.Scoped.Inner"), javac.unit("p.Scoped"));
    chains = javac.method("p.Scoped", "chains");
  }

  @AfterAll
  static void close() {
    javac.close();
  }

  private static String type(TypeScope scope, String simpleName) {
    return scope.type(simpleName).map(t -> t.getQualifiedName().toString()).orElse("none");
  }

  private static String qualified(String text) {
    ExpressionTree tree = javac.find(chains, MemberSelectTree.class, text);
    return describe(scoped.qualified(tree));
  }

  private static String describe(Optional<Element> e) {
    if (e.isEmpty()) {
      return "none";
    }
    Element el = e.get();
    if (el instanceof QualifiedNameable) {
      return el.getKind() + " " + ((QualifiedNameable) el).getQualifiedName();
    }
    return el.getKind()
        + " "
        + ((TypeElement) el.getEnclosingElement()).getQualifiedName()
        + "."
        + el.getSimpleName();
  }

  @Test
  void aMemberTypeComesBeforeASingleTypeImport() {
    assertEquals("p.Scoped.Entry", type(scoped, "Entry"));
  }

  @Test
  void memberTypesIncludeInheritedOnesAndTheClassItself() {
    assertEquals("p.Base.Shared", type(scoped, "Shared"));
    assertEquals("p.Scoped", type(scoped, "Scoped"));
  }

  @Test
  void fromANestedClassMemberTypesOfEveryEnclosingClassAreSeenInnermostFirst() {
    assertEquals("p.Scoped.Inner.Deeper", type(inner, "Deeper"));
    assertEquals("p.Scoped.Inner", type(inner, "Inner"));
    assertEquals("p.Scoped.Entry", type(inner, "Entry"));
    assertEquals("p.Scoped", type(inner, "Scoped"));
  }

  @Test
  void aSingleTypeImportComesBeforeTheSamePackage() {
    assertEquals("q.Other", type(scoped, "Other"));
    assertEquals("java.util.List", type(scoped, "List"));
  }

  @Test
  void theSamePackageComesBeforeOnDemandImports() {
    assertEquals("p.Shadowed", type(scoped, "Shadowed"));
  }

  @Test
  void onDemandImportsComeBeforeJavaLang() {
    assertEquals("q.Only", type(scoped, "Only"));
  }

  @Test
  void javaLangComesLastAndTheSamePackageShadowsIt() {
    assertEquals("java.lang.String", type(scoped, "String"));
    assertEquals("p.Process", type(scoped, "Process"));
  }

  @Test
  void aNameNoScopeHasIsNoType() {
    assertEquals("none", type(scoped, "Nowhere"));
    assertEquals("none", type(scoped, "local"));
  }

  @Test
  void aSingleStaticImportComesBeforeAnOnDemandOne() {
    assertEquals("FIELD q.Helper.sc", describe(scoped.staticallyImportedField("sc").map(f -> f)));
    assertEquals(
        List.of("q.Helper.twice(int)"), methods(scoped.staticallyImportedMethods("twice")));
  }

  @Test
  void anOnDemandStaticImportBringsInStaticMembersOnly() {
    assertEquals(
        "FIELD q.Other.onlyOther",
        describe(scoped.staticallyImportedField("onlyOther").map(f -> f)));
    assertEquals(
        List.of("q.Other.thrice(int)"), methods(scoped.staticallyImportedMethods("thrice")));
    assertTrue(scoped.staticallyImportedField("notStatic").isEmpty());
  }

  @Test
  void aMemberNotImportedIsNotStaticallyImported() {
    assertTrue(scoped.staticallyImportedField("INSTANCE").isEmpty());
    assertTrue(scoped.staticallyImportedField("twice").isEmpty());
    assertEquals(List.of(), scoped.staticallyImportedMethods("sc"));
  }

  @Test
  void aSimpleMethodNameMeansTheMethodsOfTheInnermostClassThatHasOne() {
    assertEquals(List.of("p.Scoped.Inner.m()"), methods(inner.methodsInScope("m")));
    assertEquals(
        List.of("p.Scoped.chains(java.lang.String)"), methods(inner.methodsInScope("chains")));
    assertEquals(
        List.of("java.lang.Object.hashCode()"), methods(scoped.methodsInScope("hashCode")));
    assertEquals(List.of(), scoped.methodsInScope("nowhere"));
  }

  @Test
  void aQualifiedNameThroughAPackageAndATypeEndsInAField() {
    assertEquals("FIELD q.Helper.sc", qualified("q.Helper.sc"));
  }

  @Test
  void aFullyQualifiedNameIsResolvedThoughItsFirstPackageHasNoTypes() {
    assertEquals("FIELD java.lang.System.out", qualified("java.lang.System.out"));
    assertEquals("INTERFACE java.util.List", qualified("java.util.List"));
    assertEquals("PACKAGE java.util", qualified("java.util"));
  }

  @Test
  void aQualifiedNameThroughMemberTypesEndsInTheirField() {
    assertEquals("FIELD p.Scoped.Entry.CONST", qualified("Scoped.Entry.CONST"));
    assertEquals("FIELD q.Helper.Deep.NAME", qualified("Helper.Deep.NAME"));
  }

  @Test
  void aFieldOfAFieldIsFoundThroughTheFieldsType() {
    assertEquals("FIELD q.Helper.count", qualified("Helper.INSTANCE.count"));
  }

  @Test
  void packagesAndTypesAreTheirOwnElements() {
    assertEquals("CLASS q.Helper", qualified("q.Helper"));
    Element q =
        scoped
            .qualified(javac.find(chains, MemberSelectTree.class, "q.Helper").getExpression())
            .get();
    assertTrue(q instanceof PackageElement);
    assertEquals("q", ((PackageElement) q).getQualifiedName().toString());
  }

  @Test
  void aChainStartingFromALocalOrACallOrEndingInAMethodIsNotAQualifiedName() {
    assertEquals("none", qualified("local.length"));
    assertEquals("none", qualified("Helper.twice"));
    assertEquals("none", qualified("List.of().size"));
  }

  @Test
  void methodsOfATypeIncludeInheritedOnes() {
    List<ExecutableElement> found = scoped.methods(javac.type("q.Helper"), "hashCode");
    assertEquals(1, found.size());
    assertEquals(ElementKind.METHOD, found.get(0).getKind());
    assertEquals(
        "java.lang.Object",
        ((TypeElement) found.get(0).getEnclosingElement()).getQualifiedName().toString());
  }

  private static List<String> methods(List<ExecutableElement> methods) {
    return methods.stream()
        .map(m -> ((TypeElement) m.getEnclosingElement()).getQualifiedName() + "." + m)
        .collect(Collectors.toList());
  }
}
