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

/** The characters of one compilation unit and the positions of its trees. */
public final class SourceText {
  private final CompilationUnitTree unit;
  private final SourcePositions positions;
  private final String text;

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

  /** The file name without directories, e.g. {@code Downloads.java}. */
  public String fileName() {
    String name = unit.getSourceFile().getName();
    int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
    return name.substring(slash + 1);
  }

  /** The column (0-based) at which the line containing {@code pos} starts its text. */
  public int columnOf(int pos) {
    int lineStart = text.lastIndexOf('\n', pos - 1) + 1;
    return pos - lineStart;
  }
}
