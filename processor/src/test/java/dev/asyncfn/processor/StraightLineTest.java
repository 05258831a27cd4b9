package dev.asyncfn.processor;

import static dev.asyncfn.processor.OracleCase.check;
import static dev.asyncfn.processor.OracleCase.compile;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Straight-line code, control flow and loops around awaits, against the synchronous twin. */
class StraightLineTest {
  static Compiled c;

  @BeforeAll
  static void compileAll() {
    c =
        compile(
            "@Async static int add(int a) {\n"
                + "  log(\"start\");\n"
                + "  int x = await(later(a));\n"
                + "  log(x);\n"
                + "  int y = await(later(x + 1)) * 2;\n"
                + "  return x + y;\n"
                + "}\n"
                + "@Async static void noResult(String s) {\n"
                + "  await(later(s));\n"
                + "  log(s);\n"
                + "  await(later(1));\n"
                + "}\n"
                + "@Async static long widen(int n) {\n"
                + "  if (n < 0) return 0;\n"
                + "  long total = await(later(n));\n"
                + "  return n;\n"
                + "}\n"
                + "@Async static String ifElse(int n) {\n"
                + "  String r;\n"
                + "  if (await(later(n)) > 2) {\n"
                + "    r = await(later(\"big\"));\n"
                + "    log(r);\n"
                + "  } else if (n == 2) {\n"
                + "    r = \"two\";\n"
                + "  } else {\n"
                + "    log(\"small\");\n"
                + "    r = await(later(\"small\")) + n;\n"
                + "  }\n"
                + "  return r;\n"
                + "}\n"
                + "@Async static int whileLoop(int n) {\n"
                + "  int sum = 0;\n"
                + "  int i = 0;\n"
                + "  while (i < n) {\n"
                + "    sum += await(later(i));\n"
                + "    i++;\n"
                + "  }\n"
                + "  return sum;\n"
                + "}\n"
                + "@Async static int forLoop(int n) {\n"
                + "  int sum = 0;\n"
                + "  for (int i = await(later(0)); i < await(later(n)); i = i + await(later(1))) {\n"
                + "    if (i == 2) continue;\n"
                + "    if (i == 7) break;\n"
                + "    sum = sum * 10 + await(later(i));\n"
                + "    log(i);\n"
                + "  }\n"
                + "  return sum;\n"
                + "}\n"
                + "@Async static int doWhile(int n) {\n"
                + "  int i = 0;\n"
                + "  do {\n"
                + "    log(await(later(i)));\n"
                + "    i++;\n"
                + "  } while (await(later(i)) < n);\n"
                + "  return i;\n"
                + "}\n"
                + "@Async static String forEach(List<String> xs) {\n"
                + "  StringBuilder sb = new StringBuilder();\n"
                + "  for (String x : xs) {\n"
                + "    sb.append(await(later(x)));\n"
                + "  }\n"
                + "  for (var x : new int[] {1, 2, 3}) {\n"
                + "    sb.append(await(later(x * 2)));\n"
                + "  }\n"
                + "  return sb.toString();\n"
                + "}\n"
                + "@Async static long arrays(int[] xs, String... names) {\n"
                + "  long total = 0;\n"
                + "  for (long x : xs) {\n"
                + "    total += await(later(x));\n"
                + "  }\n"
                + "  for (String name : names) {\n"
                + "    log(await(later(name)));\n"
                + "    if (name.isEmpty()) break;\n"
                + "  }\n"
                + "  return total;\n"
                + "}\n"
                + "@Async static int labeled(int n) {\n"
                + "  int count = 0;\n"
                + "  outer:\n"
                + "  for (int i = 0; i < n; i++) {\n"
                + "    for (int j = 0; j < n; j++) {\n"
                + "      if (j > i) continue outer;\n"
                + "      if (i + j > 5) break outer;\n"
                + "      count += await(later(1));\n"
                + "    }\n"
                + "  }\n"
                + "  return count;\n"
                + "}\n"
                + "@Async static int throwing(int n) {\n"
                + "  int x = await(later(n));\n"
                + "  if (x > 1) throw new IllegalArgumentException(\"too big \" + x);\n"
                + "  return await(laterFail(new IllegalStateException(\"failed\")));\n"
                + "}\n");
  }

  @Test
  void straightLine() {
    assertEquals("value 5 trace [start, 1]", check(c, "add", 1).get(0));
  }

  @Test
  void voidMethod() {
    assertEquals("value null trace [s]", check(c, "noResult", "s").get(0));
  }

  @Test
  void primitiveWidening() {
    check(c, "widen", 3);
    check(c, "widen", -1);
  }

  @Test
  void ifElse() {
    check(c, "ifElse", 1);
    check(c, "ifElse", 2);
    assertEquals("value big trace [big]", check(c, "ifElse", 3).get(0));
  }

  @Test
  void loops() {
    assertEquals("value 10 trace []", check(c, "whileLoop", 5).get(0));
    check(c, "forLoop", 9);
    check(c, "doWhile", 3);
    check(c, "doWhile", 0);
    assertEquals("value ab246 trace []", check(c, "forEach", java.util.List.of("a", "b")).get(0));
    check(c, "labeled", 5);
    assertEquals(
        "value 6 trace [a, ]",
        check(c, "arrays", new int[] {1, 2, 3}, new String[] {"a", "", "b"}).get(0));
  }

  @Test
  void exceptionsPropagate() {
    assertEquals(
        "throws java.lang.IllegalArgumentException: too big 2 trace []",
        check(c, "throwing", 2).get(0));
    check(c, "throwing", 1);
  }
}
