/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.processor.analysis;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/**
 * {@code Elements.getTypeElement}, each answer kept for the round: a name that names no type costs
 * javac a search of the class path on every call, and the machines of one round ask about the same
 * names again and again (each simple name of a body as a {@code java.lang} type, the runtime's
 * types in the user's package). A new round forgets every answer, since the types generated in the
 * previous one exist now.
 */
public final class TypeNames {
  private final Elements elements;
  private final Map<String, Optional<TypeElement>> known = new HashMap<>();

  public TypeNames(Elements elements) {
    this.elements = elements;
  }

  /** The type of this canonical name, or null. */
  public TypeElement get(String qualifiedName) {
    Optional<TypeElement> type = known.get(qualifiedName);
    if (type == null) {
      type = Optional.ofNullable(elements.getTypeElement(qualifiedName));
      known.put(qualifiedName, type);
    }
    return type.orElse(null);
  }

  /** Forgets every answer: called as a round begins. */
  public void newRound() {
    known.clear();
  }
}
