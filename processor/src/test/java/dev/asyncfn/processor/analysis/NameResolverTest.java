/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.processor.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import java.util.List;
import java.util.stream.Collectors;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What each simple name of a body means, resolved without attribution as javac's scoping rules
 * would: locals by scope, members of the enclosing classes when no local has the name, type names,
 * captures, and each use of a member.
 */
class NameResolverTest {
  static ProcessingHarness javac;

  @BeforeAll
  static void compile() {
    javac =
        ProcessingHarness.compile(
            """
            package names;

            class Base {
              protected int inherited;
              int baseMethod() { return 0; }
            }
            """,
            """
            package names;

            import static java.lang.Math.PI;
            import static java.util.concurrent.TimeUnit.*;

            import java.util.List;
            import java.util.concurrent.TimeUnit;
            import java.util.function.IntUnaryOperator;
            import java.util.function.Supplier;

            class Names extends Base {
              int count;
              static final int MAX = 3;
              String label = "";

              class Inner {
                void outer() {
                  use(Names.this.count, count, this);
                }
              }

              static class Nested {
                static final int LIMIT = 1;
              }

              int size() { return count; }
              static int twice(int x) { return 2 * x; }
              static void use(Object... values) {}
              String getName() { return "outer"; }

              void parameterShadows(int count) {
                use(count);
              }

              void blockScope() {
                {
                  int label = 1;
                  use(label);
                }
                use(label);
              }

              void declaredLater() {
                use(count);
                int count = 2;
                use(count);
              }

              void members() {
                count++;
                use(size(), twice(MAX), inherited, baseMethod());
              }

              void types() {
                List<String> xs = List.of();
                use(Nested.LIMIT, new Inner(), (Names) null, xs);
              }

              void thisAndSuper() {
                use(this.count, Names.this.count, super.toString(), Names.super.hashCode(), this);
              }

              void staticImports() {
                use(PI, SECONDS);
              }

              void caseLabels(TimeUnit unit) {
                switch (unit) {
                  case SECONDS:
                    use(SECONDS);
                    break;
                  default:
                }
                int k = switch (unit) { case MINUTES -> 1; default -> 2; };
              }

              void lambdaParameter() {
                IntUnaryOperator f = count -> count + 1;
                use(f, count);
              }

              void captures() {
                int v = 1;
                Supplier<Integer> s = () -> v;
                use(v);
                Object o = new Object() { public String toString() { return "" + v; } };
              }

              void localClassMembers() {
                class Counter {
                  int count;
                  int size() { return count; }
                  int twice() { return size() * 2; }
                }
                use(new Counter().twice(), count);
              }

              void localClassThis() {
                Object o = new Object() {
                  public String toString() { return "" + this.hashCode(); }
                };
              }

              void localClassFieldDeclaredAfterItsUse(int count) {
                Object o = new Object() {
                  @Override public String toString() { return "" + count; }
                  int count = 5;
                };
              }

              void inheritedByAnonymousClass() {
                Thread t = new Thread("inner") {
                  @Override public String toString() { return getName(); }
                };
              }
            }
            """);
  }

  @AfterAll
  static void close() {
    javac.close();
  }

  private static BodyNames resolve(String type, String method) {
    TreePath path = javac.method(type, method);
    TypeElement owner = javac.owner(path);
    TypeScope scope = new TypeScope(javac.elements(), owner, path.getCompilationUnit());
    return NameResolver.resolve(javac.elements(), owner, scope, (MethodTree) path.getLeaf());
  }

  private static BodyNames resolve(String method) {
    return resolve("names.Names", method);
  }

  private static List<IdentifierTree> ids(String method, String name) {
    return javac.findAll(javac.method("names.Names", method), IdentifierTree.class, name);
  }

  /** The member uses other than the calls of the helper {@code use}, as kind:text. */
  private static List<String> uses(BodyNames names) {
    return names.memberUses().stream()
        .filter(u -> !u.text().equals("use"))
        .map(u -> u.kind() + ":" + u.text())
        .collect(Collectors.toList());
  }

  @Test
  void aParameterShadowsTheFieldOfTheSameName() {
    BodyNames names = resolve("parameterShadows");
    IdentifierTree count = ids("parameterShadows", "count").get(0);
    assertTrue(names.isLocal(count));
    assertSame(
        ((MethodTree) javac.method("names.Names", "parameterShadows").getLeaf())
            .getParameters()
            .get(0),
        names.local(count));
    assertFalse(names.isMember(count));
    assertEquals(List.of(), uses(names));
  }

  @Test
  void aLocalGoesOutOfScopeAtTheEndOfItsBlock() {
    BodyNames names = resolve("blockScope");
    List<IdentifierTree> label = ids("blockScope", "label");
    assertTrue(names.isLocal(label.get(0)));
    assertFalse(names.isLocal(label.get(1)));
    assertEquals("label", names.member(label.get(1)).getSimpleName().toString());
  }

  @Test
  void aNameUsedBeforeALocalOfThatNameIsDeclaredIsTheField() {
    BodyNames names = resolve("declaredLater");
    List<IdentifierTree> count = ids("declaredLater", "count");
    assertTrue(names.isMember(count.get(0)));
    assertTrue(names.isLocal(count.get(1)));
    assertEquals(List.of("FIELD_OR_METHOD:count"), uses(names));
  }

  @Test
  void fieldsAndMethodsOfTheClassAndItsSuperclassesAreMemberUsesFoundInTheClass() {
    BodyNames names = resolve("members");
    assertEquals(
        List.of(
            "FIELD_OR_METHOD:count",
            "FIELD_OR_METHOD:size",
            "FIELD_OR_METHOD:twice",
            "FIELD_OR_METHOD:MAX",
            "FIELD_OR_METHOD:inherited",
            "FIELD_OR_METHOD:baseMethod"),
        uses(names));
    TypeElement owner = javac.type("names.Names");
    for (BodyNames.MemberUse use : names.memberUses()) {
      assertEquals(owner, use.foundIn(), use.text());
      assertSame(use.member(), names.member(use.tree()), use.text());
    }
    Element inherited = names.memberUses().get(5).member();
    assertEquals(ElementKind.FIELD, inherited.getKind());
    assertEquals(javac.type("names.Base"), inherited.getEnclosingElement());
  }

  @Test
  void namesOfTypesAreNeitherLocalsNorMembersAndOnlyMemberTypesAreMemberUses() {
    BodyNames names = resolve("types");
    for (String type : new String[] {"List", "String", "Nested", "Inner", "Names"}) {
      for (IdentifierTree id : ids("types", type)) {
        assertTrue(names.isTypeName(id), type);
        assertFalse(names.isLocal(id) || names.isMember(id), type);
      }
    }
    assertEquals(List.of("TYPE:Nested", "TYPE:Inner"), uses(names));
    assertEquals(javac.type("names.Names.Nested"), names.memberUses().get(1).member());
    assertTrue(names.isLocal(ids("types", "xs").get(0)));
  }

  @Test
  void everyNameWrittenInTheBodyIsInUse() {
    assertTrue(
        resolve("types")
            .inUse()
            .containsAll(
                List.of("xs", "List", "String", "of", "use", "Nested", "LIMIT", "Inner", "Names")));
    assertTrue(resolve("lambdaParameter").inUse().containsAll(List.of("f", "count")));
  }

  @Test
  void thisAndSuperAreMemberUsesAsWritten() {
    BodyNames names = resolve("thisAndSuper");
    assertEquals(
        List.of("THIS:this", "THIS:Names.this", "SUPER:toString", "SUPER:Names.super", "THIS:this"),
        uses(names));
    BodyNames.MemberUse namesThis = names.memberUses().get(2);
    assertTrue(namesThis.tree() instanceof MemberSelectTree);
    assertEquals(javac.type("names.Names"), namesThis.foundIn());
    assertNull(names.memberUses().get(3).member());
  }

  @Test
  void inAnInnerClassTheOuterClassesThisIsAnOuterThisAndItsFieldsAreFoundThere() {
    BodyNames names = resolve("names.Names.Inner", "outer");
    List<BodyNames.MemberUse> uses = names.memberUses();
    assertEquals(
        List.of(
            "FIELD_OR_METHOD:use", "OUTER_THIS:Names.this", "FIELD_OR_METHOD:count", "THIS:this"),
        uses.stream().map(u -> u.kind() + ":" + u.text()).collect(Collectors.toList()));
    assertEquals(javac.type("names.Names"), uses.get(0).foundIn());
    assertEquals(javac.type("names.Names"), uses.get(2).foundIn());
  }

  @Test
  void aStaticallyImportedFieldIsAMemberWithoutAMemberUse() {
    BodyNames names = resolve("staticImports");
    Element pi = names.member(ids("staticImports", "PI").get(0));
    assertEquals(
        "java.lang.Math", ((TypeElement) pi.getEnclosingElement()).getQualifiedName().toString());
    Element seconds = names.member(ids("staticImports", "SECONDS").get(0));
    assertEquals(ElementKind.ENUM_CONSTANT, seconds.getKind());
    assertEquals(List.of(), uses(names));
  }

  @Test
  void enumConstantsInCaseLabelsAreNamesOfTheSelectorsTypeNotMembers() {
    BodyNames names = resolve("caseLabels");
    List<IdentifierTree> seconds = ids("caseLabels", "SECONDS");
    assertTrue(names.isTypeName(seconds.get(0)));
    assertFalse(names.isMember(seconds.get(0)));
    assertTrue(names.isMember(seconds.get(1)));
    IdentifierTree minutes = ids("caseLabels", "MINUTES").get(0);
    assertTrue(names.isTypeName(minutes));
    assertFalse(names.isMember(minutes));
  }

  @Test
  void aLambdaParameterShadowsTheFieldOfTheSameName() {
    BodyNames names = resolve("lambdaParameter");
    List<IdentifierTree> count = ids("lambdaParameter", "count");
    LambdaExpressionTree lambda =
        javac.find(
            javac.method("names.Names", "lambdaParameter"),
            LambdaExpressionTree.class,
            "count -> count + 1");
    VariableTree parameter = lambda.getParameters().get(0);
    assertSame(parameter, names.local(count.get(0)));
    assertTrue(names.isMember(count.get(1)));
  }

  @Test
  void aLocalReadInsideALambdaOrAClassBodyIsCaptured() {
    BodyNames names = resolve("captures");
    List<IdentifierTree> v = ids("captures", "v");
    VariableTree declaration = javac.local(javac.method("names.Names", "captures"), "v");
    for (IdentifierTree read : v) {
      assertSame(declaration, names.local(read));
    }
    assertEquals(
        List.of(true, false, true), v.stream().map(names::isCaptured).collect(Collectors.toList()));
  }

  @Test
  void membersOfALocalClassShadowTheEnclosingClassesMembers() {
    BodyNames names = resolve("localClassMembers");
    List<IdentifierTree> count = ids("localClassMembers", "count");
    assertFalse(names.isMember(count.get(0)));
    assertTrue(names.isMember(count.get(1)));
    assertEquals(List.of("FIELD_OR_METHOD:count"), uses(names));
    assertSame(count.get(1), names.memberUses().get(names.memberUses().size() - 1).tree());
  }

  @Test
  void thisInsideAClassBodyIsAnotherObjectNotAMemberUse() {
    assertEquals(List.of(), uses(resolve("localClassThis")));
  }

  @Test
  void aFieldOfAnAnonymousClassDeclaredBelowTheMethodThatReadsItShadowsTheEnclosingLocal() {
    BodyNames names = resolve("localClassFieldDeclaredAfterItsUse");
    IdentifierTree read = ids("localClassFieldDeclaredAfterItsUse", "count").get(0);
    VariableTree parameter =
        ((MethodTree) javac.method("names.Names", "localClassFieldDeclaredAfterItsUse").getLeaf())
            .getParameters()
            .get(0);
    assertNotSame(parameter, names.local(read));
  }

  @Test
  void aMethodInheritedByAnAnonymousClassShadowsTheEnclosingClassesMethod() {
    BodyNames names = resolve("inheritedByAnonymousClass");
    IdentifierTree getName = ids("inheritedByAnonymousClass", "getName").get(0);
    assertFalse(names.isMember(getName));
    assertTrue(names.memberUses().stream().noneMatch(u -> u.tree() == getName));
  }
}
