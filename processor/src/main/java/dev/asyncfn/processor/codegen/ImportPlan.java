/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.processor.codegen;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ImportTree;
import dev.asyncfn.processor.analysis.SourceText;
import dev.asyncfn.processor.analysis.TypeNames;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.TypeElement;

/**
 * The imports of a generated file. A machine copies the user's imports, so that the re-emitted
 * source text means what it meant; JavaPoet adds its own for the types generated code names. Where
 * the two would disagree on a simple name, that name is written qualified:
 *
 * <ul>
 *   <li>a name of the user's body that is not imported by a single-type import (it may mean a
 *       type of the package, of an on-demand import or a member type) must not be taken over by a
 *       type JavaPoet imports;
 *   <li>a type JavaPoet imports (or a {@code java.lang} type it writes by its simple name) whose
 *       simple name means another type in the file: one the user imports, one of the package, one
 *       of a package the user imports on demand (for {@code java.lang} names, which such an import
 *       makes ambiguous), or a local class re-emitted as a member class.
 * </ul>
 *
 * @param packageName the generated file's package
 * @param userImports the user's import declarations, as written (none for a companion)
 * @param inUse the simple names of the user's body (none for a companion)
 * @param memberTypes the simple names of the member classes the file declares
 */
public record ImportPlan(
    String packageName, List<String> userImports, Set<String> inUse, Set<String> memberTypes) {
  public ImportPlan {
    userImports = List.copyOf(userImports);
    inUse = Set.copyOf(inUse);
    memberTypes = Set.copyOf(memberTypes);
  }

  /** The plan for a machine of {@code unit} whose body uses the simple names {@code inUse}. */
  public static ImportPlan of(
      CompilationUnitTree unit,
      SourceText src,
      Set<String> inUse,
      Set<String> memberTypes,
      String packageName) {
    List<String> imports = new ArrayList<>();
    for (ImportTree imp : unit.getImports()) {
      imports.add(src.of(imp).trim());
    }
    return new ImportPlan(packageName, imports, inUse, memberTypes);
  }

  /** The plan for a file with no user text (a companion, a stub). */
  public static ImportPlan none(String packageName) {
    return new ImportPlan(packageName, List.of(), Set.of(), Set.of());
  }

  /**
   * The simple names to write qualified, given the types JavaPoet would import ({@code written},
   * qualified names, {@code java.lang} ones included): {@link #bodyNames} and {@link #clashes}.
   */
  Set<String> qualify(Collection<String> written, TypeNames types) {
    Set<String> out = bodyNames(types);
    out.addAll(clashes(written, types));
    return out;
  }

  /**
   * The simple names of the user's body that no type JavaPoet imports may take over: the user's
   * text keeps its meaning. Known before anything is rendered.
   */
  Set<String> bodyNames(TypeNames types) {
    Set<String> singleImported = Imports.of(userImports).singleImported();
    Set<String> out = new HashSet<>();
    for (String name : inUse) {
      boolean javaLang =
          types.get("java.lang." + name) != null && samePackage(name, types) == null;
      if (!singleImported.contains(name) && !javaLang) {
        out.add(name);
      }
    }
    return out;
  }

  /**
   * The simple names of types JavaPoet would import ({@code written}, qualified names, {@code
   * java.lang} ones included) that mean another type in the file: the generated code's types keep
   * their meaning.
   */
  Set<String> clashes(Collection<String> written, TypeNames types) {
    Imports imports = Imports.of(userImports);
    Set<String> out = new HashSet<>();
    for (String type : written) {
      String simple = type.substring(type.lastIndexOf('.') + 1);
      boolean javaLang = type.equals("java.lang." + simple);
      boolean otherImport =
          imports.singleImported().contains(simple) && !imports.singleTargets().contains(type);
      TypeElement local = samePackage(simple, types);
      boolean otherLocal = local != null && !local.getQualifiedName().contentEquals(type);
      boolean ambiguous = false;
      for (String pkg : imports.onDemand()) {
        TypeElement t = types.get(pkg + "." + simple);
        ambiguous |= javaLang && t != null && !t.getQualifiedName().contentEquals(type);
      }
      if (otherImport
          || (otherLocal && javaLang)
          || ambiguous
          || memberTypes.contains(simple)
          || imports.staticNames().contains(simple)) {
        out.add(simple);
      }
    }
    return out;
  }

  /**
   * The user's imports by kind: the simple and qualified names of single-type imports, the
   * containers of on-demand ones, the simple names of static ones.
   */
  private record Imports(
      Set<String> singleImported,
      Set<String> singleTargets,
      List<String> onDemand,
      Set<String> staticNames) {
    static Imports of(List<String> userImports) {
      Imports out =
          new Imports(new HashSet<>(), new HashSet<>(), new ArrayList<>(), new HashSet<>());
      for (String imp : userImports) {
        // without its keyword, spaces and semicolon: staticjava.util.List.of
        String body = imp.replaceFirst("^import\\s+", "").replaceAll("[\\s;]", "");
        boolean isStatic = body.startsWith("static");
        String q = isStatic ? body.substring("static".length()) : body;
        String simple = q.substring(q.lastIndexOf('.') + 1);
        if (isStatic) {
          out.staticNames.add(simple);
        } else if (simple.equals("*")) {
          out.onDemand.add(q.lastIndexOf('.') < 0 ? "" : q.substring(0, q.lastIndexOf('.')));
        } else {
          out.singleImported.add(simple);
          out.singleTargets.add(q);
        }
      }
      return out;
    }
  }

  private TypeElement samePackage(String simple, TypeNames types) {
    return types.get(packageName.isEmpty() ? simple : packageName + "." + simple);
  }
}
