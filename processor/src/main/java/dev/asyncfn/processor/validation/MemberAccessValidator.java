/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.processor.validation;

import com.sun.source.tree.CompilationUnitTree;
import dev.asyncfn.processor.analysis.BodyNames;
import dev.asyncfn.processor.diagnostics.Message;
import dev.asyncfn.processor.diagnostics.Reporter;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;

/**
 * Which members of the enclosing classes an {@code @Async} body uses that the machine, another
 * top-level class, cannot reach even through a handle: a private class (no other class can name
 * it), the enclosing instance of an inner class, and an interface's default method through {@code
 * Iface.super}. Private fields, methods and constructors, inherited protected members and {@code
 * super} calls are reached through accessors ({@code transform.MemberAccess}). Each use is
 * reported at its tree.
 */
public final class MemberAccessValidator {
  private final Reporter reporter;

  public MemberAccessValidator(Reporter reporter) {
    this.reporter = reporter;
  }

  /** Reports every unreachable member use; returns whether there was none. */
  public boolean validate(
      BodyNames names, CompilationUnitTree unit, TypeElement owner, String packageName) {
    boolean ok = true;
    for (BodyNames.MemberUse use : names.memberUses()) {
      switch (use.kind()) {
        case SUPER:
          if (use.text().endsWith(".super")) {
            // Iface.super.m(): an interface's default method, called non-virtually
            reporter.at(use.tree(), unit, Message.SUPER_CALL, use.text(), owner.getSimpleName());
            ok = false;
          }
          break;
        case OUTER_THIS:
          outerInstance(use, unit, owner);
          ok = false;
          break;
        case TYPE:
          if (use.member().getModifiers().contains(Modifier.PRIVATE)) {
            reporter.at(
                use.tree(), unit, Message.PRIVATE_TYPE, use.text(), use.foundIn().getSimpleName());
            ok = false;
          }
          break;
        case FIELD_OR_METHOD:
          if (!use.member().getModifiers().contains(Modifier.STATIC)
              && !use.foundIn().equals(owner)) {
            outerInstance(use, unit, owner);
            ok = false;
          }
          break;
        default:
      }
    }
    return ok;
  }

  private void outerInstance(BodyNames.MemberUse use, CompilationUnitTree unit, TypeElement owner) {
    reporter.at(
        use.tree(),
        unit,
        Message.OUTER_INSTANCE,
        "'" + use.text() + "'",
        owner.getSimpleName(),
        owner.getSimpleName());
  }
}
