/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.processor.analysis;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.LineMap;
import com.sun.source.tree.Tree;
import com.sun.source.util.SourcePositions;
import com.sun.source.util.Trees;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** The characters of one compilation unit and the positions of its trees. */
public final class SourceText {
  private final CompilationUnitTree unit;
  private final SourcePositions positions;
  private final String text;
  /** Start and end offsets of the block comments and text blocks, lazily lexed. */
  private int[] spans;

  public SourceText(Trees trees, CompilationUnitTree unit) {
    this.unit = unit;
    this.positions = trees.getSourcePositions();
    try {
      this.text = unit.getSourceFile().getCharContent(true).toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public CompilationUnitTree unit() {
    return unit;
  }

  public int start(Tree tree) {
    return (int) positions.getStartPosition(unit, tree);
  }

  public int end(Tree tree) {
    return (int) positions.getEndPosition(unit, tree);
  }

  /** Whether the tree has real positions (synthetic trees do not). */
  public boolean hasPosition(Tree tree) {
    return tree != null && start(tree) >= 0 && end(tree) > start(tree);
  }

  public String slice(int start, int end) {
    return text.substring(start, end);
  }

  /** The original source text of {@code tree}. */
  public String of(Tree tree) {
    return text.substring(start(tree), end(tree));
  }

  public String text() {
    return text;
  }

  /** 1-based line of {@code tree}'s start. */
  public long line(Tree tree) {
    LineMap map = unit.getLineMap();
    return map.getLineNumber(start(tree));
  }

  /** 1-based line of the character at {@code pos}. */
  public int lineAt(int pos) {
    return (int) unit.getLineMap().getLineNumber(pos);
  }

  /**
   * Whether the character at {@code pos} is code, or a line comment's end: not inside a block
   * comment or a text block, where text inserted at a line start would change the program.
   */
  public boolean isCode(int pos) {
    if (spans == null) {
      spans = lexSpans(text);
    }
    // the last span starting before pos is the only one that can hold it
    int lo = 0;
    int hi = spans.length / 2 - 1;
    int found = -1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      if (spans[2 * mid] < pos) {
        found = mid;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return found < 0 || pos >= spans[2 * found + 1];
  }

  /** The spans of block comments and text blocks of {@code s}, in order, as (start, end) pairs. */
  private static int[] lexSpans(String s) {
    List<Integer> out = new ArrayList<>();
    int i = 0;
    int n = s.length();
    while (i < n) {
      char c = s.charAt(i);
      if (c == '/' && i + 1 < n && s.charAt(i + 1) == '/') {
        i = s.indexOf('\n', i);
        i = i < 0 ? n : i;
      } else if (c == '/' && i + 1 < n && s.charAt(i + 1) == '*') {
        int end = s.indexOf("*/", i + 2);
        end = end < 0 ? n : end + 2;
        out.add(i);
        out.add(end);
        i = end;
      } else if (s.startsWith("\"\"\"", i)) {
        int j = i + 3;
        while (j < n && !s.startsWith("\"\"\"", j)) {
          j += s.charAt(j) == '\\' ? 2 : 1;
        }
        int end = Math.min(n, j + 3);
        out.add(i);
        out.add(end);
        i = end;
      } else if (c == '"' || c == '\'') {
        int j = i + 1;
        while (j < n && s.charAt(j) != c && s.charAt(j) != '\n') {
          j += s.charAt(j) == '\\' ? 2 : 1;
        }
        i = j + 1;
      } else {
        i++;
      }
    }
    return out.stream().mapToInt(Integer::intValue).toArray();
  }

  /** The file name without directories, e.g. {@code Downloads.java}. */
  public String fileName() {
    String name = unit.getSourceFile().getName();
    int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
    return name.substring(slash + 1);
  }

  /** How many spaces the line containing {@code pos} is indented by. */
  public int indentationAt(int pos) {
    int lineStart = text.lastIndexOf('\n', pos - 1) + 1;
    int i = lineStart;
    while (i < text.length() && text.charAt(i) == ' ') {
      i++;
    }
    return i - lineStart;
  }

  /** The column (0-based) at which the line containing {@code pos} starts its text. */
  public int columnOf(int pos) {
    int lineStart = text.lastIndexOf('\n', pos - 1) + 1;
    return pos - lineStart;
  }
}
