package dev.asyncfn.processor;

import static dev.asyncfn.processor.OracleCase.check;
import static dev.asyncfn.processor.OracleCase.compile;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Awaits inside expressions: JLS 15.7 evaluation order, short circuits, nesting. */
class ExpressionTest {
  static Compiled c;

  @BeforeAll
  static void compileAll() {
    c =
        compile(
            "static int f(String tag, int v) { log(tag + v); return v; }\n"
                + "static int counter;\n"
                + "static String concat(Object a, Object b, Object c) { return a + \"|\" + b + \"|\" + c; }\n"
                + "static void over(int x) { log(\"int \" + x); }\n"
                + "static void over(Integer x) { log(\"Integer \" + x); }\n"
                + "static void over(long x) { log(\"long \" + x); }\n"
                + "@Async static String order(int n) {\n"
                + "  int i = n;\n"
                + "  String s = concat(f(\"a\", i++), await(later(f(\"b\", i))), f(\"c\", i++));\n"
                + "  return s + \" \" + i;\n"
                + "}\n"
                + "@Async static int binary(int n) {\n"
                + "  int x = f(\"l\", n) * 10 + await(later(f(\"r\", n + 1))) - f(\"z\", 1);\n"
                + "  return x;\n"
                + "}\n"
                + "@Async static boolean shortCircuit(int n) {\n"
                + "  boolean a = n > 1 && await(later(f(\"and\", n) > 2));\n"
                + "  boolean b = n > 1 || await(later(f(\"or\", n) > 0));\n"
                + "  String c = n > 2 ? await(later(\"yes\" + f(\"t\", n))) : \"no\" + f(\"f\", n);\n"
                + "  log(c);\n"
                + "  long d = n > 2 ? 1 : await(later(2L));\n"
                + "  log(d);\n"
                + "  return a ^ b;\n"
                + "}\n"
                + "@Async static int nestedAwaits(int n) {\n"
                + "  return await(later(await(later(n)) + await(later(f(\"x\", 2)))));\n"
                + "}\n"
                + "@Async static int compound(int n) {\n"
                + "  int[] arr = {1, 2, 3};\n"
                + "  int i = 0;\n"
                + "  arr[i++] += await(later(10));\n"
                + "  counter = 5;\n"
                + "  counter += await(later(f(\"c\", counter)));\n"
                + "  int x = 3;\n"
                + "  x *= await(later(x + 1));\n"
                + "  arr[await(later(2))] = await(later(f(\"v\", 9)));\n"
                + "  byte b = 1;\n"
                + "  b += await(later(300));\n"
                + "  return arr[0] + arr[1] * 100 + arr[2] * 1000 + counter * 10000 + x + i + b;\n"
                + "}\n"
                + "@Async static void overloads(int n) {\n"
                + "  over(await(later(n)));\n"
                + "  over(n + await(later(n)));\n"
                + "  over(f(\"p\", n) + await(later(1)));\n"
                + "}\n"
                + "@Async static String receiver(int n) {\n"
                + "  StringBuilder sb = new StringBuilder(\"x\");\n"
                + "  sb.append(await(later(n))).append(await(later(\"-\"))).append(n);\n"
                + "  String s = String.valueOf(await(later(n)));\n"
                + "  int len = (s + await(later(\"abc\"))).length();\n"
                + "  return sb + \":\" + len + \":\" + (await(later(n)) instanceof Integer) + !await(later(false));\n"
                + "}\n"
                + "@Async static int arrays(int n) {\n"
                + "  int[] a = new int[await(later(n))];\n"
                + "  int[] b = {await(later(1)), n, await(later(3))};\n"
                + "  int[][] m = new int[n][await(later(2))];\n"
                + "  return a.length + b[0] + b[1] * 10 + b[2] * 100 + m[0].length * 1000;\n"
                + "}\n"
                + "@Async static String chars(char c, double d, float fl, short sh, long l) {\n"
                + "  char next = (char) (c + await(later(1)));\n"
                + "  double dd = d * await(later(2.0));\n"
                + "  float ff = fl + await(later(1.5f));\n"
                + "  short ss = (short) (sh + await(later((short) 2)));\n"
                + "  long ll = l + await(later(1L));\n"
                + "  return \"\" + next + dd + ff + ss + ll;\n"
                + "}\n");
  }

  @Test
  void operandsLeftOfAnAwaitAreEvaluatedFirst() {
    assertEquals("value 5|6|6 7 trace [a5, b6, c6]", check(c, "order", 5).get(0));
    check(c, "binary", 3);
  }

  @Test
  void shortCircuitsEvaluateOnlyWhatTheyWould() {
    for (int n = 0; n < 4; n++) {
      check(c, "shortCircuit", n);
    }
  }

  @Test
  void nestedAwaitsWorkInsideOut() {
    assertEquals("value 5 trace [x2]", check(c, "nestedAwaits", 3).get(0));
  }

  @Test
  void compoundAssignmentReadsItsLeftSideFirst() {
    check(c, "compound", 0);
  }

  @Test
  void overloadResolutionIsKept() {
    assertEquals("value null trace [Integer 2, int 4, p2, int 3]", check(c, "overloads", 2).get(0));
  }

  @Test
  void receiversAndArrays() {
    check(c, "receiver", 4);
    check(c, "arrays", 2);
  }

  @Test
  void primitivesOfEveryKind() {
    check(c, "chars", 'a', 1.5d, 2.5f, (short) 3, 4L);
  }
}
