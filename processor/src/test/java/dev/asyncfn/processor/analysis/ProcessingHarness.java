/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.processor.analysis;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.Trees;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;

/**
 * Compiles Java sources with javac and holds the compilation in its first processing round, so that
 * a test sees exactly what the real processor sees: the {@link ProcessingEnvironment}, {@link
 * Trees} and compilation units whose method bodies are not attributed (no expression types; {@code
 * Trees.getScope} and {@code Trees.getElement} attribute what they need on demand).
 *
 * <p>javac runs on a thread of its own and stops inside a tiny processor's first round until {@link
 * #close()}; meanwhile the test thread calls into the compiler (one thread at a time: the javac
 * thread only waits). So one javac run serves every test of a class: start it in
 * {@code @BeforeAll}, close it in {@code @AfterAll}. Closing lets javac finish the compilation and
 * fails if the sources had errors, so the sources tests reason about are valid Java.
 */
public final class ProcessingHarness implements AutoCloseable {
  private static final Pattern PACKAGE =
      Pattern.compile("^\\s*package\\s+([\\w.]+)\\s*;", Pattern.MULTILINE);
  private static final Pattern TYPE =
      Pattern.compile("\\b(?:class|interface|enum|record)\\s+(\\w+)");
  private static final long TIMEOUT_SECONDS = 120;

  private final Thread javacThread;
  private final CompletableFuture<ProcessingEnvironment> roundOne = new CompletableFuture<>();
  private final CountDownLatch release = new CountDownLatch(1);
  private final DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
  private final Map<CompilationUnitTree, SourceText> texts = new HashMap<>();
  private volatile Throwable crash;
  private ProcessingEnvironment env;
  private Trees trees;

  private ProcessingHarness(List<JavaFileObject> sources) {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    if (javac == null) {
      throw new IllegalStateException("no system Java compiler: run the tests on a JDK");
    }
    StandardJavaFileManager standard =
        javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8);
    try {
      standard.setLocation(StandardLocation.CLASS_PATH, classPath());
      standard.setLocation(StandardLocation.SOURCE_PATH, List.of());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    JavaCompiler.CompilationTask task =
        javac.getTask(
            null, new DiscardingFileManager(standard), diagnostics, List.of(), null, sources);
    task.setLocale(Locale.ROOT);
    task.setProcessors(List.of(new HoldRoundOne()));
    javacThread =
        new Thread(
            () -> {
              try {
                task.call();
              } catch (Throwable t) {
                crash = t;
              } finally {
                roundOne.completeExceptionally(
                    new IllegalStateException(
                        "javac finished before the first processing round: " + errors(), crash));
              }
            },
            "processing-harness-javac");
    javacThread.setDaemon(true);
  }

  /** Compiles {@code sources} (each a whole compilation unit) and waits for round 1. */
  public static ProcessingHarness compile(String... sources) {
    List<JavaFileObject> files = new ArrayList<>();
    for (String source : sources) {
      files.add(new Source(pathOf(source), source));
    }
    ProcessingHarness h = new ProcessingHarness(files);
    h.javacThread.start();
    try {
      h.env = h.roundOne.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
    } catch (InterruptedException | TimeoutException e) {
      throw new IllegalStateException("javac did not reach the first processing round", e);
    }
    h.trees = Trees.instance(h.env);
    return h;
  }

  public ProcessingEnvironment env() {
    return env;
  }

  public Elements elements() {
    return env.getElementUtils();
  }

  public Types types() {
    return env.getTypeUtils();
  }

  public Trees trees() {
    return trees;
  }

  /** The type named {@code qualifiedName} (a member type as {@code p.Outer.Inner}). */
  public TypeElement type(String qualifiedName) {
    TypeElement t = elements().getTypeElement(qualifiedName);
    if (t == null) {
      throw new AssertionError("no type " + qualifiedName);
    }
    return t;
  }

  /** The compilation unit that declares the type {@code qualifiedName}. */
  public CompilationUnitTree unit(String qualifiedName) {
    return trees.getPath(type(qualifiedName)).getCompilationUnit();
  }

  /** The source text and positions of {@code unit}. */
  public SourceText source(CompilationUnitTree unit) {
    return texts.computeIfAbsent(unit, u -> new SourceText(trees, u));
  }

  /** The path of the method {@code name} declared in the type {@code qualifiedName} (the first). */
  public TreePath method(String qualifiedName, String name) {
    TreePath classPath = trees.getPath(type(qualifiedName));
    for (Tree member : ((ClassTree) classPath.getLeaf()).getMembers()) {
      if (member instanceof MethodTree && ((MethodTree) member).getName().contentEquals(name)) {
        return new TreePath(classPath, member);
      }
    }
    throw new AssertionError("no method " + name + " in " + qualifiedName);
  }

  /** The element of the method at {@code path}. */
  public ExecutableElement element(TreePath method) {
    return (ExecutableElement) trees.getElement(method);
  }

  /** The enclosing type of the method at {@code path}. */
  public TypeElement owner(TreePath method) {
    return (TypeElement) element(method).getEnclosingElement();
  }

  /**
   * The first tree of {@code type} under {@code root} whose source text is exactly {@code text}.
   */
  public <T extends Tree> T find(TreePath root, Class<T> type, String text) {
    List<T> all = findAll(root, type, text);
    if (all.isEmpty()) {
      throw new AssertionError(
          "no " + type.getSimpleName() + " `" + text + "` in " + root.getLeaf().getKind());
    }
    return all.get(0);
  }

  /** Every tree of {@code type} under {@code root} whose source text is {@code text}, in order. */
  public <T extends Tree> List<T> findAll(TreePath root, Class<T> type, String text) {
    SourceText src = source(root.getCompilationUnit());
    List<T> out = new ArrayList<>();
    new TreePathScanner<Void, Void>() {
      @Override
      public Void scan(Tree tree, Void unused) {
        if (tree != null
            && type.isInstance(tree)
            && src.hasPosition(tree)
            && src.of(tree).equals(text)) {
          out.add(type.cast(tree));
        }
        return super.scan(tree, null);
      }
    }.scan(root, null);
    return out;
  }

  /** The first tree of {@code type} under {@code root}, in source order. */
  public <T extends Tree> T first(TreePath root, Class<T> type) {
    List<T> out = new ArrayList<>();
    new TreePathScanner<Void, Void>() {
      @Override
      public Void scan(Tree tree, Void unused) {
        if (out.isEmpty() && type.isInstance(tree)) {
          out.add(type.cast(tree));
        }
        return out.isEmpty() ? super.scan(tree, null) : null;
      }
    }.scan(root, null);
    if (out.isEmpty()) {
      throw new AssertionError("no " + type.getSimpleName() + " in " + root.getLeaf().getKind());
    }
    return out.get(0);
  }

  /** The declaration of the local (or parameter) {@code name} under {@code root} (the first). */
  public VariableTree local(TreePath root, String name) {
    List<VariableTree> out = new ArrayList<>();
    new TreePathScanner<Void, Void>() {
      @Override
      public Void visitVariable(VariableTree node, Void unused) {
        if (node.getName().contentEquals(name)) {
          out.add(node);
        }
        return super.visitVariable(node, null);
      }
    }.scan(root, null);
    if (out.isEmpty()) {
      throw new AssertionError("no local " + name);
    }
    return out.get(0);
  }

  /** The path of {@code tree} in the unit of {@code within}. */
  public TreePath path(TreePath within, Tree tree) {
    return trees.getPath(within.getCompilationUnit(), tree);
  }

  /** Lets javac finish the compilation; fails if the sources did not compile. */
  @Override
  public void close() {
    release.countDown();
    try {
      javacThread.join(TimeUnit.SECONDS.toMillis(TIMEOUT_SECONDS));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (crash != null) {
      throw new AssertionError("javac crashed", crash);
    }
    String errors = errors();
    if (!errors.isEmpty()) {
      throw new AssertionError("the test sources do not compile:\n" + errors);
    }
  }

  private String errors() {
    StringBuilder sb = new StringBuilder();
    for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
      if (d.getKind() == Diagnostic.Kind.ERROR) {
        sb.append(d.getSource() == null ? "" : d.getSource().getName())
            .append(':')
            .append(d.getLineNumber())
            .append(": ")
            .append(d.getMessage(Locale.ROOT))
            .append('\n');
      }
    }
    return sb.toString();
  }

  /** Hands the environment to the test in the first round, then waits for {@link #close()}. */
  private final class HoldRoundOne extends AbstractProcessor {
    @Override
    public Set<String> getSupportedAnnotationTypes() {
      return Set.of("*");
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
      return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
      if (!roundOne.isDone()) {
        roundOne.complete(processingEnv);
        try {
          release.await(TIMEOUT_SECONDS * 10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      return false;
    }
  }

  /**
   * {@code p/Name.java} for a source declaring {@code package p;} and first the type {@code Name}.
   */
  private static String pathOf(String source) {
    Matcher pkg = PACKAGE.matcher(source);
    Matcher type = TYPE.matcher(source);
    if (!type.find()) {
      throw new IllegalArgumentException("no top-level type in:\n" + source);
    }
    String dir = pkg.find() ? pkg.group(1).replace('.', '/') + "/" : "";
    return dir + type.group(1) + ".java";
  }

  private static final class Source extends SimpleJavaFileObject {
    private final String text;

    Source(String path, String text) {
      super(URI.create("mem:///" + path), Kind.SOURCE);
      this.text = text;
    }

    @Override
    public CharSequence getCharContent(boolean ignoreEncodingErrors) {
      return text;
    }
  }

  /** Class files go nowhere: only the compilation's verdict matters. */
  private static final class DiscardingFileManager
      extends ForwardingJavaFileManager<StandardJavaFileManager> {
    DiscardingFileManager(StandardJavaFileManager delegate) {
      super(delegate);
    }

    @Override
    public JavaFileObject getJavaFileForOutput(
        Location location, String className, JavaFileObject.Kind kind, FileObject sibling) {
      return new SimpleJavaFileObject(
          URI.create("mem:///out/" + className.replace('.', '/') + kind.extension), kind) {
        @Override
        public OutputStream openOutputStream() {
          return OutputStream.nullOutputStream();
        }
      };
    }
  }

  /** The test's class path, seen through surefire's manifest-only jar if it uses one. */
  private static List<File> classPath() {
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
      files.clear();
      try (JarFile jar = new JarFile(new File(cp.trim()))) {
        Manifest m = jar.getManifest();
        String entries = m == null ? null : m.getMainAttributes().getValue("Class-Path");
        if (entries != null) {
          for (String url : entries.trim().split("\\s+")) {
            files.add(new File(URI.create(url)));
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return files;
  }
}
