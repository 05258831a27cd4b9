package dev.asyncfn.processor;

import static dev.asyncfn.processor.OracleCase.check;
import static dev.asyncfn.processor.OracleCase.compile;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Switches, captures, instance methods, generics, recursion, varargs, overloads, patterns. */
class StructureTest {
  static Compiled c;

  @BeforeAll
  static void compileAll() {
    c =
        compile(
            "enum Color { RED, GREEN, BLUE }\n"
                + "int count;\n"
                + "final String name;\n"
                + "C(String name) { this.name = name; }\n"
                + "static final int BASE = 100;\n"
                + "static int twice(int x) { return 2 * x; }\n"
                + "int plus(int x) { return x + count; }\n"
                + "@Async static String switchString(String s) {\n"
                + "  String r = \"\";\n"
                + "  switch (await(later(s))) {\n"
                + "    case \"a\":\n"
                + "      r += await(later(\"A\"));\n"
                + "    case \"b\":\n"
                + "      r += \"B\";\n"
                + "      break;\n"
                + "    case \"c\": {\n"
                + "      int k = await(later(3));\n"
                + "      r += k;\n"
                + "      break;\n"
                + "    }\n"
                + "    default:\n"
                + "      r = \"other\";\n"
                + "  }\n"
                + "  return r;\n"
                + "}\n"
                + "@Async static int switchEnum(Color color, int n) {\n"
                + "  int r = 0;\n"
                + "  switch (color) {\n"
                + "    case RED -> r = await(later(1));\n"
                + "    case GREEN -> { r = await(later(2)) + n; log(\"green\"); }\n"
                + "    default -> throw new IllegalStateException(\"blue\");\n"
                + "  }\n"
                + "  switch (n) {\n"
                + "    case 1: case 2: r *= await(later(10)); break;\n"
                + "    case 3: return -1;\n"
                + "  }\n"
                + "  return r;\n"
                + "}\n"
                + "@Async static String captures(int n) {\n"
                + "  List<java.util.function.Supplier<String>> out = new ArrayList<>();\n"
                + "  for (int i = 0; i < n; i++) {\n"
                + "    int v = await(later(i));\n"
                + "    String tag = \"t\" + v;\n"
                + "    out.add(() -> tag + v);\n"
                + "    Runnable r = new Runnable() { public void run() { log(tag); } };\n"
                + "    r.run();\n"
                + "  }\n"
                + "  StringBuilder sb = new StringBuilder();\n"
                + "  for (var s : out) sb.append(s.get()).append(',');\n"
                + "  return sb.toString();\n"
                + "}\n"
                + "@Async int instance(int count) {\n"
                + "  this.count += await(later(count));\n"
                + "  int before = plus(0);\n"
                + "  return await(later(name.length())) + before + BASE + twice(this.count) + C.this.count;\n"
                + "}\n"
                + "@Async static int callInstance(int n) {\n"
                + "  C c = new C(\"abc\");\n"
                + "  c.count = 1;\n"
                + "  return await(CAsync.instance(c, n)) * 1000 + c.count;\n"
                + "}\n"
                + "@Async static <T extends Comparable<T>> T max(List<T> xs) {\n"
                + "  T best = null;\n"
                + "  for (T x : xs) {\n"
                + "    T y = await(later(x));\n"
                + "    if (best == null || y.compareTo(best) > 0) best = y;\n"
                + "  }\n"
                + "  return best;\n"
                + "}\n"
                + "@Async static long fib(int n) {\n"
                + "  if (n < 2) return n;\n"
                + "  return await(CAsync.fib(n - 1)) + await(CAsync.fib(n - 2));\n"
                + "}\n"
                + "@Async static long fibVar(int n) {\n"
                + "  if (n < 2) return n;\n"
                + "  var a = CAsync.fibVar(n - 1);\n"
                + "  var b = CAsync.fibVar(n - 2);\n"
                + "  var sum = await(a) + await(b);\n"
                + "  return sum;\n"
                + "}\n"
                + "@Async static int sum(int... xs) {\n"
                + "  int s = 0;\n"
                + "  for (int x : xs) s += await(later(x));\n"
                + "  return s;\n"
                + "}\n"
                + "@Async static String over(String s) { return await(later(s)) + \"!\"; }\n"
                + "@Async static String over(int i) { return await(later(i)) + \"?\"; }\n"
                + "@Async static String callOver(int i) {\n"
                + "  return await(CAsync.over(\"s\" + i)) + await(CAsync.over(i)) + await(CAsync.sum(1, 2, i));\n"
                + "}\n"
                + "@Async static String patterns(Object o) {\n"
                + "  if (o instanceof String s && await(later(s.length())) > 1) {\n"
                + "    await(later(0));\n"
                + "    return \"string \" + s;\n"
                + "  }\n"
                + "  var v = await(later(o));\n"
                + "  return \"other \" + v;\n"
                + "}\n"
                + "@Async static String stages(int n) throws IOException {\n"
                + "  String a = await(java.util.concurrent.CompletableFuture.completedFuture(\"cf\" + n));\n"
                + "  try {\n"
                + "    if (n > 0) await(CAsync.fails(n));\n"
                + "  } catch (IOException e) {\n"
                + "    a += e.getMessage();\n"
                + "  }\n"
                + "  return a;\n"
                + "}\n"
                + "@Async static String asserts(boolean ok) {\n"
                + "  assert await(later(ok)) : \"failed with \" + await(later(\"message\"));\n"
                + "  return \"passed\";\n"
                + "}\n"
                + "interface Svc {\n"
                + "  String name();\n"
                + "  @Async static int twice(int x) { return 2 * await(later(x)); }\n"
                + "  @Async default String greet(String who) { return name() + \" greets \" + await(later(who)); }\n"
                + "}\n"
                + "@Async static String callSvc(int n) {\n"
                + "  Svc s = () -> \"svc\";\n"
                + "  return await(C_SvcAsync.greet(s, \"you\")) + await(C_SvcAsync.twice(n));\n"
                + "}\n"
                + "@Async static int fails(int n) throws IOException {\n"
                + "  await(later(n));\n"
                + "  throw new FileNotFoundException(\"missing\" + n);\n"
                + "}\n");
  }

  @Test
  void switchStatements() {
    for (String s : new String[] {"a", "b", "c", "d"}) {
      check(c, "switchString", s);
    }
    Class<?> color = c.load("p.C$Color");
    for (Object k : color.getEnumConstants()) {
      for (int n = 0; n < 4; n++) {
        check(c, "switchEnum", k, n);
      }
    }
  }

  @Test
  void lambdasAndAnonymousClassesKeepTheirIterationsValues() {
    assertEquals("value t00,t11,t22, trace [t0, t1, t2]", check(c, "captures", 3).get(0));
  }

  @Test
  void instanceMethodsAndImplicitThis() {
    check(c, "callInstance", 2);
  }

  @Test
  void genericsRecursionVarargsOverloads() {
    assertEquals("value c trace []", check(c, "max", java.util.List.of("a", "c", "b")).get(0));
    assertEquals("value 55 trace []", check(c, "fib", 10).get(0));
    assertEquals("value 21 trace []", check(c, "fibVar", 8).get(0));
    org.junit.jupiter.api.Assertions.assertTrue(
        c.source("CAsync_fibVar").contains("private Future<Long> a;"),
        "a var holding a companion's future is typed from the next round");
    check(c, "callOver", 3);
  }

  @Test
  void instanceofPatterns() {
    check(c, "patterns", "xy");
    check(c, "patterns", "x");
    check(c, "patterns", 3);
  }

  @Test
  void interfaceStaticAndDefaultMethods() {
    assertEquals("value svc greets you42 trace []", check(c, "callSvc", 21).get(0));
  }

  @Test
  void assertsWithAwaits() {
    check(c, "asserts", true);
    check(c, "asserts", false);
  }

  @Test
  void completionStagesAndCheckedExceptions() {
    check(c, "stages", 0);
    assertEquals("value cf1missing1 trace []", check(c, "stages", 1).get(0));
  }
}
