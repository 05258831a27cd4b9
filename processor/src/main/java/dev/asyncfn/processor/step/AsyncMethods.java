/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.processor.step;

import dev.asyncfn.processor.analysis.EnclosingClasses;
import dev.asyncfn.processor.model.AsyncMethod;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/** The {@code @Async} methods of a class and the names of what is generated for each. */
public final class AsyncMethods {
  static final String ASYNC = "dev.asyncfn.Async";

  /**
   * The annotations that make a method async: {@code @Async}, and the test annotations of {@code
   * asyncfn-junit} (a test method that may await), which are processed exactly like it.
   */
  public static final List<String> ANNOTATIONS =
      List.of(ASYNC, "dev.asyncfn.junit.AsyncTest", "dev.asyncfn.junit.AsyncParameterizedTest");

  private AsyncMethods() {}

  /**
   * The {@code @Async} methods of {@code owner} that get a machine, in declaration order: {@code
   * OuterAsync_name}, overloads {@code _2}, {@code _3}... by declaration order.
   */
  static List<AsyncMethod> of(TypeElement owner, Elements elements) {
    String pkg = packageOf(owner, elements);
    String companion = EnclosingClasses.nameInPackage(owner).replace('.', '_') + "Async";
    List<AsyncMethod> out = new ArrayList<>();
    Map<String, Integer> seen = new HashMap<>();
    for (Element e : owner.getEnclosedElements()) {
      if (e.getKind() != ElementKind.METHOD || !isAsync(e)) {
        continue;
      }
      ExecutableElement m = (ExecutableElement) e;
      if (m.getModifiers().contains(Modifier.ABSTRACT)
          || m.getModifiers().contains(Modifier.NATIVE)) {
        continue;
      }
      String name = m.getSimpleName().toString();
      int n = seen.merge(name, 1, Integer::sum);
      String machine = companion + "_" + name + (n == 1 ? "" : "_" + n);
      out.add(new AsyncMethod(owner, m, companion, machine, pkg));
    }
    return out;
  }

  /** Whether {@code e} is annotated {@code @Async} (or one of the other {@link #ANNOTATIONS}). */
  static boolean isAsync(Element e) {
    return e.getAnnotationMirrors().stream()
        .anyMatch(a -> ANNOTATIONS.contains(a.getAnnotationType().toString()));
  }

  /** A key of a method that is stable from round to round (elements are not). */
  static String key(ExecutableElement m) {
    return m.getSimpleName() + m.getParameters().toString() + m.asType();
  }

  static String packageOf(TypeElement owner, Elements elements) {
    PackageElement p = elements.getPackageOf(owner);
    return p.isUnnamed() ? "" : p.getQualifiedName().toString();
  }

  /** Whether {@code owner} has (or inherits) a method named {@code name}. */
  static boolean hasMethod(TypeElement owner, String name, Elements elements) {
    for (Element e : elements.getAllMembers(owner)) {
      if (e.getKind() == ElementKind.METHOD && e.getSimpleName().contentEquals(name)) {
        return true;
      }
    }
    return false;
  }
}
