/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.processor.transform;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.util.TreePath;
import dev.asyncfn.processor.analysis.Awaits;
import dev.asyncfn.processor.analysis.BodyNames;
import dev.asyncfn.processor.analysis.NameResolver;
import dev.asyncfn.processor.analysis.ProcessingHarness;
import dev.asyncfn.processor.analysis.TypeScope;
import dev.asyncfn.processor.model.LineMarkers;
import java.util.HashSet;
import java.util.Set;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeKind;

/** Builds a {@link Lowering} for a method as {@code step.MachineStep} does. */
final class Lowerings {
  private Lowerings() {}

  /** {@code code} as a person reads it once the file is final: without its line markers. */
  static String text(com.palantir.javapoet.CodeBlock code) {
    return LineMarkers.extract(code.toString()).text();
  }

  /** The lowering of the method at {@code path}, its receiver (if any) called {@code self}. */
  static Lowering of(ProcessingHarness javac, TreePath path) {
    MethodTree tree = (MethodTree) path.getLeaf();
    CompilationUnitTree unit = path.getCompilationUnit();
    ExecutableElement method = javac.element(path);
    TypeElement owner = (TypeElement) method.getEnclosingElement();
    Awaits awaits = new Awaits(unit, false);
    awaits.index(tree.getBody());
    TypeScope scope = new TypeScope(javac.elements(), owner, unit);
    BodyNames names = NameResolver.resolve(javac.elements(), owner, scope, tree);
    Set<String> reserved = new HashSet<>(Lowering.parameterNames(method));
    reserved.add("self");
    String resultType =
        method.getReturnType().getKind() == TypeKind.VOID
            ? "java.lang.Void"
            : method.getReturnType().toString();
    return new Lowering(
        javac.trees(),
        javac.elements(),
        javac.types(),
        javac.source(unit),
        awaits,
        names,
        scope,
        LoweredBody.of(tree, method),
        resultType,
        owner.getSimpleName().toString(),
        "self",
        reserved);
  }
}
