package dev.asyncfn.processor.codegen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeVariableName;
import dev.asyncfn.processor.model.AsyncMethod;
import dev.asyncfn.processor.model.RuntimeApi;
import java.util.ArrayList;
import java.util.List;
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

  /** The checked exception the future carries, or null. */
  public TypeMirror checkedThrown(ExecutableElement m) {
    TypeMirror runtime = elements.getTypeElement("java.lang.RuntimeException").asType();
    TypeMirror error = elements.getTypeElement("java.lang.Error").asType();
    List<TypeMirror> checked = new ArrayList<>();
    for (TypeMirror t : m.getThrownTypes()) {
      if (!types.isSubtype(t, runtime) && !types.isSubtype(t, error)) {
        checked.add(t);
      }
    }
    if (checked.isEmpty()) {
      return null;
    }
    TypeMirror candidate = checked.get(0);
    while (candidate != null) {
      boolean all = true;
      for (TypeMirror t : checked) {
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

  /** {@code Future<T>} or {@code ThrowingFuture<T, X>}. */
  public TypeName futureType(ExecutableElement m) {
    TypeMirror x = checkedThrown(m);
    if (x == null) {
      return ParameterizedTypeName.get(FUTURE, output(m));
    }
    return ParameterizedTypeName.get(THROWING_FUTURE, output(m), TypeName.get(x));
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
