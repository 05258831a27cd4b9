/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.module.ModuleDescriptor;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The runtime's dependency rules, checked on its sources and classes (see {@code
 * docs/architecture.md} and the package documentation of {@code dev.asyncfn.runtime.internal}):
 * internal code never reaches the API entry points, the runtime's parts never reach the handle or
 * the executors, and no public API signature exposes an internal type, so that a module descriptor
 * can export the API packages alone; and that the module descriptor does export exactly those.
 */
class ArchitectureTest {
  private static final Path SOURCES = Path.of("src/main/java");
  private static final String RUNTIME = "dev.asyncfn.runtime.";
  private static final String INTERNAL = RUNTIME + "internal.";

  /**
   * The API types internal code may use: the vocabulary of futures, streams and tasks, nothing
   * more.
   */
  private static final Set<String> CORE =
      Set.of(
          "Future", "Poll", "Context", "Waker", "JoinHandle", "AbortHandle", "CancelledException",
          "ThrowingFuture", "stream.AsyncStream", "stream.ThrowingStream");

  private static final Pattern COMMENT = Pattern.compile("(?s)/\\*.*?\\*/|//[^\n]*");
  private static final Pattern STRING = Pattern.compile("\"(?:\\\\.|[^\"\\\\])*\"");
  private static final Pattern REFERENCE =
      Pattern.compile("\\bdev\\.asyncfn\\.runtime\\.((?:[a-z]\\w*\\.)*)([A-Z]\\w*)");

  @Test
  void internalCodeUsesOnlyTheCoreApiTypes() {
    List<String> violations = new ArrayList<>();
    for (Path file : sources()) {
      if (!packageOf(file).startsWith(INTERNAL)) {
        continue;
      }
      for (String ref : references(file)) {
        if (!ref.startsWith(INTERNAL) && !CORE.contains(ref.substring(RUNTIME.length()))) {
          violations.add(file + " uses " + ref);
        }
      }
    }
    assertEquals(List.of(), violations);
  }

  @Test
  void theRuntimesPartsKnowNeitherTheHandleNorTheExecutors() {
    List<String> violations = new ArrayList<>();
    for (Path file : sources()) {
      String pkg = packageOf(file);
      boolean part =
          Stream.of("task", "time", "reactor", "blocking")
              .anyMatch(p -> pkg.equals(INTERNAL + p));
      for (String ref : references(file)) {
        boolean executor = ref.startsWith(INTERNAL + "executor.");
        boolean handle = ref.startsWith(INTERNAL + "handle.");
        if ((part && (executor || handle)) || (pkg.equals(INTERNAL + "handle") && executor)) {
          violations.add(file + " uses " + ref);
        }
      }
    }
    assertEquals(List.of(), violations);
  }

  @Test
  void noPublicApiSignatureExposesAnInternalType() throws ClassNotFoundException {
    Set<String> violations = new TreeSet<>();
    for (Path file : sources()) {
      String pkg = packageOf(file);
      String name = file.getFileName().toString().replace(".java", "");
      if (pkg.startsWith(INTERNAL) || name.equals("package-info")) {
        continue;
      }
      checkApi(Class.forName(pkg + "." + name), violations);
    }
    assertEquals(Set.of(), violations);
  }

  @Test
  void everyPackageSaysWhatItIs() {
    Set<String> packages = new TreeSet<>();
    Set<String> documented = new TreeSet<>();
    for (Path file : sources()) {
      packages.add(packageOf(file));
      if (file.getFileName().toString().equals("package-info.java")) {
        documented.add(packageOf(file));
      }
    }
    packages.removeAll(documented);
    assertFalse(packages.contains(""), "a source outside any package");
    packages.remove("dev.asyncfn.runtime"); // the API root: Future, AsyncRuntime, ... say it
    assertEquals(Set.of(), packages, "packages without a package-info.java");
  }

  @Test
  void theModuleExportsEveryApiPackageAndNoInternalOne() throws IOException {
    Set<String> api = new TreeSet<>();
    for (Path file : sources()) {
      String pkg = packageOf(file);
      if (!(pkg + ".").startsWith(INTERNAL)) {
        api.add(pkg);
      }
    }
    ModuleDescriptor module;
    try (InputStream in = Files.newInputStream(Path.of("target/classes/module-info.class"))) {
      module = ModuleDescriptor.read(in);
    }
    assertEquals("dev.asyncfn.runtime", module.name());
    Set<String> exported = new TreeSet<>();
    for (ModuleDescriptor.Exports e : module.exports()) {
      assertFalse(e.isQualified(), e + ": exported to everyone or not at all");
      exported.add(e.source());
    }
    assertEquals(api, exported, "exported packages: the API ones, support included");
    Set<String> requires =
        module.requires().stream().map(ModuleDescriptor.Requires::name).collect(Collectors.toSet());
    assertEquals(Set.of("java.base"), requires, "no dependency beyond java.base");
  }

  private static void checkApi(Class<?> type, Set<String> violations) {
    if (!Modifier.isPublic(type.getModifiers())) {
      return;
    }
    List<Type> exposed = new ArrayList<>();
    exposed.add(type.getGenericSuperclass());
    exposed.addAll(List.of(type.getGenericInterfaces()));
    for (Constructor<?> c : type.getDeclaredConstructors()) {
      if (visible(c.getModifiers())) {
        exposed.addAll(List.of(c.getGenericParameterTypes()));
        exposed.addAll(List.of(c.getGenericExceptionTypes()));
      }
    }
    for (Method m : type.getDeclaredMethods()) {
      if (visible(m.getModifiers()) && !m.isSynthetic()) {
        exposed.add(m.getGenericReturnType());
        exposed.addAll(List.of(m.getGenericParameterTypes()));
        exposed.addAll(List.of(m.getGenericExceptionTypes()));
      }
    }
    for (Field f : type.getDeclaredFields()) {
      if (visible(f.getModifiers())) {
        exposed.add(f.getGenericType());
      }
    }
    for (Type t : exposed) {
      for (Class<?> c : classesIn(t)) {
        if (c.getName().startsWith(INTERNAL)) {
          violations.add(type.getName() + " exposes " + c.getName());
        }
      }
    }
    for (Class<?> nested : type.getDeclaredClasses()) {
      checkApi(nested, violations);
    }
  }

  private static boolean visible(int modifiers) {
    return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers);
  }

  private static List<Class<?>> classesIn(Type t) {
    List<Class<?>> out = new ArrayList<>();
    if (t instanceof Class<?>) {
      Class<?> c = (Class<?>) t;
      out.add(c.isArray() ? c.getComponentType() : c);
    } else if (t instanceof ParameterizedType) {
      ParameterizedType p = (ParameterizedType) t;
      out.addAll(classesIn(p.getRawType()));
      for (Type arg : p.getActualTypeArguments()) {
        out.addAll(classesIn(arg));
      }
    } else if (t instanceof GenericArrayType) {
      out.addAll(classesIn(((GenericArrayType) t).getGenericComponentType()));
    } else if (t instanceof WildcardType) {
      for (Type b : ((WildcardType) t).getUpperBounds()) {
        out.addAll(classesIn(b));
      }
      for (Type b : ((WildcardType) t).getLowerBounds()) {
        out.addAll(classesIn(b));
      }
    } else if (t instanceof TypeVariable<?>) {
      // Bounds of type variables are declared types; their own references are checked there.
    }
    return out;
  }

  private static List<Path> sources() {
    try (Stream<Path> files = Files.walk(SOURCES)) {
      return files
          .filter(f -> f.toString().endsWith(".java"))
          .filter(f -> !f.getFileName().toString().equals("module-info.java"))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String packageOf(Path file) {
    return SOURCES.relativize(file.getParent()).toString().replace('/', '.').replace('\\', '.');
  }

  /** Every runtime type a source names, imports included; comments and strings do not count. */
  private static Set<String> references(Path file) {
    String code;
    try {
      code = Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    code = STRING.matcher(COMMENT.matcher(code).replaceAll(" ")).replaceAll("\"\"");
    Set<String> refs = new TreeSet<>();
    Matcher m = REFERENCE.matcher(code);
    while (m.find()) {
      refs.add(RUNTIME + m.group(1) + m.group(2));
    }
    assertFalse(code.matches("(?s).*import dev\\.asyncfn\\.runtime[\\w.]*\\.\\*;.*"),
        file + " imports on demand: this test cannot see what it uses");
    return refs;
  }
}
