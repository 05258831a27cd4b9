/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.processor.behaviour;

import static dev.asyncfn.testing.AsyncCase.of;

import dev.asyncfn.testing.AsyncCase;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Oracle cases for types and members: generics, primitives, arrays, static and instance methods,
 * void, recursion through the companion, varargs, overloads.
 */
class TypesAndMembersBehaviourTest {

  static final List<AsyncCase> GENERICS =
      List.of(
          of("cases.generics.Generics", "identity", "x").expect("x"),
          of("cases.generics.Generics", "max", List.of(3, 9, 2)).expect(9),
          of("cases.generics.Generics", "zip", List.of("a", "b"), List.of(1, 2))
              .expect(Map.of("a", 1, "b", 2)),
          of("cases.generics.Generics", "mapAll", List.of(1, 2, 3),
                  (Function<Integer, String>) x -> "v" + x)
              .expect(List.of("v1", "v2", "v3")),
          of("cases.generics.Generics", "sumWildcard", List.of(1, 2.5)).expect(3.5),
          of("cases.generics.Generics", "intersectionBound", 3, 5).expect("-1:8.0"),
          of("cases.genericclass.Cell", "addAndGetMax", List.of(3, 7, 5)).expect(7),
          of("cases.genericclass.Cell", "mapItems", List.of("a", "bb"),
                  (Function<String, Integer>) String::length)
              .expect(List.of(1, 2)),
          of("cases.genericclass.Cell$Pair", "describe", "x", 2).expect("x&2"),
          of("cases.generics2.Repo", "addAll", List.of(3, 1)).expect(1),
          of("cases.generics2.Repo", "addTwiceThroughCompanion", List.of("a", "b"))
              .expect("b/b/4"),
          of("cases.generics2.Repo", "nest", "x", 2).expect(List.of("x", "x", "x")),
          of("cases.generics2.Repo", "sorted", (Object) new Integer[] {3, 1, 2})
              .expect(Set.of(1, 2, 3)),
          of("cases.generics2.Repo", "kind", List.of("a"))
              .paramTypes(List.class)
              .expect("list 1"),
          of("cases.generics2.Repo", "kind", Set.of("a", "b"))
              .paramTypes(Set.class)
              .expect("set 2"));

  /**
   * @Async methods awaiting each other through the companion (instance, recursive, overloaded,
   * varargs, interface static and default), generics, patterns, captures, completion stages.
   */
  static final List<AsyncCase> STRUCTURE =
      List.of(
          of("cases.structure.Structure", "captures", 3)
              .expect("t00,t11,t22,")
              .expectTrace("t0", "t1", "t2"),
          of("cases.structure.Structure", "callInstance", 2).expect(115003),
          of("cases.structure.Structure", "max", List.of("a", "c", "b")).expect("c").expectTrace(),
          of("cases.structure.Structure", "fib", 10).expect(55L).expectTrace(),
          of("cases.structure.Structure", "fibVar", 8).expect(21L).expectTrace(),
          of("cases.structure.Structure", "callOver", 3).expect("s3!3?6"),
          of("cases.structure.Structure", "patterns", "xy").expect("string xy"),
          of("cases.structure.Structure", "patterns", "x").expect("other x"),
          of("cases.structure.Structure", "patterns", 3).expect("other 3"),
          of("cases.structure.Structure", "callSvc", 21).expect("svc greets you42").expectTrace(),
          of("cases.structure.Structure", "stages", 0).expect("cf0"),
          of("cases.structure.Structure", "stages", 1).expect("cf1missing1").expectTrace());

  static final List<AsyncCase> PRIMITIVES =
      List.of(
          of("cases.primitives.Primitives", "bytes", (byte) 5).expect((byte) 9),
          of("cases.primitives.Primitives", "shorts", (short) 300).expect((short) 601),
          of("cases.primitives.Primitives", "chars", 'a').expect('c'),
          of("cases.primitives.Primitives", "ints", 7).expect(73),
          of("cases.primitives.Primitives", "longs", 3L).expect(12884901891L),
          of("cases.primitives.Primitives", "floats", 4.5f).expect(3.0f),
          of("cases.primitives.Primitives", "doubles", 1.0).expect(1100.0),
          of("cases.primitives.Primitives", "booleans", false).expect(true),
          of("cases.primitives.Primitives", "allKindsTogether").expect("12c456.57.25true/23d"),
          of("cases.primitives.Primitives", "wideningAndUnboxing").expect(72.0),
          of("cases.primitives.Primitives", "everyWidening")
              .expect("-2,-300,122,16777216,1099511627776,true/false,97"),
          of("cases.primitives.Primitives", "widerReferenceSinks").expect("7textsb00"));

  static final List<AsyncCase> ARRAYS =
      List.of(
          of("cases.arrays.Arrays", "squares", 4).expect(new int[] {0, 1, 4, 9}),
          of("cases.arrays.Arrays", "grid", 2, 2).expect(new int[][] {{0, 1}, {10, 11}}),
          of("cases.arrays.Arrays", "reversed", (Object) new String[] {"a", "b", "c"})
              .expect(new String[] {"c", "b", "a"}),
          of("cases.arrays.Arrays", "indexWithAwait", new int[] {1, 2, 3}).expect(106),
          of("cases.arrays.Arrays", "awaitedArrayLength").expect(8));

  static final List<AsyncCase> MEMBERS =
      List.of(
          of("cases.members.Members", "incrementCount", 5).expect(16),
          of("cases.members.Members", "parameterShadowsField", "p")
              .expect("p/field/param-changed/field"),
          of("cases.members.Members", "localShadowsField").expect("field/local/assigned"),
          of("cases.members.Members", "implicitThisCall").expect(18),
          of("cases.members.Members", "staticMembers").expect(1014),
          of("cases.members.Members", "returnsThis").expect(null),
          of("cases.nested.Outer$Inner", "useOuterStatics").expect(1002),
          of("cases.nested.Outer$Inner", "mixOwnAndOuter").expect(1010),
          of("cases.members2.Counter", "methodReferenceToThis", List.of(1, 2)).expect("3,6"),
          of("cases.members2.Counter", "lambdaUsingFieldsImplicitly").expect(15),
          of("cases.members2.Counter", "anonymousClassUsingOuterField").expect(22),
          of("cases.members2.Counter", "synchronizedWithoutAwaitInside").expect(5),
          of("cases.members2.Counter", "thisPassedAsArgument").expect("counter 9 v 7"),
          of("cases.names.Names", "localsNamedLikeMachineParts", 10).expect(38),
          of("cases.names.Names", "userLabelNamedMachine", 3).expect(6),
          of("cases.names.Names", "parameterNamedSelf", 5).expect(110),
          of("cases.names.Names", "localNamedLikeMethodAndCompanion").expect("mc"));

  static final List<AsyncCase> VOIDS_AND_RECURSION =
      List.of(
          of("cases.voids.Voids", "logs", 3).expect(null),
          of("cases.voids.Voids", "earlyReturn", true).expect(null),
          of("cases.voids.Voids", "earlyReturn", false).expect(null),
          of("cases.voids.Voids", "callsOtherVoids").expect(null),
          of("cases.recursion.Recursion", "fib", 10).expect(55L),
          of("cases.recursion.Recursion", "depth", List.of(List.of(), List.of(List.of())))
              .expect(3),
          of("cases.recursion.Recursion", "instanceRecursion", 4).expect(10));

  static final List<AsyncCase> VARARGS_AND_OVERLOADS =
      List.of(
          of("cases.varargs.Varargs", "sum", new int[] {1, 2, 3}).expect(6),
          of("cases.varargs.Varargs", "join", "-", new String[] {"a", "b"}).expect("a-b"),
          of("cases.varargs.Varargs", "callsVarargsFactories").expect("6 0 x-y"),
          of("cases.overloads.Overloads", "describe", 1).paramTypes(int.class).expect("int 1"),
          of("cases.overloads.Overloads", "describe", 2L).paramTypes(long.class).expect("long 2"),
          of("cases.overloads.Overloads", "describe", "s")
              .paramTypes(String.class)
              .expect("String s"),
          of("cases.overloads.Overloads", "describe", 2, 3)
              .paramTypes(int.class, int.class)
              .expect("ints 5"),
          of("cases.overloads.Overloads", "callsOverloads")
              .expect("int 1; long 2; String s; not async 1.5"));

  /** Records, enums and interfaces declaring @Async methods. */
  static final List<AsyncCase> TYPE_KINDS =
      List.of(
          of("cases.records.Point", "sumThroughAccessors")
              .receiver(type -> construct(type, 3, 4))
              .expect(10),
          of("cases.records.Point", "scaledSum", 1, 5, 2).expect(14),
          of("cases.enums.Op", "apply", 2, 5)
              .receiver(type -> type.getEnumConstants()[1])
              .expect(10),
          of("cases.enums.Op", "applyAll", 1).expect(12),
          of("cases.interfaces.Service", "twice", 21).expect(42),
          of("cases.interfaces.Service", "greet", "you")
              .receiver(type -> construct(load(type, "cases.interfaces.Service$Impl")))
              .expect("impl greets you"));

  private static Class<?> load(Class<?> sibling, String name) {
    try {
      return Class.forName(name, true, sibling.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new AssertionError(e);
    }
  }

  private static Object construct(Class<?> type, Object... args) {
    try {
      var ctor = type.getDeclaredConstructors()[0];
      ctor.setAccessible(true);
      return ctor.newInstance(args);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }

  /** Whatever the user's file imports or names, the generated code compiles (issue 13). */
  static final List<AsyncCase> CLASHES =
      List.of(
          of("cases.clashes.Clashes", "importsAnotherFutureAndContext", "ab").expect("24:1"),
          of("cases.clashes.Clashes", "parametersNamedLikeTheMachine", 1, 2, 3, 4, 5, 6, 7)
              .expect(29),
          of("cases.clashes.Clashes", "localClassNamedPoll", 4).expect("poll 8"));

  /**
   * Members the body may use and another class may not (issue 13): private fields, constants,
   * methods and constructors, record components, a nest's private members, protected members of
   * a superclass in another package, super calls.
   */
  static final List<AsyncCase> PRIVATE_ACCESS =
      List.of(
          of("cases.privates.Ledger", "deposit", 30).expect(27),
          of("cases.privates.Ledger", "readsAndWritesEveryKind", 100)
              .expect("limit [ledger] 1 ab 6 7 14 other"),
          of("cases.privates.Ledger", "readsAndWritesEveryKind", 1)
              .expect("other [ledger] 1 ab 6 7 14 other"),
          of("cases.privates.Ledger", "privateMethodThrowingChecked", false).expect("d=me:0"),
          of("cases.privates.Ledger", "privateMethodThrowingChecked", true)
              .expect("caught no description of me"),
          of("cases.privates.Ledger", "genericPrivateMethod").expect("a1"),
          of("cases.privates.Ledger", "callsPrivateAsync").expect(5),
          of("cases.privates.Ledger", "methodReferenceToPrivate").expect(31),
          of("cases.privates.Ledger", "compoundOnAnother").expect(5),
          of("cases.privates.Ledger", "lambdaUsingPrivates").expect("b=5"),
          of("cases.privates.Point", "sum").receiver(type -> construct(type, 3, 4)).expect(7),
          of("cases.privates.Point", "distanceFromOrigin", -3, 4).expect(7),
          of("cases.supers.Service", "usesInherited").expect("service 11 s! u3"),
          of("cases.supers.Service", "callsSuper")
              .expect("hello from base / hello from service / base"),
          of("cases.nests.Outer", "readsInner").expect(55),
          of("cases.nests.Outer$Inner", "readsOuter")
              .receiver(type -> construct(type))
              .expect(42));

  static final List<List<AsyncCase>> ALL =
      List.of(
          CLASHES,
          PRIVATE_ACCESS,
          STRUCTURE,
          GENERICS,
          PRIMITIVES,
          ARRAYS,
          MEMBERS,
          VOIDS_AND_RECURSION,
          VARARGS_AND_OVERLOADS,
          TYPE_KINDS);

  @TestFactory
  Stream<DynamicTest> privateAndInheritedMembersThroughAccessors() {
    return Corpus.oracleTests(PRIVATE_ACCESS);
  }

  @TestFactory
  Stream<DynamicTest> namesTheUserImportsOrDeclares() {
    return Corpus.oracleTests(CLASHES);
  }

  @TestFactory
  Stream<DynamicTest> asyncMethodsAwaitingEachOtherThroughTheCompanion() {
    return Corpus.oracleTests(STRUCTURE);
  }

  @TestFactory
  Stream<DynamicTest> generics() {
    return Corpus.oracleTests(GENERICS);
  }

  @TestFactory
  Stream<DynamicTest> primitives() {
    return Corpus.oracleTests(PRIMITIVES);
  }

  @TestFactory
  Stream<DynamicTest> arrays() {
    return Corpus.oracleTests(ARRAYS);
  }

  @TestFactory
  Stream<DynamicTest> staticAndInstanceMembers() {
    return Corpus.oracleTests(MEMBERS);
  }

  @TestFactory
  Stream<DynamicTest> voidsAndRecursion() {
    return Corpus.oracleTests(VOIDS_AND_RECURSION);
  }

  @TestFactory
  Stream<DynamicTest> recordsEnumsInterfaces() {
    return Corpus.oracleTests(TYPE_KINDS);
  }

  @TestFactory
  Stream<DynamicTest> varargsAndOverloads() {
    return Corpus.oracleTests(VARARGS_AND_OVERLOADS);
  }
}
