/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.testing;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;

/**
 * Keeps everything javac and the processor write (class files, generated sources, resources) in
 * memory, so nothing touches the disk and concurrent test runs cannot collide.
 */
final class MemoryFileManager extends ForwardingJavaFileManager<StandardJavaFileManager> {
  private final Map<String, byte[]> classes = Collections.synchronizedMap(new TreeMap<>());
  private final Map<String, OutputFile> generated = Collections.synchronizedMap(new TreeMap<>());

  MemoryFileManager(StandardJavaFileManager delegate) {
    super(delegate);
  }

  /** Binary class name -> bytes of every class javac wrote. */
  Map<String, byte[]> classes() {
    return classes;
  }

  /** Path -> text of every source the processor generated. */
  Map<String, String> generatedSources() {
    Map<String, String> out = new TreeMap<>();
    synchronized (generated) {
      generated.forEach((path, file) -> out.put(path, file.text()));
    }
    return out;
  }

  @Override
  public JavaFileObject getJavaFileForOutput(
      Location location, String className, JavaFileObject.Kind kind, FileObject sibling) {
    if (kind == JavaFileObject.Kind.CLASS) {
      return new ClassFile(className);
    }
    String path = className.replace('.', '/') + kind.extension;
    OutputFile file = new OutputFile(path, kind);
    generated.put(path, file);
    return file;
  }

  @Override
  public FileObject getFileForOutput(
      Location location, String packageName, String relativeName, FileObject sibling) {
    String path =
        (packageName.isEmpty() ? "" : packageName.replace('.', '/') + "/") + relativeName;
    OutputFile file = new OutputFile(path, JavaFileObject.Kind.OTHER);
    if (location != StandardLocation.CLASS_OUTPUT) {
      generated.put(path, file);
    }
    return file;
  }

  @Override
  public boolean isSameFile(FileObject a, FileObject b) {
    if (a instanceof SimpleJavaFileObject || b instanceof SimpleJavaFileObject) {
      return a.toUri().equals(b.toUri());
    }
    return super.isSameFile(a, b);
  }

  /** A class file: bytes kept under the binary name. */
  private final class ClassFile extends SimpleJavaFileObject {
    private final String className;

    ClassFile(String className) {
      super(URI.create("mem:///" + className.replace('.', '/') + ".class"), Kind.CLASS);
      this.className = className;
    }

    @Override
    public OutputStream openOutputStream() {
      return new ByteArrayOutputStream() {
        @Override
        public void close() {
          classes.put(className, toByteArray());
        }
      };
    }
  }

  /** A generated source or resource; readable back, since javac compiles generated sources. */
  static final class OutputFile extends SimpleJavaFileObject {
    private final List<Object> content = new ArrayList<>(1);

    OutputFile(String path, Kind kind) {
      super(URI.create("mem:///" + path), kind);
    }

    synchronized String text() {
      if (content.isEmpty()) {
        return "";
      }
      Object c = content.get(0);
      return c instanceof StringWriter w
          ? w.toString()
          : new String(((ByteArrayOutputStream) c).toByteArray(), StandardCharsets.UTF_8);
    }

    @Override
    public synchronized Writer openWriter() {
      StringWriter w = new StringWriter();
      content.clear();
      content.add(w);
      return w;
    }

    @Override
    public synchronized OutputStream openOutputStream() {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      content.clear();
      content.add(out);
      return out;
    }

    @Override
    public CharSequence getCharContent(boolean ignoreEncodingErrors) {
      return text();
    }
  }

  /** A source to compile, held in memory. */
  static final class SourceFile extends SimpleJavaFileObject {
    private final String text;

    SourceFile(JavaSource source) {
      super(URI.create("mem:///" + source.path()), Kind.SOURCE);
      this.text = source.text();
    }

    @Override
    public CharSequence getCharContent(boolean ignoreEncodingErrors) {
      return text;
    }
  }

  /** Turns a file object's URI back into the path relative to the source root. */
  static String pathOf(FileObject file) {
    if (file == null) {
      return null;
    }
    URI uri = file.toUri();
    if ("mem".equals(uri.getScheme())) {
      String p = uri.getPath();
      return p.startsWith("/") ? p.substring(1) : p;
    }
    return file.getName();
  }

  /** Nothing in here needs the location-based lookup of {@link JavaFileManager}; see javac. */
  static List<JavaFileObject> sources(List<JavaSource> sources) {
    List<JavaFileObject> out = new ArrayList<>(sources.size());
    for (JavaSource s : sources) {
      out.add(new SourceFile(s));
    }
    return out;
  }
}
