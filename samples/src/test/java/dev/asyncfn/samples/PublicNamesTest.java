/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Modifier;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No public type of asyncfn shares its simple name with a type of {@code java.lang}, which every
 * Java file imports implicitly: {@code Runtime.builder()} once resolved to {@code
 * java.lang.Runtime} (error-prone's JavaLangClash), and an IDE's auto-import must pick our type on
 * the first try. Checked against the running JDK's {@code java.lang} and against JDK 25's, kept in
 * {@code java-lang-jdk25.txt} (so a run on JDK 17 knows {@code ScopedValue}, {@code IO}...).
 */
class PublicNamesTest {
  /** A class of each artifact: annotations, runtime, JUnit extension, processor. */
  private static final List<String> ANCHORS =
      List.of(
          "dev.asyncfn.Async",
          "dev.asyncfn.runtime.AsyncRuntime",
          "dev.asyncfn.junit.AsyncTest",
          "dev.asyncfn.processor.AsyncProcessor");

  @Test
  void noPublicTypeSharesASimpleNameWithJavaLang() throws Exception {
    Set<String> javaLang = new TreeSet<>(runningJdksJavaLang());
    try (InputStream in = PublicNamesTest.class.getResourceAsStream("/java-lang-jdk25.txt")) {
      javaLang.addAll(new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList());
    }
    assertTrue(javaLang.containsAll(List.of("Runtime", "Process", "ScopedValue", "IO")));

    List<String> clashes = new ArrayList<>();
    int checked = 0;
    for (String anchor : ANCHORS) {
      for (Class<?> type : publicTypes(anchor)) {
        checked++;
        if (javaLang.contains(type.getSimpleName())) {
          clashes.add(type.getName() + " is named like java.lang." + type.getSimpleName());
        }
      }
    }
    assertEquals(List.of(), clashes);
    assertTrue(checked > 100, "the types were found: " + checked);
  }

  private static Set<String> runningJdksJavaLang() throws IOException {
    FileSystem jrt = FileSystems.getFileSystem(URI.create("jrt:/"));
    Set<String> names = new TreeSet<>();
    try (Stream<Path> files = Files.list(jrt.getPath("/modules/java.base/java/lang"))) {
      for (Path p : (Iterable<Path>) files::iterator) {
        String file = p.getFileName().toString();
        if (file.endsWith(".class") && !file.contains("$") && !file.contains("-info")) {
          names.add(file.substring(0, file.length() - ".class".length()));
        }
      }
    }
    return names;
  }

  /** The public types (top-level, and nested ones reachable from outside) of anchor's artifact. */
  private static List<Class<?>> publicTypes(String anchor)
      throws ClassNotFoundException, URISyntaxException, IOException {
    Class<?> anchorClass = Class.forName(anchor);
    Path root =
        Path.of(anchorClass.getProtectionDomain().getCodeSource().getLocation().toURI());
    List<String> classFiles = new ArrayList<>();
    if (Files.isDirectory(root)) {
      try (Stream<Path> files = Files.walk(root)) {
        files.map(f -> root.relativize(f).toString().replace('\\', '/')).forEach(classFiles::add);
      }
    } else {
      try (FileSystem jar = FileSystems.newFileSystem(root)) {
        try (Stream<Path> files = Files.walk(jar.getPath("/"))) {
          files.map(f -> f.toString().substring(1)).forEach(classFiles::add);
        }
      }
    }
    List<Class<?>> out = new ArrayList<>();
    for (String f : classFiles) {
      if (!f.endsWith(".class") || f.endsWith("-info.class") || f.startsWith("META-INF/")) {
        continue;
      }
      String name = f.substring(0, f.length() - ".class".length()).replace('/', '.');
      Class<?> type = Class.forName(name, false, anchorClass.getClassLoader());
      if (reachable(type)) {
        out.add(type);
      }
    }
    return out;
  }

  private static boolean reachable(Class<?> type) {
    if (type.isAnonymousClass() || type.isLocalClass() || type.isSynthetic()) {
      return false;
    }
    for (Class<?> c = type; c != null; c = c.getEnclosingClass()) {
      if (!Modifier.isPublic(c.getModifiers())) {
        return false;
      }
    }
    return true;
  }
}
