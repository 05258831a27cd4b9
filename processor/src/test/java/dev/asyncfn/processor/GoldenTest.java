package dev.asyncfn.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The exact generated text of a few representative methods, reviewed as a user would read it.
 * Run with {@code -Dgoldens.update=true} to rewrite them after an intended change.
 */
class GoldenTest {
  private static final Path DIR = Path.of("src/test/resources/goldens");

  static final String SOURCE =
      "package shop;\n"
          + "\n"
          + "import static dev.asyncfn.processor.Later.later;\n"
          + "import static dev.asyncfn.runtime.Futures.await;\n"
          + "\n"
          + "import dev.asyncfn.Async;\n"
          + "import dev.asyncfn.runtime.Future;\n"
          + "import java.io.IOException;\n"
          + "import java.util.List;\n"
          + "\n"
          + "class Orders {\n"
          + "  private final String region;\n"
          + "  int fetched;\n"
          + "\n"
          + "  Orders(String region) {\n"
          + "    this.region = region();\n"
          + "  }\n"
          + "\n"
          + "  String region() {\n"
          + "    return \"eu\";\n"
          + "  }\n"
          + "\n"
          + "  static Future<String> lookup(String id) {\n"
          + "    return later(\"order-\" + id);\n"
          + "  }\n"
          + "\n"
          + "  /** Straight-line: two awaits, a local that lives across the second. */\n"
          + "  @Async\n"
          + "  static String describe(String id) {\n"
          + "    String order = await(lookup(id));\n"
          + "    int size = await(later(order.length()));\n"
          + "    return order + \" has \" + size + \" chars\";\n"
          + "  }\n"
          + "\n"
          + "  /** A loop with try/finally around an await, and a checked exception. */\n"
          + "  @Async\n"
          + "  static int total(List<String> ids) throws IOException {\n"
          + "    int sum = 0;\n"
          + "    for (String id : ids) {\n"
          + "      try {\n"
          + "        sum += await(later(id.length()));\n"
          + "        if (sum > 100) {\n"
          + "          throw new IOException(\"too many\");\n"
          + "        }\n"
          + "      } finally {\n"
          + "        System.out.println(\"checked \" + id);\n"
          + "      }\n"
          + "    }\n"
          + "    return sum;\n"
          + "  }\n"
          + "\n"
          + "  /** An instance method: implicit this members go through the receiver. */\n"
          + "  @Async\n"
          + "  String fetchAll(String first) {\n"
          + "    fetched += 1;\n"
          + "    String r = await(OrdersAsync.describe(first));\n"
          + "    return region() + \":\" + r + \":\" + fetched;\n"
          + "  }\n"
          + "}\n";

  static Compiled compiled;

  @BeforeAll
  static void compile() {
    compiled = Compiled.of("shop.Orders", SOURCE);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"OrdersAsync", "OrdersAsync_describe", "OrdersAsync_total", "OrdersAsync_fetchAll"})
  void matchesGolden(String type) throws IOException {
    String actual = compiled.source(type);
    Path golden = DIR.resolve(type + ".java.txt");
    if (Boolean.getBoolean("goldens.update")) {
      Files.createDirectories(DIR);
      Files.writeString(golden, actual, StandardCharsets.UTF_8);
      return;
    }
    if (!Files.exists(golden)) {
      fail("missing golden " + golden.toAbsolutePath() + ": run with -Dgoldens.update=true");
    }
    assertEquals(
        Files.readString(golden, StandardCharsets.UTF_8),
        actual,
        "generated " + type + " differs from " + golden + " (-Dgoldens.update=true rewrites it)");
  }
}
