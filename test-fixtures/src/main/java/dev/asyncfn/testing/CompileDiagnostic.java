/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.testing;

import javax.tools.Diagnostic;

/**
 * One message javac or the processor printed while {@link AsyncCompiler} compiled some sources.
 *
 * @param kind error, warning, note, ...
 * @param message the message text as the user would see it (for asyncfn: {@code [asyncfn/Code]
 *     ...})
 * @param file the path of the source the message points into, relative to the source root (e.g.
 *     {@code cases/loops/Loops.java}, or a generated {@code cases/loops/LoopsAsync.java}); {@code
 *     null} for a message about no file
 * @param line the 1-based line, or {@code -1} when the message has no position
 * @param lineText the text of that line (trimmed), or {@code ""}, so failures read well
 */
public record CompileDiagnostic(
    Diagnostic.Kind kind, String message, String file, long line, String lineText) {

  /** Whether this is an error. */
  public boolean isError() {
    return kind == Diagnostic.Kind.ERROR;
  }

  /** Whether this is a warning (mandatory or not). */
  public boolean isWarning() {
    return kind == Diagnostic.Kind.WARNING || kind == Diagnostic.Kind.MANDATORY_WARNING;
  }

  /** Whether the file's name (its last path segment) is {@code fileName}, or its path ends so. */
  public boolean isIn(String fileName) {
    return file != null && (file.equals(fileName) || file.endsWith("/" + fileName));
  }

  @Override
  public String toString() {
    String where = file == null ? "" : file + (line > 0 ? ":" + line : "") + ": ";
    String text = lineText.isEmpty() ? "" : "\n      | " + lineText;
    return where + kind.toString().toLowerCase(java.util.Locale.ROOT) + ": " + message + text;
  }
}
