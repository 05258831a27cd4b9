/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.processor.codegen;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeVariableName;
import dev.asyncfn.processor.model.AsyncMethod;
import dev.asyncfn.processor.model.MachineModel;
import dev.asyncfn.processor.model.RuntimeApi;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeKind;

/**
 * The outside of one state-machine class: its name, type, constructor and what it is the machine
 * of, for an {@code @Async} method or for an async block inside one.
 *
 * @param method the method the machine belongs to
 * @param name the class name
 * @param javadoc the class's Javadoc
 * @param futureType the future interface it implements
 * @param output its output type ({@code Poll<output>})
 * @param completed the type {@code complete(...)} takes
 * @param self the receiver's name, or null for a static method
 * @param params the constructor's parameters after the receiver, each a field of the same name
 * @param varargs whether the last parameter is a varargs one
 * @param ctorAnnotations annotations of the constructor ({@code @SafeVarargs})
 * @param suppressions the user's {@code @SuppressWarnings}, copied to the class
 */
public record MachineSpec(
    AsyncMethod method,
    String name,
    CodeBlock javadoc,
    TypeName futureType,
    TypeName output,
    TypeName completed,
    String self,
    List<Param> params,
    boolean varargs,
    List<AnnotationSpec> ctorAnnotations,
    Optional<AnnotationSpec> suppressions) {

  /** A constructor parameter and the field it is stored in. */
  public record Param(String name, TypeName type) {}

  /** The machine of {@code @Async} method {@code m}. */
  public static MachineSpec of(AsyncMethod m, String self, Signatures sig) {
    List<Param> params = new ArrayList<>();
    for (VariableElement p : m.method.getParameters()) {
      params.add(new Param(p.getSimpleName().toString(), TypeName.get(p.asType())));
    }
    return new MachineSpec(
        m,
        m.machine,
        CodeBlock.of(
            "State machine of {@code @Async} {@link $L#$L}: one state per await; fields hold what"
                + " lives across one.\n",
            m.owner.getQualifiedName(),
            m.method.getSimpleName()),
        sig.futureType(m.method),
        sig.output(m.method),
        m.method.getReturnType().getKind() == TypeKind.VOID
            ? ClassName.get(Void.class)
            : TypeName.get(m.method.getReturnType()),
        Signatures.isStatic(m.method) ? null : self,
        params,
        m.method.isVarArgs(),
        sig.varargsAnnotations(m.method),
        sig.userSuppressions(m.method));
  }

  /**
   * The machine {@code name} of an async block at {@code line} of {@code m}'s body, capturing
   * {@code captures}. Its output is an {@code Object}: the block's future is typed where it is
   * created ({@code Machines.block}).
   */
  public static MachineSpec ofBlock(
      AsyncMethod m,
      String self,
      String name,
      long line,
      List<MachineModel.Field> captures,
      Signatures sig) {
    List<Param> params = new ArrayList<>();
    for (MachineModel.Field f : captures) {
      params.add(
          new Param(
              f.name(), f.type() != null ? TypeName.get(f.type()) : TypeVariableName.get(f.typeText())));
    }
    TypeName object = ClassName.get(Object.class);
    return new MachineSpec(
        m,
        name,
        CodeBlock.of(
            "State machine of the async block at line $L of {@code @Async} {@link $L#$L}: one"
                + " state per await; fields hold what it captured and what lives across an"
                + " await.\n",
            line,
            m.owner.getQualifiedName(),
            m.method.getSimpleName()),
        ParameterizedTypeName.get(RuntimeApi.THROWING_FUTURE, object, ClassName.get(Exception.class)),
        object,
        object,
        Signatures.isStatic(m.method) ? null : self,
        params,
        false,
        List.of(),
        sig.userSuppressions(m.method));
  }

  /** The class the machine's code comes from. */
  public TypeElement owner() {
    return method.owner;
  }
}
