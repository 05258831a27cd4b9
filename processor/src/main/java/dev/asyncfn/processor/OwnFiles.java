/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.processor;

import java.io.IOException;
import java.util.Set;
import javax.annotation.processing.Filer;
import javax.lang.model.element.Element;
import javax.tools.FileObject;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;

/**
 * javac's {@link Filer}, noting the name of each source file this processor creates: a round whose
 * new types are all ours tells that no other processor is generating (see {@link AsyncProcessor}).
 */
final class OwnFiles implements Filer {
  private final Filer filer;
  private final Set<String> names;

  OwnFiles(Filer filer, Set<String> names) {
    this.filer = filer;
    this.names = names;
  }

  @Override
  public JavaFileObject createSourceFile(CharSequence name, Element... originatingElements)
      throws IOException {
    JavaFileObject file = filer.createSourceFile(name, originatingElements);
    // the type's name, without a module prefix ("module/pkg.Type")
    String type = name.toString();
    names.add(type.substring(type.indexOf('/') + 1));
    return file;
  }

  @Override
  public JavaFileObject createClassFile(CharSequence name, Element... originatingElements)
      throws IOException {
    return filer.createClassFile(name, originatingElements);
  }

  @Override
  public FileObject createResource(
      JavaFileManager.Location location,
      CharSequence moduleAndPkg,
      CharSequence relativeName,
      Element... originatingElements)
      throws IOException {
    return filer.createResource(location, moduleAndPkg, relativeName, originatingElements);
  }

  @Override
  public FileObject getResource(
      JavaFileManager.Location location, CharSequence moduleAndPkg, CharSequence relativeName)
      throws IOException {
    return filer.getResource(location, moduleAndPkg, relativeName);
  }
}
