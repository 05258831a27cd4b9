package dev.asyncfn.processor;

import static dev.asyncfn.processor.OracleCase.check;
import static dev.asyncfn.processor.OracleCase.compile;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** try/catch/finally, try-with-resources and jumps through finally, against the twin. */
class TryCatchTest {
  static Compiled c;

  @BeforeAll
  static void compileAll() {
    c =
        compile(
            "static final class Res implements AutoCloseable {\n"
                + "  final String name; final boolean failClose;\n"
                + "  Res(String name, boolean failClose) { this.name = name; this.failClose = failClose; log(\"open \" + name); }\n"
                + "  public void close() throws IOException {\n"
                + "    log(\"close \" + name);\n"
                + "    if (failClose) throw new IOException(\"close \" + name);\n"
                + "  }\n"
                + "}\n"
                + "@Async static String catchAwaited(int n) {\n"
                + "  try {\n"
                + "    log(\"try\");\n"
                + "    if (n == 1) await(laterFail(new IllegalStateException(\"one\")));\n"
                + "    if (n == 2) await(laterThrow(new IOException(\"two\")));\n"
                + "    return await(later(\"fine\"));\n"
                + "  } catch (IllegalStateException e) {\n"
                + "    log(\"caught \" + e.getMessage());\n"
                + "    return await(later(\"recovered \" + e.getMessage()));\n"
                + "  } catch (IOException | RuntimeException e) {\n"
                + "    log(\"multi \" + e.getMessage());\n"
                + "    return \"multi\";\n"
                + "  } finally {\n"
                + "    log(\"finally \" + await(later(n)));\n"
                + "  }\n"
                + "}\n"
                + "@Async static int finallyOverrides(int n) {\n"
                + "  int r = 0;\n"
                + "  for (int i = 0; i < n; i++) {\n"
                + "    try {\n"
                + "      r += await(later(i));\n"
                + "      if (i == 1) continue;\n"
                + "      if (i == 3) break;\n"
                + "      if (i == 4) return -1;\n"
                + "      log(\"body \" + i);\n"
                + "    } finally {\n"
                + "      log(\"fin \" + i);\n"
                + "    }\n"
                + "  }\n"
                + "  return r;\n"
                + "}\n"
                + "@Async static String nested(int n) throws IOException {\n"
                + "  try {\n"
                + "    try {\n"
                + "      await(later(1));\n"
                + "      if (n > 0) throw new IOException(\"inner\");\n"
                + "    } finally {\n"
                + "      log(\"inner finally\");\n"
                + "      if (n > 1) throw new IllegalStateException(\"from finally\");\n"
                + "    }\n"
                + "  } catch (IllegalStateException e) {\n"
                + "    log(\"outer caught \" + e.getMessage());\n"
                + "  }\n"
                + "  return \"done\";\n"
                + "}\n"
                + "@Async static String resources(int n) throws IOException {\n"
                + "  try (Res a = new Res(\"a\", n == 2); Res b = await(later(new Res(\"b\", n == 3)))) {\n"
                + "    log(\"body\");\n"
                + "    await(later(0));\n"
                + "    if (n == 1) throw new IllegalStateException(\"body failed\");\n"
                + "    return a.name + b.name;\n"
                + "  } catch (IllegalStateException e) {\n"
                + "    log(\"caught \" + e.getMessage() + \" suppressed \" + e.getSuppressed().length);\n"
                + "    return \"caught\";\n"
                + "  }\n"
                + "}\n"
                + "@Async static String suppressed(int n) throws IOException {\n"
                + "  try (Res a = new Res(\"a\", true)) {\n"
                + "    await(later(0));\n"
                + "    throw new IllegalStateException(\"primary\");\n"
                + "  } catch (IllegalStateException e) {\n"
                + "    return e.getMessage() + \" suppressed \" + e.getSuppressed()[0].getMessage();\n"
                + "  }\n"
                + "}\n"
                + "@Async static String catchThenRethrow(int n) throws IOException {\n"
                + "  try {\n"
                + "    await(laterThrow(new IOException(\"io\")));\n"
                + "    return \"no\";\n"
                + "  } catch (IOException e) {\n"
                + "    await(later(1));\n"
                + "    log(\"rethrowing\");\n"
                + "    throw e;\n"
                + "  }\n"
                + "}\n");
  }

  @Test
  void catchAndFinallyWithAwaits() {
    assertEquals(
        "value fine trace [try, finally 0]", check(c, "catchAwaited", 0).get(0));
    check(c, "catchAwaited", 1);
    check(c, "catchAwaited", 2);
  }

  @Test
  void jumpsThroughFinally() {
    check(c, "finallyOverrides", 3);
    check(c, "finallyOverrides", 4);
    check(c, "finallyOverrides", 6);
  }

  @Test
  void nestedTries() {
    check(c, "nested", 0);
    check(c, "nested", 1);
    check(c, "nested", 2);
  }

  @Test
  void tryWithResources() {
    for (int n = 0; n < 4; n++) {
      check(c, "resources", n);
    }
    assertEquals(
        "value primary suppressed close a trace [open a, close a]",
        check(c, "suppressed", 0).get(0));
  }

  @Test
  void rethrowFromCatch() {
    assertEquals(
        "throws java.io.IOException: io trace [rethrowing]",
        check(c, "catchThenRethrow", 0).get(0));
  }
}
