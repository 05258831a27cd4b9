/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.processor.fuzz;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One generated class: its {@code @Async} methods over a fixed set of fields and helpers (which
 * {@link ProgramPrinter} writes as far as the methods use them).
 *
 * @param seed the seed it was generated from (the same seed gives the same program)
 * @param packageName its own package, so that a failure is attributed to it alone
 * @param className its simple name
 * @param methods its {@code @Async} methods; a method calls only methods before it
 */
record Program(long seed, String packageName, String className, List<Method> methods) {

  Program {
    methods = List.copyOf(methods);
  }

  /** The binary name of the class. */
  String binaryName() {
    return packageName + "." + className;
  }

  /** The companion's simple name. */
  String companion() {
    return className + "Async";
  }

  /** The method called {@code name}. */
  Method method(String name) {
    for (Method m : methods) {
      if (m.name().equals(name)) {
        return m;
      }
    }
    throw new IllegalArgumentException("no method " + name + " in " + binaryName());
  }

  /** The same program with other methods. */
  Program withMethods(List<Method> newMethods) {
    return new Program(seed, packageName, className, newMethods);
  }

  /** The same program with {@code m} in place of the method of the same name. */
  Program replace(Method m) {
    List<Method> out = new ArrayList<>();
    for (Method x : methods) {
      out.add(x.name().equals(m.name()) ? m : x);
    }
    return withMethods(out);
  }

  /** A parameter. */
  record Param(JType type, String name) {}

  /**
   * One {@code @Async} method and the arguments the test calls it with.
   *
   * @param returnType null for {@code void}
   * @param throwsType a checked exception it declares ({@code IOException}), or null
   * @param args one value per parameter (boxed; null for a null reference)
   */
  record Method(
      String name,
      boolean isStatic,
      JType returnType,
      List<Param> params,
      String throwsType,
      Stmt.Block body,
      List<Object> args) {

    Method {
      params = List.copyOf(params);
      args = Collections.unmodifiableList(new ArrayList<>(args));
    }

    /** The same method without its parameter {@code i} (and that argument). */
    Method withoutParam(int i) {
      List<Param> ps = new ArrayList<>(params);
      ps.remove(i);
      List<Object> as = new ArrayList<>(args);
      as.remove(i);
      return new Method(name, isStatic, returnType, ps, throwsType, body, as);
    }

    /** The same method with another body. */
    Method withBody(Stmt.Block newBody) {
      return new Method(name, isStatic, returnType, params, throwsType, newBody, args);
    }
  }
}
