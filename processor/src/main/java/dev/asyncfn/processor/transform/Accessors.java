/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.processor.transform;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeVariableName;
import dev.asyncfn.processor.model.RuntimeApi;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.TypeParameterElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.ExecutableType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Types;

/**
 * The accessors of a machine: for each member the body uses that the machine may not use as
 * written, a {@code static final} handle ({@code VarHandle}, {@code MethodHandle}) obtained through
 * {@code dev.asyncfn.runtime.support.Access} with the machine's own lookup, and a named static
 * method that uses it ({@code readCount(self)}, {@code callHelper(self, x)}, {@code newEntry(a)}).
 * Created on first use, once per member; the JIT folds a constant handle to the plain access.
 */
final class Accessors {
  private final MachineFields names;
  private final Types types;
  private final TypeElement owner;
  private final Map<String, String> made = new HashMap<>();
  private final List<FieldSpec> handles = new ArrayList<>();
  private final List<MethodSpec> methods = new ArrayList<>();
  /** Whether a compound assignment was written with JLS 15.26.2's cast, maybe redundant. */
  private boolean narrowingCasts;

  Accessors(MachineFields names, Types types, TypeElement owner) {
    this.names = names;
    this.types = types;
    this.owner = owner;
  }

  List<FieldSpec> handles() {
    return handles;
  }

  List<MethodSpec> methods() {
    return methods;
  }

  /** Notes that code carries a cast that may be redundant (lint {@code cast}). */
  void narrowingCast() {
    narrowingCasts = true;
  }

  boolean narrowingCasts() {
    return narrowingCasts;
  }

  /** The class a private lookup is taken on: the member's own, or the owner for inherited ones. */
  private TypeElement lookupTarget(Element member) {
    return member.getModifiers().contains(Modifier.PRIVATE)
        ? (TypeElement) member.getEnclosingElement()
        : owner;
  }

  /** {@code readName(receiver)}: the value of the field. */
  String reader(VariableElement field) {
    return once(
        "read " + key(field),
        () -> {
          FieldAccess a = fieldAccess(field);
          String name = names.fresh("read" + capitalized(field));
          MethodSpec.Builder m = accessor(name, a).returns(a.valueType());
          m.addJavadoc("Reads {@code $L}, which the machine may not read as written.\n", a.shown());
          CodeBlock get =
              a.isStatic()
                  ? CodeBlock.of("$N.get()", a.handle())
                  : CodeBlock.of("$N.get(self)", a.handle());
          m.addStatement("return ($T) $L", a.valueType(), get);
          uncheckedIfGeneric(m, a.valueType());
          methods.add(m.build());
          return name;
        });
  }

  /** {@code writeName(receiver, value)}: stores and returns the value, as an assignment does. */
  String writer(VariableElement field) {
    return once(
        "write " + key(field),
        () -> {
          FieldAccess a = fieldAccess(field);
          String name = names.fresh("write" + capitalized(field));
          MethodSpec.Builder m = accessor(name, a).returns(a.valueType());
          m.addJavadoc("Assigns {@code $L}, which the machine may not assign as written.\n", a.shown());
          m.addParameter(a.valueType(), "value");
          m.addStatement(a.isStatic() ? "$N.set(value)" : "$N.set(self, value)", a.handle());
          m.addStatement("return value");
          methods.add(m.build());
          return name;
        });
  }

  /**
   * {@code stepName(receiver, delta, post)}: {@code ++}/{@code --} of the field, returning the old
   * value ({@code post}) or the new one.
   */
  String stepper(VariableElement field) {
    return once(
        "step " + key(field),
        () -> {
          FieldAccess a = fieldAccess(field);
          String read = reader(field);
          String write = writer(field);
          String name = names.fresh("step" + capitalized(field));
          MethodSpec.Builder m = accessor(name, a).returns(a.valueType());
          m.addJavadoc("{@code ++} or {@code --} of {@code $L}: the old value or the new one.\n", a.shown());
          m.addParameter(TypeName.INT, "delta").addParameter(TypeName.BOOLEAN, "post");
          String recv = a.isStatic() ? "" : "self";
          m.addStatement("$T old = $N($L)", a.valueType(), read, recv);
          TypeName unboxed = a.valueType().isBoxedPrimitive() ? a.valueType().unbox() : a.valueType();
          boolean narrow =
              unboxed.equals(TypeName.BYTE) || unboxed.equals(TypeName.SHORT)
                  || unboxed.equals(TypeName.CHAR);
          // JLS 15.14.2: the sum is narrowed back to the variable's type
          if (narrow) {
            m.addStatement("$T now = ($T) (old + delta)", a.valueType(), unboxed);
          } else {
            m.addStatement("$T now = old + delta", a.valueType());
          }
          m.addStatement(
              a.isStatic() ? "$N(now)" : "$N(self, now)", write);
          m.addStatement("return post ? old : now");
          methods.add(m.build());
          return name;
        });
  }

  /**
   * {@code callName(receiver, args...)}: one accessor per candidate, all of the same name, so that
   * javac chooses among them as it chose among the methods ({@code super} calls are made
   * non-virtually). The receiver comes first unless every candidate is static.
   */
  String caller(List<ExecutableElement> candidates, boolean superCall) {
    ExecutableElement first = candidates.get(0);
    String key =
        (superCall ? "super " : "call ") + first.getEnclosingElement() + "#" + first.getSimpleName();
    String existing = made.get(key);
    if (existing != null) {
      return existing;
    }
    boolean anyInstance = false;
    for (ExecutableElement c : candidates) {
      anyInstance |= !c.getModifiers().contains(Modifier.STATIC);
    }
    String base = (superCall ? "super" : "call") + capitalized(first);
    String name = names.fresh(base);
    made.put(key, name);
    TypeElement through = superCall ? owner : lookupTarget(first);
    TypeName receiverType = TypeName.get(through.asType());
    for (ExecutableElement c : candidates) {
      boolean isStatic = c.getModifiers().contains(Modifier.STATIC);
      ExecutableType t =
          isStatic
              ? (ExecutableType) c.asType()
              : (ExecutableType) types.asMemberOf((DeclaredType) through.asType(), c);
      String handle = names.fresh(constantName(c.getSimpleName().toString()) + "_METHOD");
      TypeElement target = superCall ? owner : lookupTarget(c);
      String factory =
          superCall ? "superMethod" : isStatic ? "staticMethod" : "method";
      handles.add(
          FieldSpec.builder(MethodHandle.class, handle, Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
              .initializer(
                  "$T.$N($T.lookup(), $T.class, $T.class, $S, $L)",
                  RuntimeApi.ACCESS,
                  factory,
                  MethodHandles.class,
                  erased(target),
                  erased((TypeElement) c.getEnclosingElement()),
                  c.getSimpleName().toString(),
                  methodType(c))
              .build());
      MethodSpec.Builder m =
          MethodSpec.methodBuilder(name).addModifiers(Modifier.PRIVATE, Modifier.STATIC);
      m.addJavadoc(
          "Calls {@code $L}, which the machine may not call as written.\n",
          (superCall ? "super." : c.getEnclosingElement().getSimpleName() + ".")
              + c.getSimpleName());
      addTypeVariables(m, through, !isStatic || anyInstance);
      for (TypeParameterElement p : c.getTypeParameters()) {
        m.addTypeVariable(TypeVariableName.get(p));
      }
      List<String> args = new ArrayList<>();
      if (anyInstance) {
        m.addParameter(receiverType, "self");
        if (!isStatic) {
          args.add("self");
        }
      }
      for (int i = 0; i < c.getParameters().size(); i++) {
        String p = c.getParameters().get(i).getSimpleName().toString();
        m.addParameter(TypeName.get(t.getParameterTypes().get(i)), p);
        args.add(p);
      }
      m.varargs(c.isVarArgs());
      for (TypeMirror x : c.getThrownTypes()) {
        m.addException(TypeName.get(x));
      }
      TypeName returns = TypeName.get(t.getReturnType());
      m.returns(returns);
      CodeBlock invoke = CodeBlock.of("$N.invoke($L)", handle, String.join(", ", args));
      m.beginControlFlow("try");
      if (t.getReturnType().getKind() == TypeKind.VOID) {
        m.addStatement("$L", invoke);
      } else {
        m.addStatement("return ($T) $L", returns, invoke);
      }
      m.nextControlFlow("catch ($T e)", Throwable.class)
          .addStatement("throw $T.rethrow(e)", RuntimeApi.MACHINES)
          .endControlFlow();
      uncheckedIfGeneric(m, returns);
      methods.add(m.build());
    }
    return name;
  }

  /** {@code newName(args...)}: one accessor per constructor of {@code type}. */
  String constructor(List<ExecutableElement> ctors, TypeElement type) {
    String key = "new " + type.getQualifiedName();
    String existing = made.get(key);
    if (existing != null) {
      return existing;
    }
    String name = names.fresh("new" + type.getSimpleName());
    made.put(key, name);
    for (ExecutableElement c : ctors) {
      String handle = names.fresh(constantName(type.getSimpleName().toString()) + "_CONSTRUCTOR");
      handles.add(
          FieldSpec.builder(MethodHandle.class, handle, Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
              .initializer(
                  "$T.constructor($T.lookup(), $T.class, $T.class, $L)",
                  RuntimeApi.ACCESS,
                  MethodHandles.class,
                  erased(lookupTarget(c)),
                  erased(type),
                  methodType(c))
              .build());
      MethodSpec.Builder m =
          MethodSpec.methodBuilder(name)
              .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
              .addJavadoc("Calls a constructor of {@code $L} the machine may not call as written.\n",
                  type.getSimpleName())
              .returns(TypeName.get(type.asType()));
      List<String> args = new ArrayList<>();
      for (VariableElement p : c.getParameters()) {
        m.addParameter(TypeName.get(p.asType()), p.getSimpleName().toString());
        args.add(p.getSimpleName().toString());
      }
      m.varargs(c.isVarArgs());
      for (TypeMirror x : c.getThrownTypes()) {
        m.addException(TypeName.get(x));
      }
      m.beginControlFlow("try")
          .addStatement("return ($T) $N.invoke($L)", TypeName.get(type.asType()), handle,
              String.join(", ", args))
          .nextControlFlow("catch ($T e)", Throwable.class)
          .addStatement("throw $T.rethrow(e)", RuntimeApi.MACHINES)
          .endControlFlow();
      methods.add(m.build());
    }
    return name;
  }

  /** The name made for {@code key}, making it first (makers may make others: no computeIfAbsent). */
  private String once(String key, java.util.function.Supplier<String> maker) {
    String existing = made.get(key);
    if (existing == null) {
      existing = maker.get();
      made.put(key, existing);
    }
    return existing;
  }

  /** What reading or writing one field needs: its handle, value type and receiver. */
  private record FieldAccess(
      String handle, TypeName valueType, boolean isStatic, TypeElement through, String shown) {}

  private FieldAccess fieldAccess(VariableElement field) {
    String key = "handle " + key(field);
    boolean isStatic = field.getModifiers().contains(Modifier.STATIC);
    TypeElement target = lookupTarget(field);
    TypeElement declaring = (TypeElement) field.getEnclosingElement();
    TypeElement through = isStatic ? declaring : target;
    TypeMirror valueType =
        isStatic ? field.asType() : types.asMemberOf((DeclaredType) through.asType(), field);
    String handle =
        once(
            key,
            () -> {
              String h = names.fresh(constantName(field.getSimpleName().toString()) + "_FIELD");
              handles.add(
                  FieldSpec.builder(VarHandle.class, h, Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                      .initializer(
                          "$T.$N($T.lookup(), $T.class, $T.class, $S, $T.class)",
                          RuntimeApi.ACCESS,
                          isStatic ? "staticField" : "field",
                          MethodHandles.class,
                          erased(target),
                          erased(declaring),
                          field.getSimpleName().toString(),
                          TypeName.get(types.erasure(field.asType())))
                      .build());
              return h;
            });
    return new FieldAccess(
        handle,
        TypeName.get(valueType),
        isStatic,
        through,
        declaring.getSimpleName() + "." + field.getSimpleName());
  }

  /** A static accessor method, with the receiver parameter of an instance member. */
  private MethodSpec.Builder accessor(String name, FieldAccess a) {
    MethodSpec.Builder m =
        MethodSpec.methodBuilder(name).addModifiers(Modifier.PRIVATE, Modifier.STATIC);
    if (!a.isStatic()) {
      addTypeVariables(m, a.through(), true);
      m.addParameter(TypeName.get(a.through().asType()), "self");
    }
    return m;
  }

  private static void addTypeVariables(MethodSpec.Builder m, TypeElement type, boolean used) {
    if (used) {
      for (TypeParameterElement p : type.getTypeParameters()) {
        m.addTypeVariable(TypeVariableName.get(p));
      }
    }
  }

  private static void uncheckedIfGeneric(MethodSpec.Builder m, TypeName type) {
    if (!(type.isPrimitive() || type instanceof ClassName)) {
      // the handle is typed by erasure: the cast back to a generic type is unchecked
      m.addAnnotation(
          AnnotationSpec.builder(SuppressWarnings.class).addMember("value", "$S", "unchecked").build());
    }
  }

  /** {@code MethodType.methodType(R.class, P1.class, ...)}, by erasure. */
  private CodeBlock methodType(ExecutableElement m) {
    CodeBlock.Builder b = CodeBlock.builder().add("$T.methodType(", MethodType.class);
    TypeMirror ret = m.getReturnType();
    b.add("$T.class", ret.getKind() == TypeKind.VOID ? TypeName.VOID : TypeName.get(types.erasure(ret)));
    for (VariableElement p : m.getParameters()) {
      b.add(", $T.class", TypeName.get(types.erasure(p.asType())));
    }
    return b.add(")").build();
  }

  private TypeName erased(TypeElement type) {
    return TypeName.get(types.erasure(type.asType()));
  }

  private static String key(Element member) {
    return member.getEnclosingElement() + "#" + member.getSimpleName() + member.asType();
  }

  private static String capitalized(Element member) {
    String n = member.getSimpleName().toString();
    return n.isEmpty() ? n : Character.toUpperCase(n.charAt(0)) + n.substring(1);
  }

  /** {@code maxRetries} → {@code MAX_RETRIES}. */
  private static String constantName(String name) {
    return name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
  }
}
