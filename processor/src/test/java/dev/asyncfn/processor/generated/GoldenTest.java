/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.processor.generated;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

import dev.asyncfn.testing.AsyncCompiler;
import dev.asyncfn.testing.Compiled;
import dev.asyncfn.testing.JavaSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The exact generated text of a few representative methods, reviewed as a user would read it: the
 * input is {@code src/test/resources/goldens/input/shop/Orders.java}, the outputs the {@code
 * *.java.txt} files beside it. Run with {@code -Dgoldens.update=true} to rewrite them after an
 * intended change.
 */
class GoldenTest {
  private static final Path DIR = Path.of("src/test/resources/goldens");
  private static final String INPUT = "goldens/input/";

  /**
   * The golden input and the {@code Later} it imports, at the paths they had when the goldens were
   * written ({@code shop/Orders.java}), so that the outputs do not depend on where they are kept.
   */
  static List<JavaSource> input() {
    return List.of(
        fromInput("shop/Orders.java"), fromInput("dev/asyncfn/processor/Later.java"));
  }

  private static JavaSource fromInput(String path) {
    return new JavaSource(path, JavaSource.fromResource(INPUT + path).text());
  }

  private static Compiled compiled;

  @BeforeAll
  static void compile() {
    compiled = AsyncCompiler.create().compile(input()).assertSuccess();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "OrdersAsync",
        "OrdersAsync_describe",
        "OrdersAsync_total",
        "OrdersAsync_fetchAll",
        "OrdersAsync_sizes",
        "OrdersAsync_sizes_block1",
        "OrdersAsync_totalLength",
        "OrdersAsync_totalLength_block1"
      })
  void generatedSourceMatchesItsGolden(String type) throws IOException {
    String actual = compiled.generatedSources().get("shop/" + type + ".java");
    assertNotNull(actual, "no generated " + type + "\n" + compiled.report());
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
