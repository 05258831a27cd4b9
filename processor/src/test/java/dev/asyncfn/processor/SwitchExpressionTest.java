package dev.asyncfn.processor;

import static dev.asyncfn.processor.OracleCase.check;
import static dev.asyncfn.processor.OracleCase.compile;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Switch expressions (arrow, colon, yield) with awaits in selector, arms and blocks. */
class SwitchExpressionTest {
  static Compiled c;

  @BeforeAll
  static void compileAll() {
    c =
        compile(
            "enum Op { ADD, MUL, NEG }\n"
                + "@Async static int arrow(Op op, int a) {\n"
                + "  int r = switch (op) {\n"
                + "    case ADD -> a + await(later(1));\n"
                + "    case MUL -> {\n"
                + "      int k = await(later(3));\n"
                + "      log(\"mul\");\n"
                + "      yield a * k;\n"
                + "    }\n"
                + "    case NEG -> -a;\n"
                + "  };\n"
                + "  return r;\n"
                + "}\n"
                + "@Async static String colon(int n) {\n"
                + "  String s = \"v\" + switch (await(later(n))) {\n"
                + "    case 1:\n"
                + "      log(\"one\");\n"
                + "    case 2:\n"
                + "      yield await(later(\"low\"));\n"
                + "    default: {\n"
                + "      if (n > 5) yield \"high\";\n"
                + "      yield \"mid\" + await(later(n));\n"
                + "    }\n"
                + "  };\n"
                + "  return s;\n"
                + "}\n"
                + "@Async static long numeric(int n) {\n"
                + "  return switch (n) { case 0 -> 1; case 1 -> await(later(2L)); default -> 'c'; };\n"
                + "}\n");
  }

  @Test
  void arrowForm() {
    Class<?> op = c.load("p.C$Op");
    for (Object k : op.getEnumConstants()) {
      check(c, "arrow", k, 4);
    }
  }

  @Test
  void colonFormWithYield() {
    for (int n = 0; n < 8; n++) {
      check(c, "colon", n);
    }
    assertEquals("value vlow trace [one]", check(c, "colon", 1).get(0));
  }

  @Test
  void numericArmsConvertToTheTarget() {
    for (int n = 0; n < 3; n++) {
      check(c, "numeric", n);
    }
  }
}
