/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.processor.codegen;

import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.TypeSpec;
import dev.asyncfn.processor.analysis.TypeNames;
import dev.asyncfn.processor.model.LineMarkers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import javax.annotation.processing.Filer;
import javax.lang.model.element.Element;

/**
 * Writes a generated file: JavaPoet's text, with the user's imports (so that re-emitted source text
 * compiles as it did) and the member classes re-emitted from local classes of the body. Names
 * that would mean another type in the file are written qualified ({@link ImportPlan}).
 */
final class SourceWriter {
  private static final Pattern JAVA_LANG_IMPORT =
      Pattern.compile("(?m)^import java\\.lang\\.[A-Z][\\w$]*;\n");

  private final Filer filer;
  private final TypeNames types;

  SourceWriter(Filer filer, TypeNames types) {
    this.filer = filer;
    this.types = types;
  }

  /**
   * Writes {@code type} in {@code pkg}; {@code memberTypes} are appended to its body as text. When
   * {@code lineTable} is not null, the line markers of the code ({@link LineMarkers}) are removed
   * and their table is appended as a method of that name returning (generated, user) line pairs.
   */
  void write(
      String pkg,
      TypeSpec type,
      ImportPlan plan,
      List<String> memberTypes,
      String lineTable,
      Element... originating) {
    // the body's names are known at once; a first rendering tells which types JavaPoet would
    // import, java.lang ones included, and whether one of them clashes with a name of the file
    Set<String> qualify = plan.bodyNames(types);
    String draft = render(pkg, type, qualify, false);
    List<String> written = new ArrayList<>();
    for (String line : draft.split("\n")) {
      if (line.startsWith("import ")) {
        written.add(line.substring("import ".length(), line.length() - 1).trim());
      } else if (!line.isBlank() && !line.startsWith("package ")) {
        break;
      }
    }
    Set<String> clashes = plan.clashes(written, types);
    String text;
    if (clashes.isEmpty()) {
      // the draft is the file, but for the java.lang imports javac implies (rendering again would
      // cost as much as the first time: a quarter of the processor's time)
      text = JAVA_LANG_IMPORT.matcher(draft).replaceAll("");
    } else {
      // (a clashing type was imported, so its name was not among the body's)
      qualify.addAll(clashes);
      text = render(pkg, type, qualify, true);
    }
    if (!memberTypes.isEmpty()) {
      int close = text.lastIndexOf('}');
      StringBuilder members = new StringBuilder();
      for (String m : memberTypes) {
        members.append("\n  // local class of the @Async body, a member so that it outlives a state\n  ");
        members.append(m.replace("\n", "\n  ")).append('\n');
      }
      text = text.substring(0, close) + members + text.substring(close);
    }
    // JavaPoet's own imports stay; a user import it already wrote is not repeated
    Set<String> imported = new HashSet<>();
    for (String line : text.split("\n")) {
      if (line.startsWith("import ")) {
        imported.add(line.trim());
      } else if (!line.isBlank() && !line.startsWith("package ")) {
        break; // the imports are over; the body is never read as imports
      }
    }
    StringBuilder imports = new StringBuilder();
    for (String imp : plan.userImports()) {
      if (imported.add(imp.trim())) {
        imports.append(imp).append('\n');
      }
    }
    if (imports.length() > 0) {
      int at = pkg.isEmpty() ? 0 : text.indexOf('\n', text.indexOf("package ")) + 1;
      if (at > 0) {
        text = text.substring(0, at) + "\n" + imports + text.substring(at);
      } else {
        text = imports + "\n" + text;
      }
    }
    if (lineTable != null) {
      text = withLineTable(text, lineTable);
    }
    String name = pkg.isEmpty() ? type.name() : pkg + "." + type.name();
    try (Writer w = filer.createSourceFile(name, originating).openWriter()) {
      w.write(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** JavaPoet's text of {@code type}, the types of the {@code qualify} simple names qualified. */
  private static String render(
      String pkg, TypeSpec type, Set<String> qualify, boolean skipJavaLangImports) {
    TypeSpec written =
        qualify.isEmpty()
            ? type
            : type.toBuilder().alwaysQualify(qualify.toArray(new String[0])).build();
    return JavaFile.builder(pkg, written)
        .indent("  ")
        .skipJavaLangImports(skipJavaLangImports)
        .build()
        .toString();
  }

  /**
   * {@code text} without its line markers, with the table they give as the last member: after
   * every line it maps, so that however many lines it takes, none of them moves.
   */
  private static String withLineTable(String text, String method) {
    LineMarkers.Extracted lines = LineMarkers.extract(text);
    String clean = lines.text();
    StringBuilder table = new StringBuilder();
    table.append("\n  /**\n   * Which line of the user's file each line of this file runs: pairs of (line here, line\n");
    table.append("   * there), for stack traces.\n   */\n");
    table.append("  private static int[] ").append(method).append("() {\n");
    table.append("    return new int[] {");
    int[] t = lines.table();
    for (int i = 0; i < t.length; i += 2) {
      table.append(i % 16 == 0 ? "\n      " : " ");
      table.append(t[i]).append(", ").append(t[i + 1]).append(i + 2 < t.length ? "," : "");
    }
    table.append(t.length == 0 ? "};\n  }\n" : "\n    };\n  }\n");
    int close = clean.lastIndexOf('}');
    return clean.substring(0, close) + table + clean.substring(close);
  }
}
