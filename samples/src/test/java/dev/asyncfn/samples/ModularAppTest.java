/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The module descriptors, as a modular application sees them: {@code src/test/modular-app} (module
 * {@code hello.app}) is compiled with javac against the built asyncfn modules and run with {@code
 * java --module-path}, with the processor on the processor path as usual, and on the processor
 * module path, where javac finds it through its {@code provides} clause.
 */
class ModularAppTest {
  private static final Path APP = Path.of("src/test/modular-app");

  @TempDir Path out;

  /** The jar (or, before packaging, the classes directory) a class was loaded from. */
  private static Path location(String className) {
    try {
      return Path.of(
          Class.forName(className).getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (ClassNotFoundException | URISyntaxException e) {
      throw new AssertionError(className + " is not on the test class path", e);
    }
  }

  private static final Path ANNOTATIONS = location("dev.asyncfn.Async");
  private static final Path RUNTIME = location("dev.asyncfn.runtime.AsyncRuntime");
  private static final Path PROCESSOR = location("dev.asyncfn.processor.AsyncProcessor");
  private static final Path JUNIT = location("dev.asyncfn.junit.AsyncTest");
  private static final Path JAVAPOET = location("com.palantir.javapoet.JavaFile");

  private static String path(Path... entries) {
    return Stream.of(entries).map(Path::toString).collect(Collectors.joining(File.pathSeparator));
  }

  @Test
  void theModulesExportTheirApiOnly() {
    ModuleFinder finder = ModuleFinder.of(ANNOTATIONS, RUNTIME, PROCESSOR, JUNIT);
    assertEquals(Set.of("dev.asyncfn"), exports(finder, "dev.asyncfn.annotations"));
    assertEquals(
        Set.of(
            "dev.asyncfn.runtime",
            "dev.asyncfn.runtime.combinator",
            "dev.asyncfn.runtime.io",
            "dev.asyncfn.runtime.net",
            "dev.asyncfn.runtime.stream",
            "dev.asyncfn.runtime.support",
            "dev.asyncfn.runtime.sync",
            "dev.asyncfn.runtime.time"),
        exports(finder, "dev.asyncfn.runtime"));
    assertEquals(Set.of(), exports(finder, "dev.asyncfn.processor"));
    ModuleDescriptor processor = descriptor(finder, "dev.asyncfn.processor");
    assertEquals(
        "[javax.annotation.processing.Processor with [dev.asyncfn.processor.AsyncProcessor]]",
        processor.provides().stream()
            .map(p -> p.service() + " with " + p.providers())
            .toList()
            .toString());
    assertEquals(Set.of("dev.asyncfn.junit"), exports(finder, "dev.asyncfn.junit"));
    assertEquals(
        Set.of("dev.asyncfn.junit.TaskDump"), descriptor(finder, "dev.asyncfn.junit").uses());
  }

  @ParameterizedTest(name = "processor on the {0}")
  @ValueSource(strings = {"processor path", "processor module path"})
  void aModularApplicationCompilesAndRunsOnTheModulePath(String where)
      throws IOException, InterruptedException {
    List<String> sources;
    try (Stream<Path> files = Files.walk(APP)) {
      sources = files.filter(f -> f.toString().endsWith(".java")).map(Path::toString).toList();
    }
    Path classes = out.resolve("hello.app");
    List<String> args = new ArrayList<>();
    args.addAll(List.of("--release", "17", "-Xlint:all", "-Werror", "-d", classes.toString()));
    args.addAll(List.of("--module-path", path(ANNOTATIONS, RUNTIME)));
    if (where.equals("processor path")) {
      args.addAll(List.of("--processor-path", path(PROCESSOR, JAVAPOET)));
    } else {
      args.addAll(List.of("--processor-module-path", path(PROCESSOR, JAVAPOET)));
    }
    args.addAll(sources);
    ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
    int javac =
        ToolProvider.getSystemJavaCompiler()
            .run(null, diagnostics, diagnostics, args.toArray(String[]::new));
    assertEquals(
        "", diagnostics.toString(StandardCharsets.UTF_8), "javac " + String.join(" ", args));
    assertEquals(0, javac);
    assertTrue(Files.exists(classes.resolve("hello/app/MainAsync.class")), "the companion");

    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process app =
        new ProcessBuilder(
                java.toString(),
                "--module-path",
                path(classes, RUNTIME),
                "--module",
                "hello.app/hello.app.Main")
            .redirectErrorStream(true)
            .start();
    String output = new String(app.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(app.waitFor(60, TimeUnit.SECONDS), "the application finished");
    assertEquals(0, app.exitValue(), output);
    assertEquals(
        List.of(
            "Hello, modules / Hello, module path",
            "Futures.blockOn: Hello, again",
            "runtime module: dev.asyncfn.runtime",
            "internal exported: false"),
        output.lines().toList());
  }

  private static ModuleDescriptor descriptor(ModuleFinder finder, String name) {
    return finder.find(name).map(ModuleReference::descriptor).orElseThrow();
  }

  private static Set<String> exports(ModuleFinder finder, String name) {
    Set<String> out = new TreeSet<>();
    for (ModuleDescriptor.Exports e : descriptor(finder, name).exports()) {
      assertTrue(!e.isQualified(), e.toString());
      out.add(e.source());
    }
    return out;
  }
}
