/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.processor.codegen;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeVariableName;
import dev.asyncfn.processor.model.AsyncMethod;
import dev.asyncfn.processor.model.RuntimeApi;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeParameterElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/** The types that appear in generated signatures, derived from the declaration alone. */
public final class Signatures {
  static final ClassName FUTURE = RuntimeApi.FUTURE;
  static final ClassName THROWING_FUTURE = RuntimeApi.THROWING_FUTURE;
  static final ClassName POLL = RuntimeApi.POLL;
  static final ClassName CONTEXT = RuntimeApi.CONTEXT;
  static final ClassName MACHINES = RuntimeApi.MACHINES;
  static final ClassName GENERATED = RuntimeApi.GENERATED;

  private final Elements elements;
  private final Types types;

  public Signatures(Elements elements, Types types) {
    this.elements = elements;
    this.types = types;
  }

  public static boolean isStatic(ExecutableElement m) {
    return m.getModifiers().contains(Modifier.STATIC);
  }

  /** Type variables of the machine: the class's (instance methods only), then the method's. */
  public List<TypeVariableName> typeVariables(AsyncMethod m) {
    List<TypeVariableName> out = new ArrayList<>();
    if (!isStatic(m.method)) {
      for (TypeParameterElement p : m.owner.getTypeParameters()) {
        out.add(TypeVariableName.get(p));
      }
    }
    for (TypeParameterElement p : m.method.getTypeParameters()) {
      out.add(TypeVariableName.get(p));
    }
    return out;
  }

  /** {@code T} boxed, {@code Void} for void. */
  public TypeName output(ExecutableElement m) {
    TypeMirror r = m.getReturnType();
    if (r.getKind() == TypeKind.VOID) {
      return ClassName.get(Void.class);
    }
    return TypeName.get(r).box();
  }

  /**
   * The checked exceptions the method declares, each once: a type that another declared type
   * already covers (a {@code FileNotFoundException} beside an {@code IOException}) is left out, as
   * it adds nothing a caller could catch separately. Unchecked ones are left out too.
   */
  public List<TypeMirror> checkedThrown(ExecutableElement m) {
    TypeMirror runtime = elements.getTypeElement("java.lang.RuntimeException").asType();
    TypeMirror error = elements.getTypeElement("java.lang.Error").asType();
    List<TypeMirror> checked = new ArrayList<>();
    for (TypeMirror t : m.getThrownTypes()) {
      if (!types.isSubtype(t, runtime) && !types.isSubtype(t, error)) {
        checked.add(t);
      }
    }
    List<TypeMirror> out = new ArrayList<>();
    for (int i = 0; i < checked.size(); i++) {
      TypeMirror t = checked.get(i);
      boolean covered = false;
      for (int j = 0; j < checked.size() && !covered; j++) {
        TypeMirror other = checked.get(j);
        // covered by another type; of two identical types the first is kept
        covered =
            j != i
                && types.isSubtype(t, other)
                && (!types.isSameType(t, other) || j < i);
      }
      if (!covered) {
        out.add(t);
      }
    }
    return out;
  }

  /** The closest common supertype of {@code thrown}, for more than three checked exceptions. */
  private TypeMirror commonSupertype(List<TypeMirror> thrown) {
    TypeMirror candidate = thrown.get(0);
    while (candidate != null) {
      boolean all = true;
      for (TypeMirror t : thrown) {
        all &= types.isSubtype(t, candidate);
      }
      if (all) {
        return candidate;
      }
      List<? extends TypeMirror> sup = types.directSupertypes(candidate);
      candidate = sup.isEmpty() ? null : sup.get(0);
    }
    return elements.getTypeElement("java.lang.Exception").asType();
  }

  /**
   * {@code Future<T>}, or for a method declaring checked exceptions a future that carries each of
   * them: {@code ThrowingFuture<T, X>}, {@code ThrowingFuture2<T, X1, X2>}, {@code
   * ThrowingFuture3<T, X1, X2, X3>}; more than three share their closest common supertype.
   */
  public TypeName futureType(ExecutableElement m) {
    List<TypeMirror> thrown = checkedThrown(m);
    switch (thrown.size()) {
      case 0:
        return ParameterizedTypeName.get(FUTURE, output(m));
      case 1:
        return ParameterizedTypeName.get(THROWING_FUTURE, output(m), TypeName.get(thrown.get(0)));
      case 2:
        return ParameterizedTypeName.get(
            RuntimeApi.THROWING_FUTURE_2,
            output(m),
            TypeName.get(thrown.get(0)),
            TypeName.get(thrown.get(1)));
      case 3:
        return ParameterizedTypeName.get(
            RuntimeApi.THROWING_FUTURE_3,
            output(m),
            TypeName.get(thrown.get(0)),
            TypeName.get(thrown.get(1)),
            TypeName.get(thrown.get(2)));
      default:
        return ParameterizedTypeName.get(
            THROWING_FUTURE, output(m), TypeName.get(commonSupertype(thrown)));
    }
  }

  /**
   * The annotations a generated method that passes the user's varargs array on needs: the user's
   * {@code @SafeVarargs}, or, for a varargs parameter of a non-reifiable type the user did not mark
   * safe (javac already warns at their declaration), a narrow suppression so the warning is not
   * repeated in generated code.
   */
  public List<AnnotationSpec> varargsAnnotations(ExecutableElement m) {
    if (!m.isVarArgs()) {
      return List.of();
    }
    if (m.getAnnotation(SafeVarargs.class) != null) {
      // the array is handed to the machine, which keeps it for the body the user declared safe
      return List.of(
          AnnotationSpec.builder(SafeVarargs.class).build(),
          AnnotationSpec.builder(SuppressWarnings.class).addMember("value", "$S", "varargs").build());
    }
    TypeMirror last = m.getParameters().get(m.getParameters().size() - 1).asType();
    TypeMirror component = ((javax.lang.model.type.ArrayType) last).getComponentType();
    if (isReifiable(component)) {
      return List.of();
    }
    return List.of(
        AnnotationSpec.builder(SuppressWarnings.class).addMember("value", "$S", "unchecked").build());
  }

  private static boolean isReifiable(TypeMirror t) {
    switch (t.getKind()) {
      case TYPEVAR:
        return false;
      case ARRAY:
        return isReifiable(((javax.lang.model.type.ArrayType) t).getComponentType());
      case DECLARED:
        for (TypeMirror a : ((javax.lang.model.type.DeclaredType) t).getTypeArguments()) {
          if (a.getKind() != TypeKind.WILDCARD
              || ((javax.lang.model.type.WildcardType) a).getExtendsBound() != null
              || ((javax.lang.model.type.WildcardType) a).getSuperBound() != null) {
            return false;
          }
        }
        return true;
      default:
        return true;
    }
  }

  /**
   * The warnings the user suppressed around {@code m} (on it and its enclosing classes), and
   * {@code deprecation} when it is deprecated code: the machine re-emits the body, and must stay as
   * quiet as the body was where the user wrote it.
   */
  public Optional<AnnotationSpec> userSuppressions(ExecutableElement m) {
    Set<String> names = new TreeSet<>();
    for (Element e = m; e != null && e.getKind() != ElementKind.PACKAGE; e = e.getEnclosingElement()) {
      SuppressWarnings s = e.getAnnotation(SuppressWarnings.class);
      if (s != null) {
        names.addAll(Arrays.asList(s.value()));
      }
      if (e.getAnnotation(Deprecated.class) != null) {
        names.add("deprecation");
      }
    }
    if (names.isEmpty()) {
      return Optional.empty();
    }
    AnnotationSpec.Builder b = AnnotationSpec.builder(SuppressWarnings.class);
    for (String n : names) {
      b.addMember("value", "$S", n);
    }
    return Optional.of(b.build());
  }

  /** The receiver type, {@code Outer<T>}. */
  public TypeName receiver(AsyncMethod m) {
    return TypeName.get(types.erasure(m.owner.asType())).equals(TypeName.get(m.owner.asType()))
        ? TypeName.get(m.owner.asType())
        : TypeName.get(m.owner.asType());
  }

  /** The state machine's type as the companion names it. */
  public TypeName machineType(AsyncMethod m) {
    ClassName raw = ClassName.get(m.packageName, m.machine);
    List<TypeVariableName> vars = typeVariables(m);
    if (vars.isEmpty()) {
      return raw;
    }
    return ParameterizedTypeName.get(raw, vars.toArray(new TypeName[0]));
  }
}
