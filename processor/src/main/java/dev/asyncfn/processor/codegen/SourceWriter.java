package dev.asyncfn.processor.codegen;

import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.TypeSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.annotation.processing.Filer;
import javax.lang.model.element.Element;

/** Writes a generated file, adding the user's imports so that re-emitted source text compiles. */
public final class SourceWriter {
  private SourceWriter() {}

  public static void write(
      Filer filer, String pkg, TypeSpec type, List<String> userImports, Element... originating) {
    write(filer, pkg, type, userImports, List.of(), originating);
  }

  /** Also appends {@code memberTypes} (source text of member classes) to the type's body. */
  public static void write(
      Filer filer,
      String pkg,
      TypeSpec type,
      List<String> userImports,
      List<String> memberTypes,
      Element... originating) {
    JavaFile file = JavaFile.builder(pkg, type).indent("  ").skipJavaLangImports(true).build();
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
    Set<String> written = new HashSet<>();
    for (String line : text.split("\n")) {
      if (line.startsWith("import ")) {
        written.add(line.trim());
      } else if (!line.isBlank() && !line.startsWith("package ")) {
        break; // the imports are over; the body is never read as imports
      }
    }
    StringBuilder imports = new StringBuilder();
    for (String imp : userImports) {
      if (written.add(imp.trim())) {
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
