/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.processor.analysis;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ImportTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.Tree;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.util.Elements;

/**
 * The names a compilation unit can see without attribution, resolved as javac's scoping rules
 * (JLS 6.4.1) order them: member types of the owner and its enclosing classes, single-type
 * imports, types of the same package, on-demand imports, {@code java.lang}; and fields brought in
 * by static imports. Answers "which type does {@code Counter} in {@code Counter.sc} mean" and
 * "which field does a statically imported {@code sc} mean", so that the lowering can tell a value
 * that may change (a non-final field) from one that cannot.
 */
public final class TypeScope {
  private final Elements elements;
  private final TypeNames typeNames;
  private final MemberCache members;
  private final TypeElement owner;
  private final String packageName;
  private final List<String> singleTypeImports = new ArrayList<>();
  private final List<String> onDemandImports = new ArrayList<>();
  private final List<String[]> staticImports = new ArrayList<>();
  private final Map<String, Optional<TypeElement>> typeCache = new HashMap<>();

  public TypeScope(Elements elements, TypeElement owner, CompilationUnitTree unit) {
    this(new MemberCache(elements), new TypeNames(elements), elements, owner, unit);
  }

  /**
   * The scope of {@code owner}'s methods in {@code unit}, members read through {@code members},
   * types looked up through {@code typeNames}.
   */
  public TypeScope(
      MemberCache members,
      TypeNames typeNames,
      Elements elements,
      TypeElement owner,
      CompilationUnitTree unit) {
    this.members = members;
    this.typeNames = typeNames;
    this.elements = elements;
    this.owner = owner;
    PackageElement pkg = elements.getPackageOf(owner);
    this.packageName = pkg.isUnnamed() ? "" : pkg.getQualifiedName().toString();
    for (ImportTree imp : unit.getImports()) {
      String name = imp.getQualifiedIdentifier().toString();
      int dot = name.lastIndexOf('.');
      if (dot < 0) {
        continue;
      }
      String container = name.substring(0, dot);
      String last = name.substring(dot + 1);
      if (imp.isStatic()) {
        staticImports.add(new String[] {container, last});
      } else if (last.equals("*")) {
        onDemandImports.add(container);
      } else {
        singleTypeImports.add(name);
      }
    }
  }

  /** The type a simple name means in the owner's body, if it names one. */
  public Optional<TypeElement> type(String simpleName) {
    return typeCache.computeIfAbsent(simpleName, this::lookupType);
  }

  private Optional<TypeElement> lookupType(String name) {
    for (TypeElement scope = owner; scope != null; scope = enclosingType(scope)) {
      if (scope.getSimpleName().contentEquals(name)) {
        return Optional.of(scope);
      }
      for (Element m : members.of(scope)) {
        if ((m.getKind().isClass() || m.getKind().isInterface())
            && m.getSimpleName().contentEquals(name)) {
          return Optional.of((TypeElement) m);
        }
      }
    }
    for (String imported : singleTypeImports) {
      if (imported.endsWith("." + name)) {
        TypeElement t = typeNames.get(imported);
        if (t != null) {
          return Optional.of(t);
        }
      }
    }
    TypeElement same =
        typeNames.get(packageName.isEmpty() ? name : packageName + "." + name);
    if (same != null) {
      return Optional.of(same);
    }
    for (String container : onDemandImports) {
      TypeElement t = typeNames.get(container + "." + name);
      if (t != null) {
        return Optional.of(t);
      }
    }
    return Optional.ofNullable(typeNames.get("java.lang." + name));
  }

  /** The member lists this scope reads (shared by the methods of one class). */
  public MemberCache members() {
    return members;
  }

  /** Every method of {@code type} named {@code name}, inherited ones included. */
  public List<javax.lang.model.element.ExecutableElement> methods(TypeElement type, String name) {
    List<javax.lang.model.element.ExecutableElement> out = new ArrayList<>();
    for (Element m : members.of(type)) {
      if (m.getKind() == ElementKind.METHOD && m.getSimpleName().contentEquals(name)) {
        out.add((javax.lang.model.element.ExecutableElement) m);
      }
    }
    return out;
  }

  /**
   * The methods a simple method name means in the owner's body: those of the innermost enclosing
   * class that has a method of that name (JLS 15.12.1).
   */
  public List<javax.lang.model.element.ExecutableElement> methodsInScope(String name) {
    for (TypeElement scope = owner; scope != null; scope = enclosingType(scope)) {
      List<javax.lang.model.element.ExecutableElement> found = methods(scope, name);
      if (!found.isEmpty()) {
        return found;
      }
    }
    return List.of();
  }

  /** The type of that qualified name, which must exist (a JDK type). */
  public TypeElement typeNamed(String qualifiedName) {
    return typeNames.get(qualifiedName);
  }

  /** The static field a simple name means through the unit's static imports, if any. */
  public Optional<VariableElement> staticallyImportedField(String simpleName) {
    // single-static-import declarations shadow static-import-on-demand ones (JLS 6.4.1)
    for (boolean onDemand : new boolean[] {false, true}) {
      for (String[] imp : staticImports) {
        if (imp[1].equals("*") != onDemand || (!onDemand && !imp[1].equals(simpleName))) {
          continue;
        }
        TypeElement container = typeNames.get(imp[0]);
        if (container == null) {
          continue;
        }
        Optional<VariableElement> f = field(container, simpleName, true);
        if (f.isPresent()) {
          return f;
        }
      }
    }
    return Optional.empty();
  }

  /** The member type a simple name means through the unit's static imports, if any. */
  public Optional<TypeElement> staticallyImportedType(String simpleName) {
    for (String[] imp : staticImports) {
      if (!imp[1].equals("*") && !imp[1].equals(simpleName)) {
        continue;
      }
      TypeElement container = typeNames.get(imp[0]);
      if (container == null) {
        continue;
      }
      for (Element m : members.of(container)) {
        if ((m.getKind().isClass() || m.getKind().isInterface())
            && m.getSimpleName().contentEquals(simpleName)) {
          return Optional.of((TypeElement) m);
        }
      }
    }
    return Optional.empty();
  }

  /** The static methods a simple name means through the unit's static imports. */
  public List<javax.lang.model.element.ExecutableElement> staticallyImportedMethods(
      String simpleName) {
    List<javax.lang.model.element.ExecutableElement> out = new ArrayList<>();
    for (boolean onDemand : new boolean[] {false, true}) {
      for (String[] imp : staticImports) {
        if (imp[1].equals("*") != onDemand || (!onDemand && !imp[1].equals(simpleName))) {
          continue;
        }
        TypeElement container = typeNames.get(imp[0]);
        if (container == null) {
          continue;
        }
        for (Element m : members.of(container)) {
          if (m.getKind() == ElementKind.METHOD
              && m.getSimpleName().contentEquals(simpleName)
              && m.getModifiers().contains(Modifier.STATIC)) {
            out.add((javax.lang.model.element.ExecutableElement) m);
          }
        }
      }
      if (!out.isEmpty()) {
        return out;
      }
    }
    return out;
  }

  /**
   * What a qualified name such as {@code Counter.sc}, {@code java.lang.System.out} or {@code
   * Outer.Inner.LIMIT} means, when it is a chain of types and fields: the last element (a type or
   * a field), or empty when any part of it is not a type, package or field (a local, a call).
   */
  public Optional<Element> qualified(Tree tree) {
    Object r = resolveQualified(tree);
    return r instanceof Element ? Optional.of((Element) r) : Optional.empty();
  }

  /**
   * A type, field or package element, or a package name as a {@code String} (a prefix such as
   * {@code java} has no package element of its own), or null.
   */
  private Object resolveQualified(Tree tree) {
    if (tree instanceof com.sun.source.tree.IdentifierTree) {
      String name = ((com.sun.source.tree.IdentifierTree) tree).getName().toString();
      Optional<TypeElement> t = type(name);
      if (t.isPresent()) {
        return t.get();
      }
      PackageElement p = elements.getPackageElement(name);
      return p != null ? p : name;
    }
    if (!(tree instanceof MemberSelectTree)) {
      return null;
    }
    MemberSelectTree ms = (MemberSelectTree) tree;
    Object left = resolveQualified(ms.getExpression());
    if (left == null) {
      return null;
    }
    String name = ms.getIdentifier().toString();
    if (left instanceof String || left instanceof PackageElement) {
      String prefix =
          left instanceof String ? (String) left : ((PackageElement) left).getQualifiedName().toString();
      String q = prefix + "." + name;
      TypeElement t = typeNames.get(q);
      if (t != null) {
        return t;
      }
      PackageElement p = elements.getPackageElement(q);
      return p != null ? p : q;
    }
    if (left instanceof TypeElement) {
      TypeElement type = (TypeElement) left;
      Optional<VariableElement> f = field(type, name, true);
      if (f.isPresent()) {
        return f.get();
      }
      for (Element m : members.of(type)) {
        if ((m.getKind().isClass() || m.getKind().isInterface())
            && m.getSimpleName().contentEquals(name)) {
          return m;
        }
      }
      return null;
    }
    // a field: the next name is a field of its type
    Element e = (Element) left;
    if (e instanceof VariableElement
        && e.asType() instanceof javax.lang.model.type.DeclaredType) {
      TypeElement type =
          (TypeElement) ((javax.lang.model.type.DeclaredType) e.asType()).asElement();
      return field(type, name, false).orElse(null);
    }
    return null;
  }


  private Optional<VariableElement> field(TypeElement type, String name, boolean staticOnly) {
    for (Element m : members.of(type)) {
      if ((m.getKind() == ElementKind.FIELD || m.getKind() == ElementKind.ENUM_CONSTANT)
          && m.getSimpleName().contentEquals(name)
          && (!staticOnly || m.getModifiers().contains(Modifier.STATIC))) {
        return Optional.of((VariableElement) m);
      }
    }
    return Optional.empty();
  }

  private static TypeElement enclosingType(TypeElement type) {
    if (type.getNestingKind() != NestingKind.MEMBER) {
      return null;
    }
    Element e = type.getEnclosingElement();
    return e instanceof TypeElement ? (TypeElement) e : null;
  }
}
