/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.processor.codegen;

import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.asyncfn.processor.analysis.TypeNames;
import dev.asyncfn.processor.model.AsyncMethod;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.annotation.processing.Filer;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.util.Types;

/** The {@code <Outer>Async} companion: one static factory per {@code @Async} method. */
public final class CompanionGenerator {
  private final SourceWriter writer;
  private final Signatures sig;
  private final Types types;

  public CompanionGenerator(Filer filer, TypeNames typeNames, Signatures sig, Types types) {
    this.writer = new SourceWriter(filer, typeNames);
    this.sig = sig;
    this.types = types;
  }

  public void generate(TypeElement owner, List<AsyncMethod> methods, String receiverName) {
    AsyncMethod first = methods.get(0);
    TypeSpec.Builder type = TypeSpec.classBuilder(first.companion);
    if (Signatures.exposed(owner)) {
      type.addModifiers(Modifier.PUBLIC);
    }
    type.addModifiers(Modifier.FINAL);
    sig.generated(owner).ifPresent(type::addAnnotation);
    type.addJavadoc(
            "Futures of the {@code @Async} methods of {@link $L}: each factory evaluates its"
                + " arguments and\nreturns a lazy future; the body runs only when the future"
                + " is polled.\n",
            owner.getQualifiedName())
        .addOriginatingElement(owner)
        .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
    for (AsyncMethod m : methods) {
      type.addMethod(factory(m, receiverName(m, receiverName)));
    }
    writer.write(
        first.packageName, type.build(), ImportPlan.none(first.packageName), List.of(), null, owner);
  }

  /** {@code self} unless a parameter has that name. */
  public static String receiverName(AsyncMethod m, String preferred) {
    String name = preferred;
    boolean clash = true;
    for (int i = 2; clash; i++) {
      clash = false;
      for (VariableElement p : m.method.getParameters()) {
        if (p.getSimpleName().contentEquals(name)) {
          clash = true;
        }
      }
      if (clash) {
        name = preferred + i;
      }
    }
    return name;
  }

  private MethodSpec factory(AsyncMethod m, String self) {
    MethodSpec.Builder b =
        MethodSpec.methodBuilder(m.method.getSimpleName().toString())
            .addModifiers(Modifier.STATIC)
            .addTypeVariables(sig.typeVariables(m))
            .returns(sig.futureType(m.method))
            .varargs(m.method.isVarArgs())
            .addAnnotations(sig.varargsAnnotations(m.method));
    if (m.method.getAnnotation(Deprecated.class) != null) {
      // its callers are told, as callers of the method itself are
      b.addAnnotation(Deprecated.class);
    }
    Set<Modifier> access = m.method.getModifiers();
    if ((access.contains(Modifier.PUBLIC) || access.contains(Modifier.PROTECTED))
        && Signatures.exposed(m.owner)) {
      // as reachable as the method: a subclass in another package may call a protected one
      b.addModifiers(Modifier.PUBLIC);
    }
    // a package-private or private method, or one of a class other packages cannot reach, gets a
    // package-private factory, the narrowest a separate class allows
    List<String> args = new ArrayList<>();
    if (!Signatures.isStatic(m.method)) {
      b.addParameter(sig.receiver(m), self);
      args.add(self);
    }
    List<String> erased = new ArrayList<>();
    for (VariableElement p : m.method.getParameters()) {
      b.addParameter(ParameterSpec.builder(TypeName.get(p.asType()), p.getSimpleName().toString()).build());
      args.add(p.getSimpleName().toString());
      erased.add(types.erasure(p.asType()).toString());
    }
    b.addJavadoc(
        "Returns a lazy future of {@link $L#$L($L)}; nothing runs until it is polled.\n"
            + "The state machine is {@code $L}.\n",
        m.owner.getQualifiedName(),
        m.method.getSimpleName(),
        String.join(", ", erased),
        m.machine);
    boolean generic = !sig.typeVariables(m).isEmpty();
    b.addStatement(
        "return new $L$L($L)", m.machine, generic ? "<>" : "", String.join(", ", args));
    return b.build();
  }
}
