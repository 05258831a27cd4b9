/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.processor.behaviour;

import static dev.asyncfn.testing.AsyncCase.of;

import dev.asyncfn.testing.AsyncCase;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Oracle cases for expressions: ?:, &&, ||, evaluation order, nested awaits, var, instanceof
 * patterns, and lambdas / anonymous / local classes capturing hoisted locals.
 */
class ExpressionsBehaviourTest {

  static final List<AsyncCase> CONDITIONAL =
      List.of(
          of("cases.conditional.Conditional", "ternaryAwaitInBranches", true).expect(10),
          of("cases.conditional.Conditional", "ternaryAwaitInBranches", false).expect(20),
          of("cases.conditional.Conditional", "ternaryAwaitInCondition", 7).expect("big"),
          of("cases.conditional.Conditional", "ternaryAwaitInCondition", 2).expect("small 2"),
          of("cases.conditional.Conditional", "andShortCircuits", false).expect(false),
          of("cases.conditional.Conditional", "andShortCircuits", true).expect(true),
          of("cases.conditional.Conditional", "orShortCircuits", true).expect(true),
          of("cases.conditional.Conditional", "orShortCircuits", false).expect(false),
          of("cases.conditional.Conditional", "mixedInIfCondition", 2).expect("yes"),
          of("cases.conditional.Conditional", "mixedInIfCondition", 1).expect("no"),
          of("cases.conditional.Conditional", "mixedInIfCondition", -1).expect("yes"),
          of("cases.conditional.Conditional", "nestedTernaries", -5).expect(-1),
          of("cases.conditional.Conditional", "nestedTernaries", 0).expect(0),
          of("cases.conditional.Conditional", "nestedTernaries", 3).expect(6),
          of("cases.conditional.Conditional", "nestedTernaries", 50).expect(99),
          of("cases.conditional.Conditional", "awaitOnBothSidesOfAnd", 1, 1).expect(true),
          of("cases.conditional.Conditional", "awaitOnBothSidesOfAnd", 0, 1).expect(false),
          of("cases.conditional.Conditional", "awaitOnBothSidesOfAnd", 1, 0).expect(false));

  /**
   * Operands around awaits: JLS 15.7 order, short circuits, nesting, compound assignment,
   * overload resolution, receivers, arrays, primitives.
   */
  static final List<AsyncCase> OPERANDS =
      List.of(
          of("cases.operands.Operands", "order", 5)
              .expect("5|6|6 7")
              .expectTrace("a5", "b6", "c6"),
          of("cases.operands.Operands", "binary", 3).expect(33),
          of("cases.operands.Operands", "shortCircuit", 0).expect(false),
          of("cases.operands.Operands", "shortCircuit", 1).expect(true),
          of("cases.operands.Operands", "shortCircuit", 2).expect(true),
          of("cases.operands.Operands", "shortCircuit", 3).expect(false),
          of("cases.operands.Operands", "nestedAwaits", 3).expect(5).expectTrace("x2"),
          of("cases.operands.Operands", "compound", 0).expect(109269),
          of("cases.operands.Operands", "overloads", 2)
              .expect(null)
              .expectTrace("Integer 2", "int 4", "p2", "int 3"),
          of("cases.operands.Operands", "receiver", 4).expect("x4-4:4:truetrue"),
          of("cases.operands.Operands", "arrays", 2).expect(2323),
          of("cases.operands.Operands", "chars", 'a', 1.5d, 2.5f, (short) 3, 4L)
              .expect("b3.04.055"));

  static final List<AsyncCase> ORDER =
      List.of(
          of("cases.order.Order", "binaryOperandsInOrder").expect(7),
          of("cases.order.Order", "leftOperandHeldBeforeAssignmentInAwait").expect(1110),
          of("cases.order.Order", "compoundAssignmentReadsLeftFirst").expect(6),
          of("cases.order.Order", "staticFieldCompoundAssignment").expect(49),
          of("cases.order.Order", "incrementsInArgumentsHappenOnce").expect("0|1|1 i=2"),
          of("cases.order.Order", "arrayElementAssignment").expect("[41, 0, 7] i=1"),
          of("cases.order.Order", "arrayElementCompoundAssignment").expect("[101, 2, 3] i=1"),
          of("cases.order.Order", "receiverEvaluatedBeforeArguments").expect("aX1 b true"),
          of("cases.order.Order", "argumentsInOrder").expect("1|2|34|5|6"),
          of("cases.order.Order", "stringConcatenationOrder").expect("axyy"),
          of("cases.order.Order", "nestedAwaits").expect(414),
          of("cases.order.Order", "awaitInArrayInitializer").expect("[1, 2, 3][p, q]"),
          of("cases.order.Order", "awaitInConstructorArguments").expect("(1,2)"),
          of("cases.order.Order", "methodCallChainWithAwaitsInArguments").expect("1,2,2"),
          of("cases.order.Order", "postAndPreIncrementAroundAwaits").expect(316),
          of("cases.receivers.Receivers", "implicitThisFieldReceiver").expect("Ax|B"),
          of("cases.receivers.Receivers", "explicitThisFieldReceiver").expect("Ax|B"),
          of("cases.receivers.Receivers", "arrayElementReceiver").expect("Cy|D"),
          of("cases.receivers.Receivers", "postIncrementAssignedBack").expect(11),
          of("cases.order.Order", "staticFieldReceiverReassignedInArgument").expect("Ax|B"));

  static final List<AsyncCase> VARS =
      List.of(
          of("cases.vars.Vars", "varOfManyTypes").expect("k[s3]31"),
          of("cases.vars.Vars", "varInLoops", List.of(1, 2)).expect(4),
          of("cases.vars.Vars", "varOfAnonymousTypeWithinOneState").expect(4));

  private static final String SEALED = "cases.patterns21.Sealed";
  private static final String BLOCKS = "cases.asyncblocks.AsyncBlocks";
  private static final String EACH = "cases.awaiteach.AwaitEach";

  static final List<AsyncCase> PATTERNS =
      List.of(
          of("cases.patterns.Patterns", "bindingUsedAfterAwait", "abc").expect(6),
          of("cases.patterns.Patterns", "bindingUsedAfterAwait", "").expect(-1),
          of("cases.patterns.Patterns", "bindingUsedAfterAwait", 5).expect(-1),
          of("cases.patterns.Patterns", "negatedPatternScopesOverTheRest", 4).expect(12),
          of("cases.patterns.Patterns", "negatedPatternScopesOverTheRest", "x").expect(-1),
          of("cases.patterns.Patterns", "patternInLoopCondition",
                  (Object) new Object[] {"ab", "c", 1, "zz"})
              .expect("21@2"),
          of("cases.patterns.Patterns", "patternInTernary", 41).expect("num 42"),
          of("cases.patterns.Patterns", "patternInTernary", "s").expect("other"));

  static final List<AsyncCase> LAMBDAS =
      List.of(
          of("cases.lambdas.Lambdas", "captureLoopValues", 3).expect("0 10 20 "),
          of("cases.lambdas.Lambdas", "captureForEachVariable", List.of("a", "b"))
              .expect("ran 2"),
          of("cases.lambdas.Lambdas", "lambdaRunAfterAwait").expect("captured!9"),
          of("cases.lambdas.Lambdas", "anonymousClassCapture", 2).expect("[2, 3, 1]"),
          of("cases.localclass.LocalClasses", "localClassCapture", 3).expect(9),
          of("cases.localclass.LocalClasses", "localClassInABranch", true).expect("yes 5"),
          of("cases.localclass.LocalClasses", "localClassInABranch", false).expect("no"),
          of("cases.lambdas.Lambdas", "lambdaUsingAwaitedValueInStream", List.of(1, 2, 3, 4))
              .expect(9));

  static final List<AsyncCase> HELD_FUTURES =
      List.of(
          of("cases.futures.HeldFutures", "twoFuturesCreatedBeforeAwaiting").expect(12),
          of("cases.futures.HeldFutures", "wildcardFuture", true).expect(5.0),
          of("cases.futures.HeldFutures", "wildcardFuture", false).expect(8.0),
          of("cases.futures.HeldFutures", "explicitTypeArguments").expect("[chars]"),
          of("cases.futures.HeldFutures", "listOfFuturesAwaitedInLoop", 4).expect(14),
          of("cases.futures.HeldFutures", "awaitResultUsedAsReceiver").expect("ba!"));

  static final List<AsyncCase> POSITIONS =
      List.of(
          of("cases.expressions.MoreExpressions", "unaryOperands").expect("-4 true"),
          of("cases.expressions.MoreExpressions", "arrayDimension").expect(32),
          of("cases.expressions.MoreExpressions", "forEachOverAwaitedIterable").expect("ABC"),
          of("cases.expressions.MoreExpressions", "castsAroundAwait").expect(11),
          of("cases.expressions.MoreExpressions", "awaitedValueThroughOptionalAndLambda")
              .expect(3),
          of("cases.expressions.MoreExpressions", "conditionalWithNullBoxing", true).expect("1"),
          of("cases.expressions.MoreExpressions", "conditionalWithNullBoxing", false)
              .expect("null"),
          of("cases.expressions.MoreExpressions", "chainedAndNestedAssignments")
              .expect("5,5,3,6"),
          of("cases.expressions.MoreExpressions", "plainInstanceofOnAwait", 1).expect(true),
          of("cases.expressions.MoreExpressions", "plainInstanceofOnAwait", "1").expect(false),
          of("cases.expressions.MoreExpressions", "awaitInsideTextOfLog").expect("logged"),
          of("cases.ownawait.OwnAwait", "ownAwaitIsNotASuspensionPoint").expect(18),
          of("cases.ownawait.OwnAwait", "fullyQualifiedAwait").expect(7),
          of("cases.held.HeldValues", "anonymousClassInstanceHeld").expect("anon#1"),
          of("cases.held.HeldValues", "lambdaArgumentHeld").expect(43),
          of("cases.held.HeldValues", "mixedBoxingConditionalHeld", true).expect(2L),
          of("cases.held.HeldValues", "mixedBoxingConditionalHeld", false).expect(3L),
          of("cases.held.HeldValues", "explicitTypeArgumentsCallHeld").expect(5),
          of("cases.held.HeldValues", "wildcardElementHeld", List.of(1, 2.5)).expect(3.5),
          of("cases.held.HeldValues", "charAndShortHeld").expect("104 c"),
          of("cases.held.HeldValues", "nullLiteralHeld").expect("null!"),
          of("cases.heldgeneric.Box", "heldTypeVariableField", "a", 7).expect("a/7/a 8"),
          of("cases.heldgeneric.Box", "heldGenericCallResult", "z").expect("z"));

  /** Issue 19: which operands are held, when conversions happen, how held values are typed. */
  static final List<AsyncCase> EXACTNESS =
      List.of(
          of("cases.exactness.Exactness", "classQualifiedStaticFieldIsHeld").expect("1,6,0"),
          of("cases.exactness.Exactness", "classQualifiedStaticFieldIncrementedLater")
              .expect("1,1,2"),
          of("cases.exactness.Exactness", "classQualifiedStaticFieldChangedWhilePending")
              .expect("ab"),
          of("cases.exactness.Exactness", "nullIntegerUnboxedBeforeRightOperand")
              .throwing(NullPointerException.class),
          of("cases.exactness.Exactness", "nullIntegerCompoundAssignmentUnboxedFirst")
              .throwing(NullPointerException.class),
          of("cases.exactness.Exactness", "referenceConditionalPassesNull", true)
              .expect("vo(null)"),
          of("cases.exactness.Exactness", "referenceConditionalPassesNull", false)
              .expect("vo(3)"),
          of("cases.exactness.Exactness", "referenceConditionalInObjectsToString", true)
              .expect("null"),
          of("cases.exactness.Exactness", "referenceConditionalAssignedKeepsNull", true)
              .expect(null),
          of("cases.exactness.Exactness", "referenceConditionalAssignedKeepsNull", false)
              .expect(0),
          of("cases.exactness.Exactness", "mixedNumericConditional", 2).expect(8L),
          of("cases.exactness.Exactness", "mixedNumericConditional", 0).expect(41L),
          of("cases.exactness.Exactness", "mixedNumericConditionalHeld", 2).expect("7,x,0"),
          of("cases.exactness.Exactness", "mixedNumericConditionalHeld", 0).expect("40,x,0"),
          of("cases.exactness.Exactness", "constantCastOperand").expect("26,1,0"),
          of("cases.exactness.Exactness", "negativeConstantCastOperand").expect("-3,1,44"),
          of("cases.exactness.Exactness", "floatingConstantsNarrowedThroughInt")
              .expect("1,-1,0"),
          of("cases.exactness.Exactness", "genericCallBranchTypedByTarget", true).expect("x"),
          of("cases.exactness.Exactness", "genericCallBranchTypedByTarget", false).expect("y"),
          of("cases.exactness.Exactness", "genericCallComparedStandalone").expect(true),
          of("cases.exactness.Exactness", "varLocalWithInstanceCallInConditional", 1).expect(2),
          of("cases.exactness.Exactness", "varLocalWithInstanceCallInConditional", 0)
              .expect(1),
          of("cases.exactness.Exactness", "varAfterConditionalCallingInstanceMethod", 1)
              .expect(8),
          of("cases.exactness.Exactness", "mixedNumericSwitch", 1).expect(8L),
          of("cases.exactness.Exactness", "mixedNumericSwitch", 2).expect(41L),
          of("cases.exactness.Exactness", "referenceSwitchPassesNull", 1).expect("vo(null)"),
          of("cases.exactness.Exactness", "referenceSwitchPassesNull", 2).expect("vo(3)"),
          of("cases.exactness.Exactness", "switchIntoLongSink", 1).expect(5L),
          of("cases.exactness.Exactness", "switchIntoLongSink", 2).expect(6L),
          of("cases.exactness.Exactness", "equalsConditionalOfAwaitAndDouble", 3L).expect(true),
          of("cases.exactness.Exactness", "equalsConditionalOfAwaitAndDouble", 4L)
              .expect(false),
          of("cases.exactness.Exactness", "equalsConditionalOfAwaitAndDouble", 0L)
              .expect(false),
          of("cases.exactness.Exactness", "boxedNotEqualsConditionalOfAwaitAndFloat", 4)
              .expect(true),
          of("cases.exactness.Exactness", "boxedNotEqualsConditionalOfAwaitAndFloat",
                  (Object) null)
              .throwing(NullPointerException.class)
              .expectTrace(),
          of("cases.exactness.Exactness", "nullLongArgumentOfPrimitiveOverloadsUnboxedFirst")
              .throwing(NullPointerException.class)
              .expectTrace(),
          of("cases.exactness.Exactness", "nullAwaitedArgumentOfPrimitiveOverloadsUnboxedFirst")
              .throwing(NullPointerException.class)
              .expectTrace(),
          of("cases.exactness.Exactness", "longArgumentOfPrimitiveOverloadsWidenedAtTheCall")
              .expect(7L)
              .expectTrace("second"),
          of("cases.exactness.Exactness", "conditionalWithAwaitingConditionUnboxes",
                  null, true)
              .throwing(NullPointerException.class),
          of("cases.exactness.Exactness", "conditionalWithAwaitingConditionUnboxes", 5, true)
              .expect("vo(5)"),
          of("cases.exactness.Exactness", "conditionalWithAwaitingConditionUnboxes", null, false)
              .expect("vo(1)"),
          of("cases.exactness.Exactness", "polySwitchArgumentOfIntAndByte", 1).expect("99/0"),
          of("cases.exactness.Exactness", "polySwitchArgumentOfIntAndByte", 2).expect("5/0"),
          of("cases.exactness.Exactness", "polySwitchYieldsOfMixedTypesAndBlockLocals", 0)
              .expect("[7]"),
          of("cases.exactness.Exactness", "polySwitchYieldsOfMixedTypesAndBlockLocals", 1)
              .expect("[4]"),
          of("cases.exactness.Exactness", "polySwitchYieldsOfMixedTypesAndBlockLocals", 2)
              .expect("[40]"),
          of("cases.exactness.Exactness", "polySwitchYieldsOfMixedTypesAndBlockLocals", 3)
              .expect("[99]"),
          of("cases.exactness.Exactness", "polySwitchInAConditionalBranch", 1, true)
              .expect("120/1"),
          of("cases.exactness.Exactness", "polySwitchInAConditionalBranch", 2, true)
              .expect("2/1"),
          of("cases.exactness.Exactness", "polySwitchInAConditionalBranch", 2, false)
              .expect("9/1"),
          of("cases.exactness.Exactness", "polySwitchOfAnAwaitingConditional", 1, true)
              .expect("8/0"),
          of("cases.exactness.Exactness", "polySwitchOfAnAwaitingConditional", 1, false)
              .expect("97/0"),
          of("cases.exactness.Exactness", "polySwitchOfAnAwaitingConditional", 2, false)
              .expect("3/0"),
          of("cases.exactness.Exactness", "polySwitchOfANumericAwaitingConditional", 1, true)
              .expect("1:Long"),
          of("cases.exactness.Exactness", "polySwitchOfANumericAwaitingConditional", 1, false)
              .expect("2:Long"),
          of("cases.exactness.Exactness", "polySwitchOfANumericAwaitingConditional", 2, false)
              .expect("three:String"),
          of("cases.exactness.Exactness", "polySwitchOfANestedSwitchWithoutAwait", 1, 0)
              .expect("7/1"),
          of("cases.exactness.Exactness", "polySwitchOfANestedSwitchWithoutAwait", 1, 3)
              .expect("6/1"),
          of("cases.exactness.Exactness", "polySwitchOfANestedSwitchWithoutAwait", 2, 0)
              .expect("97/1"),
          of("cases.exactness.Exactness", "polySwitchOfANestedSwitchWithoutAwait", 2, 1)
              .expect("5/1"),
          of("cases.exactness.Exactness", "polySwitchOfANestedSwitchWithoutAwait", 3, 1)
              .expect("9/1"),
          of("cases.exactness.Exactness", "polySwitchOfGenericValues", 1).expect(List.of()),
          of("cases.exactness.Exactness", "polySwitchOfGenericValues", 3).expect(List.of("a")),
          of("cases.exactness.Exactness", "nullIntegerArgumentUnboxedBeforeNextArgument")
              .throwing(NullPointerException.class),
          of("cases.exactness.Exactness", "nullIntegerConstructorArgumentUnboxedFirst")
              .throwing(NullPointerException.class),
          of("cases.exactness.Exactness", "integerArgumentsConverted").expect("4/197:4"),
          of("cases.exactness.Exactness", "nullIntegerIndexUnboxedBeforeRightSide")
              .throwing(NullPointerException.class),
          of("cases.exactness.Exactness", "nullIntegerElementOfLongArrayUnboxedFirst")
              .throwing(NullPointerException.class));

  /** JDK 21 pattern matching around awaits (skipped on JDK 17, which cannot compile it). */
  static final List<AsyncCase> PATTERNS_21 =
      List.of(
          of(SEALED, "awaitInBodies", 0).expect("big 20"),
          of(SEALED, "awaitInBodies", 1).expect("circle 3"),
          of(SEALED, "awaitInBodies", 2).expect("square 8"),
          of(SEALED, "awaitInBodies", 3).expect("rect 10 2"),
          of(SEALED, "awaitInGuards", 0).expect("null").expectTrace(),
          of(SEALED, "awaitInGuards", 1).expect("big int 20").expectTrace("g1=true"),
          of(SEALED, "awaitInGuards", 2).expect("int 7").expectTrace("g1=true", "g2=true"),
          of(SEALED, "awaitInGuards", 3).expect("int 3").expectTrace("g1=false", "g2=true"),
          of(SEALED, "awaitInGuards", 4).expect("other -1").expectTrace("g1=false", "g2=false"),
          of(SEALED, "awaitInGuards", 5).expect("empty").expectTrace("g3"),
          of(SEALED, "awaitInGuards", 6).expect("string x").expectTrace("g3"),
          of(SEALED, "awaitInGuards", 7).expect("other 2.0").expectTrace(),
          of(SEALED, "awaitInGuards", 8).expect("other GREEN"),
          of(SEALED, "awaitInGuards", 9).expect("red"),
          of(SEALED, "groups", 0).expect(20),
          of(SEALED, "groups", 1).expect(3),
          of(SEALED, "groups", 2).expect(108),
          of(SEALED, "groups", 3).expect(100),
          of(SEALED, "polySwitchWithBindings", 0).expect("76 m"),
          of(SEALED, "polySwitchWithBindings", 1).expect("3 m"),
          of(SEALED, "polySwitchWithBindings", 2).expect("388 cm"),
          of(SEALED, "polySwitchWithBindings", 3).expect("10 m"),
          of(SEALED, "nullAndDefaultTogether", 0).expect("else null"),
          of(SEALED, "nullAndDefaultTogether", 1).expect("int 20"),
          of(SEALED, "nullAndDefaultTogether", 6).expect("else x"),
          of(SEALED, "switchWithoutAwaitInAsyncMethod", 0).expect("big circle"),
          of(SEALED, "switchWithoutAwaitInAsyncMethod", 1).expect("circle 3"),
          of(SEALED, "switchWithoutAwaitInAsyncMethod", 2).expect("square 4"),
          of(SEALED, "switchWithoutAwaitInAsyncMethod", 3).expect("rect 7"),
          of(SEALED, "recordPatternInInstanceof", 3).expect(205),
          of(SEALED, "recordPatternInInstanceof", 0).expect(-1),
          of(SEALED, "exhaustiveStatementWithoutDefault", 0).expect("c20!"),
          of(SEALED, "exhaustiveStatementWithoutDefault", 2).expect("s4!"),
          of(SEALED, "exhaustiveStatementWithoutDefault", 3).expect("r2"));

  /** Async blocks, {@code async(() -> ...)}. */
  static final List<AsyncCase> ASYNC_BLOCKS =
      List.of(
          of(BLOCKS, "lazyUntilAwaited")
              .expect("v!")
              .expectTrace("created", "block starts", "block got v", "awaited"),
          of(BLOCKS, "eachIterationCapturesItsOwnValues", 3).expect(List.of(2, 12, 22)),
          of(BLOCKS, "blocksInsideBlocks", "s").expect("s!s!/s!"),
          of(BLOCKS, "closuresReturnBlocks", List.of(1, 2, 3)).expect(12),
          of(BLOCKS, "blocksWithoutValue")
              .expect(2)
              .expectTrace("second not run yet: [1]"),
          of(BLOCKS, "blocksUseTheReceiver", 5).expect(506),
          of(BLOCKS, "checkedFailureIsCaughtAroundTheAwait", true).expect("caught no"),
          of(BLOCKS, "checkedFailureIsCaughtAroundTheAwait", false).expect("yes"),
          of(BLOCKS, "finallyInsideABlockRuns", true)
              .expect("failed boom")
              .expectTrace("block finally"),
          of(BLOCKS, "finallyInsideABlockRuns", false).expect("in").expectTrace("block finally"),
          of(BLOCKS, "aBlockNeverAwaitedNeverRuns").expect(7).expectTrace("dropped true"),
          of(BLOCKS, "expressionBlocks", 2).expect(332),
          of(BLOCKS, "blockInALoopAwaitedInTheLoop", 3).expect(4),
          of(BLOCKS, "plainMethodsBlocksRunWhenPolled", 4)
              .expect(5)
              .expectTrace("plain block runs"));

  /** Loops over streams, {@code for (T x : awaitEach(stream))}. */
  static final List<AsyncCase> AWAIT_EACH =
      List.of(
          of(EACH, "sumsEveryElement", List.of(1, 2, 3))
              .expect(6)
              .expectTrace("stream made", "closed after 3"),
          of(EACH, "awaitsInTheBody", List.of(1, 2))
              .expect(30)
              .expectTrace("stream made", "added 1", "added 2", "closed after 2"),
          of(EACH, "breaksAndContinues", List.of(1, 2, 3, 4, 7, 5))
              .expect("13")
              .expectTrace("stream made", "closed after 5"),
          of(EACH, "returnsFromTheLoop", List.of(1, 2, 3), 2)
              .expect("found 2")
              .expectTrace("stream made", "closed after 2"),
          of(EACH, "returnsFromTheLoop", List.of(1, 2, 3), 9)
              .expect("none")
              .expectTrace("stream made", "closed after 3"),
          of(EACH, "failsInTheBody", List.of(1, 2, 3, 4))
              .expect("caught three")
              .expectTrace("stream made", "closed after 3"),
          of(EACH, "labelledBreakFromAnInnerLoop", List.of(1, 2, 3))
              .expect("0 1 2 0 2")
              .expectTrace("stream made", "closed after 2"),
          of(EACH, "nestedStreams", List.of(1, 2))
              .expect(6)
              .expectTrace("stream made", "closed after 2"),
          of(EACH, "checkedFailureOfTheStream", true).expect("a then not b"),
          of(EACH, "checkedFailureOfTheStream", false).expect("abc"),
          of(EACH, "streamExpressionEvaluatedOnce", List.of(1, 2))
              .expect(3)
              .expectTrace("made once", "stream made", "closed after 2"));

  /** Scoping, constant expressions and completion, found by the processor's unit tests. */
  static final List<AsyncCase> SCOPING =
      List.of(
          of("cases.scoping.Scoping", "anonymousClassFieldDeclaredBelowItsUse").expect("5/1"),
          of("cases.scoping.Scoping", "methodInheritedByAnonymousClass")
              .expect("t:inner/outer"),
          of("cases.scoping.Scoping", "fullyQualifiedConstantOperand").expect("32767/1"),
          of("cases.scoping.Scoping", "divisionByConstantZeroThrowsBeforeLaterOperands")
              .throwing(ArithmeticException.class),
          of("cases.scoping.Scoping", "doLoopThatOnlyReturns", true).expect(1),
          of("cases.scoping.Scoping", "doLoopThatOnlyReturns", false).expect(12),
          of("cases.scoping.Scoping", "whileOnConstantVariable", 1).expect(1),
          of("cases.scoping.Scoping", "whileOnConstantVariable", 0).expect(12),
          of("cases.scoping.Scoping", "whileOnConstantLocal", 1).expect(1),
          of("cases.scoping.Scoping", "whileOnConstantLocal", 0).expect(12),
          of("cases.scoping.Scoping", "constantLocalAsCaseLabel", 3).expect(4),
          of("cases.scoping.Scoping", "constantLocalAsCaseLabel", 2).expect(101),
          of("cases.scoping.Scoping", "localOfFlattenedBlockDoesNotShadowLaterLocal").expect(2));

  /** Real-world-shaped methods that mix the constructs above. */
  static final List<AsyncCase> REAL_WORLD =
      List.of(
          of("cases.realworld.Client", "withRetries", 2, 3).expect("h/x after 3"),
          of("cases.realworld.Client", "withRetries", 3, 3).throwing(IOException.class),
          of("cases.realworld.Client", "allPages").expect(List.of(0, 1, 10, 11, 20, 21)),
          of("cases.realworld.Client", "parseHeaders")
              .expect(Map.of("A", "1", "B", "2", "C", "three")),
          of("cases.realworld.Client", "cachedTwiceThenOther").expect("KKZ requests=2"),
          of("cases.realworld.Client", "fanOutCollect", List.of("a", "!b", "c"))
              .expect("ok:a fail:!b ok:c (1 failed)"),
          of("cases.realworld.Client", "protocol",
                  List.of("OPEN", "DATA hi", "OPEN", "CLOSE", "PING", "CLOSE"))
              .expect("(hi()?) depth=0"),
          of("cases.realworld.Client", "protocol", List.of("CLOSE x"))
              .throwing(IllegalStateException.class));

  static final List<List<AsyncCase>> ALL =
      List.of(
          CONDITIONAL,
          OPERANDS,
          ORDER,
          VARS,
          PATTERNS,
          LAMBDAS,
          HELD_FUTURES,
          POSITIONS,
          EXACTNESS,
          SCOPING,
          ASYNC_BLOCKS,
          AWAIT_EACH,
          PATTERNS_21,
          REAL_WORLD);

  @TestFactory
  Stream<DynamicTest> asyncBlocks() {
    return Corpus.oracleTests(ASYNC_BLOCKS);
  }

  @TestFactory
  Stream<DynamicTest> awaitEachLoops() {
    return Corpus.oracleTests(AWAIT_EACH);
  }

  @TestFactory
  Stream<DynamicTest> jdk21Patterns() {
    return Corpus.oracleTests(PATTERNS_21);
  }

  @TestFactory
  Stream<DynamicTest> scopingConstantsAndCompletion() {
    return Corpus.oracleTests(SCOPING);
  }

  @TestFactory
  Stream<DynamicTest> conditionalAndShortCircuit() {
    return Corpus.oracleTests(CONDITIONAL);
  }

  @TestFactory
  Stream<DynamicTest> operandsAroundAwaits() {
    return Corpus.oracleTests(OPERANDS);
  }

  @TestFactory
  Stream<DynamicTest> evaluationOrder() {
    return Corpus.oracleTests(ORDER);
  }

  @TestFactory
  Stream<DynamicTest> varLocals() {
    return Corpus.oracleTests(VARS);
  }

  @TestFactory
  Stream<DynamicTest> instanceofPatterns() {
    return Corpus.oracleTests(PATTERNS);
  }

  @TestFactory
  Stream<DynamicTest> exactness() {
    return Corpus.oracleTests(EXACTNESS);
  }

  @TestFactory
  Stream<DynamicTest> realWorldShapes() {
    return Corpus.oracleTests(REAL_WORLD);
  }

  @TestFactory
  Stream<DynamicTest> awaitPositions() {
    return Corpus.oracleTests(POSITIONS);
  }

  @TestFactory
  Stream<DynamicTest> heldFutures() {
    return Corpus.oracleTests(HELD_FUTURES);
  }

  @TestFactory
  Stream<DynamicTest> lambdasAndCaptures() {
    return Corpus.oracleTests(LAMBDAS);
  }
}
