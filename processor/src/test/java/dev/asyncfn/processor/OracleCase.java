package dev.asyncfn.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

/** Helpers for oracle tests: a header with the usual imports, and the assertion. */
final class OracleCase {
  private OracleCase() {}

  static final String HEADER =
      "package p;\n"
          + "import dev.asyncfn.Async;\n"
          + "import static dev.asyncfn.runtime.Futures.await;\n"
          + "import static dev.asyncfn.processor.Later.*;\n"
          + "import java.util.*;\n"
          + "import java.io.*;\n";

  /** Compiles {@code body} as the members of class {@code p.C}. */
  static Compiled compile(String body) {
    return Compiled.of("p.C", HEADER + "class C {\n" + body + "\n}\n");
  }

  /** Asserts the sync twin, the pending-first run and the ready run agree. */
  static List<String> check(Compiled c, String method, Object... args) {
    List<String> r =
        org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
            java.time.Duration.ofSeconds(20), () -> c.oracle("p.C", method, args));
    assertEquals(r.get(0), r.get(1), "pending-first run differs from the synchronous twin");
    assertEquals(r.get(0), r.get(2), "ready run differs from the synchronous twin");
    return r;
  }
}
