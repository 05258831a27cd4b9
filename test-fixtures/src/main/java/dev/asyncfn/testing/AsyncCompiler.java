/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.testing;

import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import javax.annotation.processing.Processor;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;

/**
 * Compiles Java sources in memory with javac and the asyncfn annotation processor, and hands back
 * the diagnostics, the generated sources and a class loader over the result.
 *
 * <p>The processor {@value #PROCESSOR} is loaded by name from the context class loader (the test's
 * class path), so this module does not depend on the processor: a test in the processor module
 * compiles against the processor it is testing. The class path of the compilation is the test's
 * own ({@code java.class.path}), so case sources can use the runtime, {@code @Async}, {@link
 * TestFutures} and {@link Trace}.
 *
 * <h2>Example</h2>
 *
 * <pre>{@code
 * Compiled c = AsyncCompiler.create().compile(JavaSource.fromResource("cases/loops/Loops.java"));
 * c.assertSuccess();
 * Class<?> companion = c.loadClass("cases.loops.LoopsAsync");
 * }</pre>
 *
 * <h2>Cost</h2>
 *
 * Starting javac dominates (the first compilation in a JVM takes about a second, later ones a
 * fraction of it): compile many cases in one call, or use {@link #compileIsolated} which compiles
 * them together and separates only the ones that fail.
 *
 * <h2>Thread safety</h2>
 *
 * Instances are immutable; compilations are serialised on a shared file manager, which keeps the
 * class path's jars open between compilations.
 */
public final class AsyncCompiler {
  /** The binary name of the processor this compiler runs. */
  public static final String PROCESSOR = "dev.asyncfn.processor.AsyncProcessor";

  private static final Object LOCK = new Object();
  private static StandardJavaFileManager sharedFileManager;

  private final boolean runProcessor;
  private final List<String> options;

  private AsyncCompiler(boolean runProcessor, List<String> options) {
    this.runProcessor = runProcessor;
    this.options = List.copyOf(options);
  }

  /** A compiler that runs the asyncfn processor, at {@code --release 17}. */
  public static AsyncCompiler create() {
    return new AsyncCompiler(true, List.of("--release", "17", "-g", "-Xlint:-options"));
  }

  /** The same compiler at {@code --release release}, e.g. 21 for sources with pattern switches. */
  public AsyncCompiler atRelease(int release) {
    List<String> all = new ArrayList<>(options);
    int at = all.indexOf("--release");
    all.set(at + 1, Integer.toString(release));
    return new AsyncCompiler(runProcessor, all);
  }

  /** The same compiler without the processor: for checking that a case is plain valid Java. */
  public AsyncCompiler withoutProcessor() {
    return new AsyncCompiler(false, options);
  }

  /** The same compiler with more javac options (e.g. {@code -Aasyncfn.debug=true}). */
  public AsyncCompiler withOptions(String... more) {
    List<String> all = new ArrayList<>(options);
    all.addAll(Arrays.asList(more));
    return new AsyncCompiler(runProcessor, all);
  }

  /** Compiles the class path resources at {@code resourcePaths} together. */
  public Compiled compileResources(String... resourcePaths) {
    List<JavaSource> sources = new ArrayList<>();
    for (String p : resourcePaths) {
      sources.add(JavaSource.fromResource(p));
    }
    return compile(sources);
  }

  /** Compiles {@code sources} together in one javac run. */
  public Compiled compile(JavaSource... sources) {
    return compile(Arrays.asList(sources));
  }

  /**
   * Compiles {@code sources} together in one javac run.
   *
   * @throws IllegalStateException if the processor is not on the class path, or javac is missing
   */
  public Compiled compile(List<JavaSource> sources) {
    if (sources.isEmpty()) {
      throw new IllegalArgumentException("nothing to compile");
    }
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    if (javac == null) {
      throw new IllegalStateException(
          "no system Java compiler: run the tests on a JDK, not a JRE (java.home="
              + System.getProperty("java.home")
              + ")");
    }
    ClassLoader parent = contextLoader();
    Processor processor = runProcessor ? loadProcessor(parent) : null;
    DiagnosticCollector<JavaFileObject> collector = new DiagnosticCollector<>();
    StringWriter out = new StringWriter();
    synchronized (LOCK) {
      StandardJavaFileManager standard = fileManager(javac);
      MemoryFileManager files = new MemoryFileManager(standard);
      List<String> args = new ArrayList<>(options);
      if (!runProcessor) {
        args.add("-proc:none");
      }
      JavaCompiler.CompilationTask task =
          javac.getTask(out, files, collector, args, null, MemoryFileManager.sources(sources));
      if (processor != null) {
        task.setProcessors(List.of(processor));
      }
      task.setLocale(Locale.ROOT);
      boolean ok;
      List<CompileDiagnostic> diagnostics = new ArrayList<>();
      try {
        ok = task.call();
      } catch (RuntimeException | Error e) {
        // javac wraps an exception escaping a processor: a processor bug, reported as an error
        // with no file so that one crash fails its own compilation, not the test JVM.
        ok = false;
        StringWriter trace = new StringWriter();
        e.printStackTrace(new java.io.PrintWriter(trace));
        diagnostics.add(
            new CompileDiagnostic(
                Diagnostic.Kind.ERROR,
                "javac crashed: an exception escaped the processor or javac (the processor must"
                    + " turn internal failures into an error on the method)\n"
                    + trace,
                null,
                -1,
                ""));
      }
      for (Diagnostic<? extends JavaFileObject> d : collector.getDiagnostics()) {
        diagnostics.add(convert(d, sources, files.generatedSources()));
      }
      if (!out.toString().isBlank()) {
        diagnostics.add(
            new CompileDiagnostic(
                Diagnostic.Kind.OTHER, "javac printed: " + out.toString().trim(), null, -1, ""));
      }
      return new Compiled(
          ok, sources, diagnostics, files.generatedSources(), files.classes(), parent);
    }
  }

  /**
   * Compiles {@code sources} in as few javac runs as possible while keeping one broken source from
   * failing the others: first all together; if that fails, the sources in whose package an error
   * was reported are set apart, the rest compiled together again, and each one set apart compiled
   * alone (so its result holds exactly its own diagnostics).
   *
   * <p>For this to isolate failures, give each source its own package (the corpus does: {@code
   * cases/<category>/<Name>.java} in package {@code cases.<category>}, one source per package);
   * generated files are attributed to a source by package.
   *
   * @return source path -> the compilation that source was part of, in the order given
   */
  public Map<String, Compiled> compileIsolated(List<JavaSource> sources) {
    Map<String, Compiled> result = new LinkedHashMap<>();
    List<JavaSource> batch = new ArrayList<>(sources);
    List<JavaSource> apart = new ArrayList<>();
    // Bounded: every retry sets at least one source apart, and after five the rest go alone.
    for (int attempt = 0; !batch.isEmpty(); attempt++) {
      if (attempt == 5 || batch.size() == 1) {
        apart.addAll(batch);
        break;
      }
      Compiled c = compile(batch);
      if (c.success()) {
        for (JavaSource s : batch) {
          result.put(s.path(), c);
        }
        break;
      }
      Set<String> badPackages = new LinkedHashSet<>();
      boolean unattributed = false;
      for (CompileDiagnostic d : c.errors()) {
        if (d.file() == null) {
          unattributed = true;
        } else {
          int slash = d.file().lastIndexOf('/');
          badPackages.add(slash < 0 ? "" : d.file().substring(0, slash).replace('/', '.'));
        }
      }
      List<JavaSource> next = new ArrayList<>();
      for (JavaSource s : batch) {
        (badPackages.contains(s.packageName()) ? apart : next).add(s);
      }
      if (unattributed || next.size() == batch.size()) {
        apart.addAll(next);
        break;
      }
      batch = next;
    }
    for (JavaSource s : apart) {
      result.put(s.path(), compile(List.of(s)));
    }
    Map<String, Compiled> ordered = new LinkedHashMap<>();
    for (JavaSource s : sources) {
      ordered.put(s.path(), result.get(s.path()));
    }
    return ordered;
  }

  private static CompileDiagnostic convert(
      Diagnostic<? extends JavaFileObject> d,
      List<JavaSource> sources,
      Map<String, String> generated) {
    String file = MemoryFileManager.pathOf(d.getSource());
    long line = d.getLineNumber() == Diagnostic.NOPOS ? -1 : d.getLineNumber();
    String text = "";
    if (file != null && line > 0) {
      String content = null;
      for (JavaSource s : sources) {
        if (s.path().equals(file)) {
          content = s.text();
        }
      }
      if (content == null) {
        content = generated.get(file);
      }
      if (content != null) {
        String[] lines = content.split("\r?\n", -1);
        if (line <= lines.length) {
          text = lines[(int) line - 1].trim();
        }
      }
    }
    return new CompileDiagnostic(d.getKind(), d.getMessage(Locale.ROOT), file, line, text);
  }

  private static ClassLoader contextLoader() {
    ClassLoader l = Thread.currentThread().getContextClassLoader();
    return l != null ? l : AsyncCompiler.class.getClassLoader();
  }

  private static Processor loadProcessor(ClassLoader loader) {
    Class<?> type;
    try {
      type = Class.forName(PROCESSOR, true, loader);
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(
          PROCESSOR
              + " is not on the class path: add dev.asyncfn:asyncfn-processor as a test"
              + " dependency (in the processor module itself, its classes are there already)",
          e);
    }
    try {
      return (Processor) type.getConstructor().newInstance();
    } catch (ReflectiveOperationException | ClassCastException e) {
      throw new IllegalStateException(
          "cannot instantiate " + PROCESSOR + ": it needs a public no-argument constructor", e);
    }
  }

  private static StandardJavaFileManager fileManager(JavaCompiler javac) {
    if (sharedFileManager == null) {
      StandardJavaFileManager fm =
          javac.getStandardFileManager(null, Locale.ROOT, StandardCharsets.UTF_8);
      try {
        fm.setLocation(StandardLocation.CLASS_PATH, classPath());
        // Case sources may sit on the class path as resources: never compile them implicitly.
        fm.setLocation(StandardLocation.SOURCE_PATH, List.of());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      sharedFileManager = fm;
    }
    return sharedFileManager;
  }

  /** The test's class path, seen through surefire's manifest-only jar if it uses one. */
  static List<File> classPath() {
    String cp = System.getProperty("surefire.test.class.path");
    if (cp == null || cp.isBlank()) {
      cp = System.getProperty("java.class.path", "");
    }
    List<File> files = new ArrayList<>();
    for (String entry : cp.split(File.pathSeparator)) {
      if (!entry.isBlank()) {
        files.add(new File(entry));
      }
    }
    if (files.size() == 1 && files.get(0).getName().startsWith("surefirebooter")) {
      return manifestClassPath(files.get(0));
    }
    return files;
  }

  private static List<File> manifestClassPath(File jar) {
    List<File> files = new ArrayList<>();
    try (JarFile j = new JarFile(jar)) {
      Manifest m = j.getManifest();
      String cp = m == null ? null : m.getMainAttributes().getValue("Class-Path");
      if (cp != null) {
        for (String url : cp.trim().split("\\s+")) {
          files.add(new File(java.net.URI.create(url)));
        }
      }
    } catch (IOException | IllegalArgumentException e) {
      throw new IllegalStateException("cannot read the class path from " + jar, e);
    }
    return files;
  }
}
