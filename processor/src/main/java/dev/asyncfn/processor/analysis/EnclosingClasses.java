/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.processor.analysis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.util.Elements;

/**
 * The members a simple name of an {@code @Async} body can find in the classes around it: the
 * method's class, then each class it is nested in (JLS 6.5: the innermost class with a member of
 * that name wins), each with what it inherits. Member lists are read once per class.
 */
public final class EnclosingClasses {
  /** A member found by a simple name, and the enclosing class it was found in. */
  record Found(Element member, TypeElement in) {}

  private final Elements elements;
  private final TypeElement owner;
  private final Map<TypeElement, List<? extends Element>> cache = new HashMap<>();

  EnclosingClasses(Elements elements, TypeElement owner) {
    this.elements = elements;
    this.owner = owner;
  }

  /** Every member of {@code type}, inherited ones included. */
  List<? extends Element> members(TypeElement type) {
    return cache.computeIfAbsent(type, t -> new ArrayList<>(elements.getAllMembers(t)));
  }

  /** {@code java.lang.Object}'s members, which every class (a local or anonymous one) has. */
  List<? extends Element> objectMembers() {
    return members(elements.getTypeElement("java.lang.Object"));
  }

  /** The field or enum constant {@code name} names, or null. */
  Found field(String name) {
    for (TypeElement in = owner; in != null; in = enclosingType(in)) {
      for (Element m : members(in)) {
        if ((m.getKind() == ElementKind.FIELD || m.getKind() == ElementKind.ENUM_CONSTANT)
            && m.getSimpleName().contentEquals(name)) {
          return new Found(m, in);
        }
      }
    }
    return null;
  }

  /**
   * A method {@code name} names, or null: in the innermost class that has one, an instance
   * method if there is one (whether a call needs the receiver is what matters).
   */
  Found method(String name) {
    for (TypeElement in = owner; in != null; in = enclosingType(in)) {
      Element pick = null;
      for (Element m : members(in)) {
        if (m.getKind() == ElementKind.METHOD && m.getSimpleName().contentEquals(name)) {
          if (pick == null || !m.getModifiers().contains(Modifier.STATIC)) {
            pick = m;
          }
        }
      }
      if (pick != null) {
        return new Found(pick, in);
      }
    }
    return null;
  }

  /** The member type {@code name} names, or null. */
  Found type(String name) {
    for (TypeElement in = owner; in != null; in = enclosingType(in)) {
      for (Element m : members(in)) {
        if ((m.getKind().isClass() || m.getKind().isInterface())
            && m.getSimpleName().contentEquals(name)) {
          return new Found(m, in);
        }
      }
    }
    return null;
  }

  /** The constant variable (a field with a constant value) {@code name} names, or null. */
  Element constant(String name) {
    for (TypeElement in = owner; in != null; in = enclosingType(in)) {
      for (Element m : members(in)) {
        if (m.getKind() == ElementKind.FIELD
            && m.getSimpleName().contentEquals(name)
            && ((VariableElement) m).getConstantValue() != null) {
          return m;
        }
      }
    }
    return null;
  }

  private static TypeElement enclosingType(TypeElement type) {
    if (type.getNestingKind() != NestingKind.MEMBER) {
      return null;
    }
    Element e = type.getEnclosingElement();
    return e instanceof TypeElement ? (TypeElement) e : null;
  }

  /** {@code Outer.Inner} for a type in the owner's package (what generated code can write). */
  public static String nameInPackage(TypeElement type) {
    StringBuilder sb = new StringBuilder(type.getSimpleName());
    Element e = type.getEnclosingElement();
    while (e instanceof TypeElement) {
      sb.insert(0, e.getSimpleName() + ".");
      e = e.getEnclosingElement();
    }
    return sb.toString();
  }
}
