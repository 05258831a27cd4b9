/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.processor.model;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where each line of a generated machine comes from in the user's file. While the body is
 * lowered, every line of code it emits starts with a marker comment naming the user's line it
 * runs; once the file's text is final (formatted, imports added), the markers are read into a
 * table of (generated line, user line) pairs and removed, so the file a person reads has none.
 */
public final class LineMarkers {
  private static final String PREFIX = "/*@asyncfn:";
  private static final Pattern MARKER = Pattern.compile("/\\*@asyncfn:(\\d+)\\*/");

  private LineMarkers() {}

  /** The marker for a line of code that runs line {@code line} of the user's file. */
  public static String of(int line) {
    return PREFIX + line + "*/";
  }

  /** The text without markers, and the pairs (generated line, user line) they marked. */
  public record Extracted(String text, int[] table) {}

  /** Reads and removes the markers of {@code text}; a line's first marker is the one it keeps. */
  public static Extracted extract(String text) {
    if (!text.contains(PREFIX)) {
      return new Extracted(text, new int[0]);
    }
    StringBuilder out = new StringBuilder(text.length());
    List<int[]> pairs = new ArrayList<>();
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      Matcher m = MARKER.matcher(lines[i]);
      if (m.find()) {
        pairs.add(new int[] {i + 1, Integer.parseInt(m.group(1))});
        out.append(m.reset().replaceAll(""));
      } else {
        out.append(lines[i]);
      }
      if (i + 1 < lines.length) {
        out.append('\n');
      }
    }
    int[] table = new int[pairs.size() * 2];
    for (int i = 0; i < pairs.size(); i++) {
      table[2 * i] = pairs.get(i)[0];
      table[2 * i + 1] = pairs.get(i)[1];
    }
    return new Extracted(out.toString(), table);
  }
}
