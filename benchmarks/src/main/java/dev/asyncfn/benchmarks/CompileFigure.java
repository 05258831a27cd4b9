/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.benchmarks;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Figure: javac on a generated project of {@code n} {@code @Async} methods (10 per class, each with
 * a loop, a branch and three awaits), with the processor and without it ({@code -proc:none}, the
 * same sources as plain Java), in this JVM after a warm-up compile of a few classes. The difference
 * per method is what the processor adds.
 */
final class CompileFigure {
  private static final int METHODS_PER_CLASS = 10;

  private CompileFigure() {}

  static void run(int n, int reps, String processorPath) throws Exception {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    if (javac == null) {
      throw new IllegalStateException("the compile figure needs a JDK, not a JRE");
    }
    Path dir = Files.createTempDirectory("asyncfn-compile-bench");
    try {
      List<String> sources = generate(dir.resolve("src"), n);
      String classPath = System.getProperty("java.class.path");
      double[] with = new double[reps];
      double[] without = new double[reps];
      // Warm javac and the processor up on a few classes, so the timed runs are not cold JIT.
      List<String> few = sources.subList(0, Math.min(5, sources.size()));
      compile(javac, dir, few, classPath, processorPath, true);
      compile(javac, dir, few, classPath, processorPath, false);
      for (int r = 0; r < reps; r++) {
        with[r] = compile(javac, dir, sources, classPath, processorPath, true);
        without[r] = compile(javac, dir, sources, classPath, processorPath, false);
      }
      double withMs = Results.median(with);
      double withoutMs = Results.median(without);
      String what = n + " @Async methods";
      Results.emit("compile", "javac + asyncfn processor", what, withMs, "ms", false);
      Results.emit("compile", "javac, no processing", what, withoutMs, "ms", false);
      Results.emit(
          "compile",
          "asyncfn processor",
          "added per method",
          (withMs - withoutMs) / n,
          "ms",
          false);
    } finally {
      try (Stream<Path> files = Files.walk(dir)) {
        files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
      }
    }
  }

  private static double compile(
      JavaCompiler javac,
      Path dir,
      List<String> sources,
      String classPath,
      String processorPath,
      boolean process)
      throws IOException {
    Path out = Files.createDirectories(dir.resolve(process ? "out-proc" : "out-plain"));
    List<String> args = new ArrayList<>(List.of("-d", out.toString(), "-cp", classPath));
    args.addAll(List.of("--release", "17", "-nowarn", "-implicit:none"));
    if (process) {
      args.addAll(
          List.of(
              "-processorpath",
              processorPath,
              "-processor",
              "dev.asyncfn.processor.AsyncProcessor",
              "-s",
              Files.createDirectories(dir.resolve("generated")).toString()));
    } else {
      args.add("-proc:none");
    }
    args.addAll(sources);
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    long t0 = System.nanoTime();
    int rc = javac.run(null, log, log, args.toArray(String[]::new));
    double ms = (System.nanoTime() - t0) / 1e6;
    if (rc != 0) {
      throw new IllegalStateException(
          "javac failed (" + rc + "): " + log.toString(StandardCharsets.UTF_8));
    }
    return ms;
  }

  private static List<String> generate(Path src, int n) throws IOException {
    Path pkg = Files.createDirectories(src.resolve("gen"));
    List<String> files = new ArrayList<>();
    int classes = (n + METHODS_PER_CLASS - 1) / METHODS_PER_CLASS;
    for (int c = 0; c < classes; c++) {
      StringBuilder s = new StringBuilder();
      s.append("package gen;\n\n")
          .append("import static dev.asyncfn.runtime.Futures.await;\n\n")
          .append("import dev.asyncfn.Async;\n")
          .append("import dev.asyncfn.runtime.Futures;\n\n")
          .append("final class Gen")
          .append(c)
          .append(" {\n");
      for (int m = 0; m < METHODS_PER_CLASS && c * METHODS_PER_CLASS + m < n; m++) {
        s.append("  @Async\n")
            .append("  static int m")
            .append(m)
            .append("(int x, String label) {\n")
            .append("    int total = await(Futures.ready(x));\n")
            .append("    for (int i = 0; i < x; i++) {\n")
            .append("      if (i % 2 == 0) {\n")
            .append("        total += await(Futures.ready(i));\n")
            .append("      } else {\n")
            .append("        total -= label.length();\n")
            .append("      }\n")
            .append("    }\n")
            .append("    String s = label + await(Futures.ready(total));\n")
            .append("    return s.length() + total;\n")
            .append("  }\n\n");
      }
      s.append("}\n");
      Path file = pkg.resolve("Gen" + c + ".java");
      Files.writeString(file, s);
      files.add(file.toString());
    }
    return files;
  }
}
