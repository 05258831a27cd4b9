/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package shop;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Line numbers of the marked lines of this package's sources ({@code // @name} at the end of a
 * line), so that the hand-written machines' line tables and the tests' expected frames follow the
 * sources when they are edited. Tests run in the module's directory.
 */
final class Lines {
  private static final Path DIR = Path.of("src/test/java/shop");

  private Lines() {}

  /** The line of {@code Orders.java} marked {@code // @name}; it must be marked exactly once. */
  static int of(String name) {
    List<Integer> lines = all("Orders.java", name);
    if (lines.size() != 1) {
      throw new IllegalStateException(
          "Orders.java marks " + lines.size() + " lines with // @" + name + ", expected one");
    }
    return lines.get(0);
  }

  /** The lines of {@code Orders.java} marked with each of {@code names}: a machine's states. */
  static int[] states(String... names) {
    int[] out = new int[names.length];
    for (int i = 0; i < names.length; i++) {
      out[i] = of(names[i]);
    }
    return out;
  }

  /**
   * A machine's line table: each line of {@code machineFile} marked with one of {@code names},
   * paired with the line of {@code Orders.java} marked the same, sorted by the machine's line.
   */
  static int[] table(String machineFile, String... names) {
    List<int[]> pairs = new ArrayList<>();
    for (String name : names) {
      List<Integer> here = all(machineFile, name);
      if (here.isEmpty()) {
        throw new IllegalStateException(machineFile + " marks no line with // @" + name);
      }
      int there = of(name);
      for (int line : here) {
        pairs.add(new int[] {line, there});
      }
    }
    pairs.sort((a, b) -> Integer.compare(a[0], b[0]));
    int[] out = new int[2 * pairs.size()];
    for (int i = 0; i < pairs.size(); i++) {
      out[2 * i] = pairs.get(i)[0];
      out[2 * i + 1] = pairs.get(i)[1];
    }
    return out;
  }

  private static List<Integer> all(String file, String name) {
    List<String> text;
    try {
      text = Files.readAllLines(DIR.resolve(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < text.size(); i++) {
      String line = text.get(i);
      int at = line.lastIndexOf("// @");
      if (at >= 0 && line.substring(at + 4).trim().equals(name)) {
        out.add(i + 1);
      }
    }
    return out;
  }
}
