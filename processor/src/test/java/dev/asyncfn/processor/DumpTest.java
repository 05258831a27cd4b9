package dev.asyncfn.processor;

import org.junit.jupiter.api.Test;

/** Prints a generated source while developing: -Ddump.method=switchString -Dtest=DumpTest. */
class DumpTest {
  @Test
  void dump() throws Exception {
    String method = System.getProperty("dump.method");
    String file = System.getProperty("dump.file");
    if (method == null || file == null) {
      return;
    }
    String body = new String(java.nio.file.Files.readAllBytes(java.nio.file.Path.of(file)));
    com.google.testing.compile.Compilation c =
        Compiled.compileOnly("p.C", OracleCase.HEADER + "class C {\n" + body + "\n}\n");
    c.diagnostics().forEach(System.out::println);
    c.generatedSourceFiles().stream()
        .filter(f -> f.getName().endsWith("_" + method + ".java"))
        .forEach(f -> System.out.println(Compiled.text(f)));
  }
}
