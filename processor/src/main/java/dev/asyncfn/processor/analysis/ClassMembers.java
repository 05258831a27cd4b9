/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.processor.analysis;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;

/**
 * The names of the fields, methods and member types of a local or anonymous class: those its body
 * declares and those it inherits. Inside the body they shadow the enclosing method's locals and the
 * enclosing classes' members of the same names.
 */
record ClassMembers(Set<String> fields, Set<String> methods, Set<String> types) {
  static final ClassMembers NONE = new ClassMembers(Set.of(), Set.of(), Set.of());

  /** The members of {@code body}, with those of each of {@code supertypes} as resolved. */
  static ClassMembers of(
      ClassTree body, List<? extends Tree> supertypes, Function<Tree, ClassMembers> inherited) {
    Set<String> fields = new HashSet<>();
    Set<String> methods = new HashSet<>();
    Set<String> types = new HashSet<>();
    for (Tree m : body.getMembers()) {
      if (m instanceof VariableTree) {
        fields.add(((VariableTree) m).getName().toString());
      } else if (m instanceof MethodTree) {
        methods.add(((MethodTree) m).getName().toString());
      } else if (m instanceof ClassTree) {
        types.add(((ClassTree) m).getSimpleName().toString());
      }
    }
    for (Tree t : supertypes) {
      ClassMembers s = inherited.apply(t);
      fields.addAll(s.fields());
      methods.addAll(s.methods());
      types.addAll(s.types());
    }
    return new ClassMembers(Set.copyOf(fields), Set.copyOf(methods), Set.copyOf(types));
  }

  /** These members and {@code other}'s. */
  ClassMembers plus(ClassMembers other) {
    return new ClassMembers(
        union(fields, other.fields), union(methods, other.methods), union(types, other.types));
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> u = new HashSet<>(a);
    u.addAll(b);
    return Set.copyOf(u);
  }

  /** The members of a compiled type, as {@code Elements.getAllMembers} lists them. */
  static ClassMembers of(List<? extends Element> members) {
    Set<String> fields = new HashSet<>();
    Set<String> methods = new HashSet<>();
    Set<String> types = new HashSet<>();
    for (Element m : members) {
      String name = m.getSimpleName().toString();
      if (m.getKind() == ElementKind.FIELD || m.getKind() == ElementKind.ENUM_CONSTANT) {
        fields.add(name);
      } else if (m.getKind() == ElementKind.METHOD) {
        methods.add(name);
      } else if (m.getKind().isClass() || m.getKind().isInterface()) {
        types.add(name);
      }
    }
    return new ClassMembers(Set.copyOf(fields), Set.copyOf(methods), Set.copyOf(types));
  }
}
