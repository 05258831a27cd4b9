/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A Java source file to compile: its path below the source root and its text.
 *
 * @param path e.g. {@code cases/loops/Loops.java}; the directory should match the package
 * @param text the source text
 */
public record JavaSource(String path, String text) {

  public JavaSource {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(text, "text");
    if (!path.endsWith(".java")) {
      throw new IllegalArgumentException("a Java source path must end with .java: " + path);
    }
  }

  /**
   * A source from its text, its path derived from the {@code package} declaration and the first
   * top-level {@code class}/{@code interface}/{@code enum}/{@code record} name.
   */
  public static JavaSource of(String text) {
    java.util.regex.Matcher pkg =
        java.util.regex.Pattern.compile("(?m)^\\s*package\\s+([\\w.]+)\\s*;").matcher(text);
    java.util.regex.Matcher type =
        java.util.regex.Pattern.compile(
                "\\b(?:class|interface|enum|record)\\s+([A-Za-z_$][\\w$]*)")
            .matcher(text);
    if (!type.find()) {
      throw new IllegalArgumentException(
          "cannot find a top-level type name in the source; use new JavaSource(path, text)");
    }
    String dir = pkg.find() ? pkg.group(1).replace('.', '/') + "/" : "";
    return new JavaSource(dir + type.group(1) + ".java", text);
  }

  /**
   * A source read from the class path resource {@code resourcePath} (e.g. {@code
   * cases/loops/Loops.java}), with the context class loader; its path is the resource path.
   *
   * @throws IllegalArgumentException if there is no such resource
   */
  public static JavaSource fromResource(String resourcePath) {
    String name = resourcePath.startsWith("/") ? resourcePath.substring(1) : resourcePath;
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    if (loader == null) {
      loader = JavaSource.class.getClassLoader();
    }
    try (InputStream in = loader.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalArgumentException(
            "no class path resource " + name + ": put it under src/test/resources/" + name);
      }
      return new JavaSource(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("reading resource " + name, e);
    }
  }

  /** The package this source declares, derived from its path. */
  public String packageName() {
    int slash = path.lastIndexOf('/');
    return slash < 0 ? "" : path.substring(0, slash).replace('/', '.');
  }

  /** The file name, the last segment of the path. */
  public String fileName() {
    return path.substring(path.lastIndexOf('/') + 1);
  }

  /**
   * The 1-based line of the first line containing {@code marker}, so a test can say "the line with
   * the offending text" instead of a number that breaks when the case is edited.
   *
   * @throws IllegalArgumentException if no line contains it
   */
  public int lineContaining(String marker) {
    String[] lines = text.split("\r?\n", -1);
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].contains(marker)) {
        return i + 1;
      }
    }
    throw new IllegalArgumentException("no line of " + path + " contains \"" + marker + "\"");
  }
}
