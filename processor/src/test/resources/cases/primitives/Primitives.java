/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package cases.primitives;

import static dev.asyncfn.runtime.Futures.await;
import static dev.asyncfn.testing.TestFutures.later;
import static dev.asyncfn.testing.Trace.log;

import dev.asyncfn.Async;

/** Every primitive kind held across awaits; compound assignments with implicit narrowing. */
public class Primitives {

  @Async
  static byte bytes(byte b) {
    byte x = await(later(b));
    x += await(later((byte) 3));
    x++;
    return x;
  }

  @Async
  static short shorts(short s) {
    short x = s;
    x *= await(later(2));
    x += 1;
    return x;
  }

  @Async
  static char chars(char c) {
    char x = await(later(c));
    x++;
    x += await(later(1));
    return x;
  }

  @Async
  static int ints(int a) {
    int x = a;
    x <<= await(later(2));
    x ^= 0x55;
    return x % 1000;
  }

  @Async
  static long longs(long a) {
    long x = await(later(a)) << 33;
    x |= await(later(7L));
    x >>>= 1;
    return x;
  }

  @Async
  static float floats(float f) {
    float x = await(later(f));
    x /= await(later(3f));
    return x * 2;
  }

  @Async
  static double doubles(double d) {
    double x = d;
    x += await(later(0.1));
    x *= await(later(1e3));
    return Math.floor(x);
  }

  @Async
  static boolean booleans(boolean b) {
    boolean x = await(later(b));
    x &= await(later(true));
    x ^= !b;
    return x;
  }

  @Async
  static String allKindsTogether() {
    byte b = 1;
    short s = 2;
    char c = 'c';
    int i = 4;
    long l = 5L;
    float f = 6.5f;
    double d = 7.25;
    boolean z = true;
    await(later(0));
    String r = "" + b + s + c + i + l + f + d + z;
    log(r);
    b += await(later(1));
    s += await(later(1));
    c += await(later(1));
    return r + "/" + b + s + c;
  }

  /** Widening and unboxing at the await: a Long future into a double, an Integer into a long. */
  @Async
  static double wideningAndUnboxing() {
    double d = await(later(3L));
    long l = await(later(4));
    int i = await(later('A'));
    return d + l + i;
  }

  /** Every other widening an await's output may take into a primitive sink. */
  @Async
  static String everyWidening() {
    short fromByte = await(later((byte) -2));
    int fromShort = await(later((short) -300));
    long fromChar = await(later('z'));
    float fromInt = await(later(16_777_217)); // rounds, as the assignment in the source does
    float fromLong = await(later(1L << 40));
    double fromFloat = await(later(0.1f));
    double fromChar2 = await(later('a'));
    // whole numbers and comparisons only: Float.toString prints differently from JDK 19 on
    return fromByte + "," + fromShort + "," + fromChar + "," + (long) fromInt + "," + (long) fromLong
        + "," + (fromFloat == 0.1f) + "/" + (fromFloat == 0.1) + "," + (int) fromChar2;
  }

  /** Reference sinks wider than the await's output, and a generic one inferred from the sink. */
  @Async
  static String widerReferenceSinks() {
    Number n = await(later(7));
    Object o = await(later("text"));
    CharSequence cs = await(later(new StringBuilder("sb")));
    java.util.List<String> empty = await(later(java.util.List.of()));
    Comparable<String> c = await(later("cmp"));
    return n.intValue() + o.toString() + cs + empty.size() + c.compareTo("cmp");
  }
}
