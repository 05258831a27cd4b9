/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package cases.exactness;

import static dev.asyncfn.runtime.Futures.await;
import static dev.asyncfn.testing.TestFutures.later;
import static dev.asyncfn.testing.Trace.log;
import static dev.asyncfn.testing.Trace.logged;

import dev.asyncfn.Async;
import dev.asyncfn.runtime.Future;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * Regression cases for issue 19: operands held across an await, conversions at the time an operand
 * is evaluated (JLS 15.7, 5.6), and the type of a conditional with an await in a branch (JLS 15.25).
 */
public class Exactness {
  static int sc;
  static String slog = "";

  int count;

  static String f3(Object a, Object b, Object c) {
    log("f3(" + a + ", " + b + ", " + c + ")");
    return a + "," + b + "," + c;
  }

  static String typed(Object o) {
    return o + ":" + o.getClass().getSimpleName();
  }

  static String vo(Object o) {
    return "vo(" + o + ")";
  }

  static List<String> strings(List<String> list) {
    return list;
  }

  static String ints(int a, int b) {
    return a + "/" + b;
  }

  static final class IntPair {
    final String text;

    IntPair(int a, long b) {
      text = a + ":" + b;
    }
  }

  /** Appends to {@link #slog} while the await is pending, then yields {@code v}. */
  static Future<String> changesSlogThenYields(String v) {
    slog = "z";
    return later(v);
  }

  int bump(int x) {
    count += x;
    return count;
  }

  // 1. a static field read through its class name is a value like any other: it is held

  @Async
  static String classQualifiedStaticFieldIsHeld() {
    sc = 1;
    return f3(Exactness.sc, sc += await(later(5)), 0);
  }

  @Async
  static String classQualifiedStaticFieldIncrementedLater() {
    sc = 1;
    return f3(Exactness.sc, await(later(sc++)), sc);
  }

  @Async
  static String classQualifiedStaticFieldChangedWhilePending() {
    slog = "a";
    return Exactness.slog + await(changesSlogThenYields("b"));
  }

  // 2. a null Integer left operand is unboxed when it is evaluated, before the right operand

  @Async
  static int nullIntegerUnboxedBeforeRightOperand() {
    Integer n = null;
    return n + await(later(logged("arg", 1)));
  }

  @Async
  static int nullIntegerCompoundAssignmentUnboxedFirst() {
    Integer n = null;
    n += await(later(logged("arg", 1)));
    return n;
  }

  // 3. await is a generic method: a conditional with an await branch is a reference conditional

  @Async
  static String referenceConditionalPassesNull(boolean c) {
    Integer n = null;
    int p = 3;
    return vo(c ? await(later(n)) : p);
  }

  @Async
  static String referenceConditionalInObjectsToString(boolean c) {
    Integer n = null;
    int p = 3;
    return Objects.toString(c ? await(later(n)) : p);
  }

  @Async
  static Integer referenceConditionalAssignedKeepsNull(boolean c) {
    Integer n = null;
    n = c ? await(later(n)) : 0;
    return n;
  }

  // 4. a standalone conditional of Integer and long is a long (held across a later await too)

  @Async
  static long mixedNumericConditional(int p) {
    Integer n = 7;
    long v = 40L;
    return (p > 1 ? await(later(n)) : v) + 1L;
  }

  @Async
  static String mixedNumericConditionalHeld(int p) {
    Integer n = 7;
    long v = 40L;
    return f3(p > 1 ? await(later(n)) : v, await(later("x")), 0);
  }

  // 5. a constant cast needs no holding

  @Async
  static String constantCastOperand() {
    return f3((int) 26L, await(later(1)), 0);
  }

  @Async
  static String negativeConstantCastOperand() {
    return f3((int) -3L, await(later(1)), (byte) 300);
  }

  /**
   * Constant locals narrowed from a double go through int, saturating (JLS 5.1.3): (char) 1e10 is
   * '\uffff', not the low bits of 10000000000L (run seed 6).
   */
  @Async
  static String floatingConstantsNarrowedThroughInt() {
    final int v = (byte) (char) 1e10;
    final int w = (char) -1e10;
    return f3(await(later(1)), v, w);
  }

  @SuppressWarnings("unchecked")
  static <T> T cast(Object o) {
    return (T) o;
  }

  /**
   * A generic call whose type only the target gives, as the branch of a conditional with an await
   * in its argument: typed String by the assignment, as in the source (not Object, standalone).
   */
  @Async
  static String genericCallBranchTypedByTarget(boolean c) {
    String s = c ? "x" : cast(await(later("y")));
    return s;
  }

  /** The same call as an operand of ==, where it is standalone in the source too. */
  @Async
  static boolean genericCallComparedStandalone() {
    return cast("y") == cast(await(later("y")));
  }

  // 6. a var local held across an await, with a conditional calling an instance method by name

  @Async
  int varLocalWithInstanceCallInConditional(int p) {
    var v = await(later(1));
    return p > 0 ? bump(await(later(2))) : v;
  }

  /**
   * javac 17 cannot type the body past the first statement before it compiles it (JDK-8347989):
   * the var locals are typed from their initializers' shapes instead.
   */
  @Async
  int varAfterConditionalCallingInstanceMethod(int p) {
    int x = p > 0 ? bump(1) : 0;
    var v = await(later(x));
    var w = await(ExactnessAsync.constantCastOperand());
    var u = "u";
    await(later(0));
    return v + w.length() + u.length();
  }

  // switch expressions with an await in a result: typed as in the source (JLS 15.28.1)

  @Async
  static long mixedNumericSwitch(int k) {
    Integer n = 7;
    long v = 40L;
    return switch (k) {
          case 1 -> await(later(n));
          default -> v;
        }
        + 1L;
  }

  @Async
  static String referenceSwitchPassesNull(int k) {
    Integer n = null;
    int p = 3;
    return vo(
        switch (k) {
          case 1 -> await(later(n));
          default -> p;
        });
  }

  @Async
  static long switchIntoLongSink(int k) {
    Integer n = 5;
    long x =
        switch (k) {
          case 1 -> await(later(n));
          default -> {
            int q = await(later(2));
            yield q * 3;
          }
        };
    return x;
  }

  // == with a conditional that awaits: the conditional is standalone there, numeric (JLS 15.25)

  @Async
  static boolean equalsConditionalOfAwaitAndDouble(long x) {
    return ((int) x) == (x > 0 ? await(later(3L)) : 0.1);
  }

  @Async
  static boolean boxedNotEqualsConditionalOfAwaitAndFloat(Integer n) {
    return n != (n == null ? await(later(logged("right", 4L))) : 2.5f);
  }

  // an argument is unboxed when it is evaluated, whichever primitive overload takes it

  @Async
  static long nullLongArgumentOfPrimitiveOverloadsUnboxedFirst() {
    Long n = null;
    return Math.max(n, await(later(logged("second", 2L))));
  }

  @Async
  static long nullAwaitedArgumentOfPrimitiveOverloadsUnboxedFirst() {
    Long n = null;
    return Math.max(await(later(n)), await(later(logged("second", 2L))));
  }

  @Async
  static long longArgumentOfPrimitiveOverloadsWidenedAtTheCall() {
    Integer n = 7;
    return Math.max(n, await(later(logged("second", 2L))));
  }

  // a conditional whose condition alone awaits is typed by its branches: numeric here

  @Async
  static String conditionalWithAwaitingConditionUnboxes(Integer n, boolean c) {
    return vo(c ? n : (await(later(true)) ? 1 : -1));
  }

  // a switch expression in a poly context: each value meets the target alone (JLS 15.28.1)

  @Async
  static String polySwitchArgumentOfIntAndByte(int k) {
    return ints(
        switch (k) {
          case 1 -> k + 'b';
          default -> await(later((byte) 5));
        },
        0);
  }

  @Async
  static String polySwitchYieldsOfMixedTypesAndBlockLocals(int k) {
    int[] a = new int[1];
    a[0] =
        switch (k) {
          case 0:
            await(later(0));
            yield Short.valueOf((short) 7);
          case 1:
            {
              int q = await(later(3));
              yield q + 1;
            }
          case 2:
            {
              Long w = await(later(40L));
              yield (int) (long) w;
            }
          default:
            yield 'c';
        };
    return Arrays.toString(a);
  }

  @Async
  static String polySwitchInAConditionalBranch(int k, boolean c) {
    return ints(
        c
            ? switch (k) {
              case 1 -> 'x';
              default -> await(later((short) 2));
            }
            : await(later(9)),
        1);
  }

  @Async
  static String polySwitchOfAnAwaitingConditional(int k, boolean c) {
    return ints(
        switch (k) {
          case 1 -> c ? Byte.valueOf((byte) 8) : await(later('a'));
          default -> 3;
        },
        0);
  }

  @Async
  static String polySwitchOfANumericAwaitingConditional(int k, boolean c) {
    return typed(
        switch (k) {
          case 1 -> c ? 1 : (await(later(2L)) + 0);
          default -> "three";
        });
  }

  @Async
  static String polySwitchOfANestedSwitchWithoutAwait(int k, int j) {
    return ints(
        switch (k) {
          case 1 -> {
            int q = await(later(j));
            yield switch (q) {
              case 0:
                yield Short.valueOf((short) 7);
              default:
                yield (byte) (q * 2);
            };
          }
          case 2 -> switch (j) {
            case 0 -> 'a';
            default -> Long.valueOf(5L).intValue();
          };
          default -> await(later(Byte.valueOf((byte) 9)));
        },
        1);
  }

  @Async
  static List<String> polySwitchOfGenericValues(int k) {
    return strings(
        switch (k) {
          case 1 -> List.of();
          case 2 -> Collections.emptyList();
          default -> await(later(List.of("a")));
        });
  }

  // every conversion of an operand happens when it is evaluated: arguments, indexes, elements

  @Async
  static String nullIntegerArgumentUnboxedBeforeNextArgument() {
    Integer n = null;
    return ints(n, await(later(logged("arg", 1))));
  }

  @Async
  static String nullIntegerConstructorArgumentUnboxedFirst() {
    Integer n = null;
    return new IntPair(n, await(later(logged("arg", 2L)))).text;
  }

  @Async
  static String integerArgumentsConverted() {
    Integer n = 4;
    Character c = 'a';
    return ints(n, await(later(logged("arg", 1)))) + new IntPair(c, await(later(n))).text;
  }

  @Async
  static String nullIntegerIndexUnboxedBeforeRightSide() {
    int[] a = new int[2];
    Integer i = null;
    a[i] = await(later(logged("rhs", 1)));
    return Arrays.toString(a);
  }

  @Async
  static String nullIntegerElementOfLongArrayUnboxedFirst() {
    Integer n = null;
    long[] a = new long[] {n, await(later(logged("second", 2L)))};
    return Arrays.toString(a);
  }
}
