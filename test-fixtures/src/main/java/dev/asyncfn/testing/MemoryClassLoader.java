/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.testing;

import java.util.Map;

/**
 * Loads the classes of one compilation from memory, delegating everything else to the test's own
 * class loader, so that the compiled code shares {@link Trace}, {@link TestFutures} and the runtime
 * with the test that runs it.
 */
final class MemoryClassLoader extends ClassLoader {
  static {
    registerAsParallelCapable();
  }

  private final Map<String, byte[]> classes;

  MemoryClassLoader(Map<String, byte[]> classes, ClassLoader parent) {
    super("asyncfn-compiled", parent);
    this.classes = Map.copyOf(classes);
  }

  @Override
  protected Class<?> findClass(String name) throws ClassNotFoundException {
    byte[] bytes = classes.get(name);
    if (bytes == null) {
      throw new ClassNotFoundException(name);
    }
    return defineClass(name, bytes, 0, bytes.length);
  }
}
