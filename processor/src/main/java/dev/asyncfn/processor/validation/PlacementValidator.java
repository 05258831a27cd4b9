/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.processor.validation;

import dev.asyncfn.processor.diagnostics.Message;
import dev.asyncfn.processor.diagnostics.Reporter;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;

/**
 * Where {@code @Async} may be: on a method with a body, of a class the generated companion can
 * name. Reported on the method (a signature problem), before anything is generated for it.
 */
public final class PlacementValidator {
  private final Reporter reporter;

  public PlacementValidator(Reporter reporter) {
    this.reporter = reporter;
  }

  /** Reports a misplaced {@code @Async} on {@code m}; returns whether its placement is valid. */
  public boolean validate(ExecutableElement m) {
    TypeElement owner = (TypeElement) m.getEnclosingElement();
    Set<Modifier> mods = m.getModifiers();
    if (mods.contains(Modifier.ABSTRACT) || mods.contains(Modifier.NATIVE)) {
      reporter.at(m, Message.UNSUPPORTED_METHOD, "an abstract or native method");
      return false;
    }
    if (owner.getKind() == ElementKind.ANNOTATION_TYPE) {
      reporter.at(m, Message.UNSUPPORTED_METHOD, "a method of an annotation type");
      return false;
    }
    for (Element t = owner; t instanceof TypeElement; t = t.getEnclosingElement()) {
      NestingKind nesting = ((TypeElement) t).getNestingKind();
      if (t.getModifiers().contains(Modifier.PRIVATE)
          || nesting == NestingKind.LOCAL
          || nesting == NestingKind.ANONYMOUS) {
        reporter.at(m, Message.INACCESSIBLE_CLASS, owner.getQualifiedName());
        return false;
      }
    }
    return true;
  }
}
