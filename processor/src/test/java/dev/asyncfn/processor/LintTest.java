package dev.asyncfn.processor;

import static com.google.common.truth.Truth.assertWithMessage;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import java.util.stream.Collectors;
import javax.tools.Diagnostic;
import org.junit.jupiter.api.Test;

/** Generated code compiles without warnings under -Xlint:all, so users may build with -Werror. */
class LintTest {
  @Test
  void generatedCodeIsLintClean() {
    Compilation c =
        Compiler.javac()
            .withProcessors(new AsyncProcessor())
            .withOptions("-Xlint:all,-processing,-options")
            .compile(
                JavaFileObjects.forSourceString("shop.Orders", GoldenTest.SOURCE),
                JavaFileObjects.forSourceString(
                    "p.C",
                    OracleCase.HEADER
                        + "class C {\n"
                        + "  int count;\n"
                        + "  static int f(int x) { return x; }\n"
                        + "  @Async <T> String generic(List<T> xs, T extra) throws IOException {\n"
                        + "    String s = \"\";\n"
                        + "    for (T x : xs) {\n"
                        + "      try (var r = new StringReader(String.valueOf(x))) {\n"
                        + "        s += await(later(x)) + \"\" + (char) r.read();\n"
                        + "      }\n"
                        + "    }\n"
                        + "    count += f(await(later(1)));\n"
                        + "    return s + extra + (count > 0 ? await(later(\"a\")) : \"b\");\n"
                        + "  }\n"
                        + "}\n"));
    String warnings =
        c.diagnostics().stream()
            .filter(d -> d.getKind() == Diagnostic.Kind.WARNING || d.getKind() == Diagnostic.Kind.MANDATORY_WARNING || d.getKind() == Diagnostic.Kind.ERROR)
            .map(Object::toString)
            .collect(Collectors.joining("\n"));
    assertWithMessage("warnings in generated code").that(warnings).isEmpty();
  }
}
