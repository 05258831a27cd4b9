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
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/**
 * {@code Elements.getAllMembers} of each type, read once: javac builds that list anew on every call
 * (a scope walk over the type and its supertypes), and the processor asks for the same few types
 * (the class of the methods, its enclosing classes, {@code Object}) for every method of a class.
 * One cache serves the methods of one class in one round, when no member of those types changes.
 */
public final class MemberCache {
  private final Elements elements;
  private final Map<TypeElement, List<? extends Element>> cache = new HashMap<>();

  public MemberCache(Elements elements) {
    this.elements = elements;
  }

  /** Every member of {@code type}, inherited ones included. */
  public List<? extends Element> of(TypeElement type) {
    return cache.computeIfAbsent(type, t -> new ArrayList<>(elements.getAllMembers(t)));
  }
}
