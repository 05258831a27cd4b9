/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.processor.codegen;

import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.TypeSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.annotation.processing.Filer;
import javax.lang.model.element.Element;
import javax.lang.model.util.Elements;

/**
 * Writes a generated file: JavaPoet's text, with the user's imports (so that re-emitted source text
 * compiles as it did) and the member classes re-emitted from local classes of the body. Names
 * that would mean another type in the file are written qualified ({@link ImportPlan}).
 */
final class SourceWriter {
  private final Filer filer;
  private final Elements elements;

  SourceWriter(Filer filer, Elements elements) {
    this.filer = filer;
    this.elements = elements;
  }

  /** Writes {@code type} in {@code pkg}; {@code memberTypes} are appended to its body as text. */
  void write(
      String pkg,
      TypeSpec type,
      ImportPlan plan,
      List<String> memberTypes,
      Element... originating) {
    // a first rendering tells which types JavaPoet would import, java.lang ones included
    String draft = JavaFile.builder(pkg, type).skipJavaLangImports(false).build().toString();
    List<String> written = new ArrayList<>();
    for (String line : draft.split("\n")) {
      if (line.startsWith("import ")) {
        written.add(line.substring("import ".length(), line.length() - 1).trim());
      } else if (!line.isBlank() && !line.startsWith("package ")) {
        break;
      }
    }
    Set<String> qualify = plan.qualify(written, elements);
    TypeSpec finalType =
        qualify.isEmpty()
            ? type
            : type.toBuilder().alwaysQualify(qualify.toArray(new String[0])).build();
    JavaFile file = JavaFile.builder(pkg, finalType).indent("  ").skipJavaLangImports(true).build();
    String text = file.toString();
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
    String name = pkg.isEmpty() ? type.name() : pkg + "." + type.name();
    try (Writer w = filer.createSourceFile(name, originating).openWriter()) {
      w.write(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
