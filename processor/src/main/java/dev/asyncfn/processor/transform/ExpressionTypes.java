/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.processor.transform;

import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.ParameterizedTypeTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TypeCastTree;
import dev.asyncfn.processor.analysis.BodyNames;
import dev.asyncfn.processor.analysis.TypeScope;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.WildcardType;
import javax.lang.model.util.Types;

/**
 * The static type of an expression where it is known without attribution (javac has not typed
 * method bodies while processors run): literals, members of the enclosing classes, locals of a
 * declared type, {@code new T(...)}, static methods with one candidate, and the output type of a
 * future of such a type. Everything else is typed by javac in the generated code (witnesses).
 */
final class ExpressionTypes {
  private final Types types;
  private final BodyNames names;
  private final TypeScope scope;
  private final LocalTypes locals;
  private final SourceRenderer renderer;

  ExpressionTypes(
      Types types, BodyNames names, TypeScope scope, LocalTypes locals, SourceRenderer renderer) {
    this.types = types;
    this.names = names;
    this.scope = scope;
    this.locals = locals;
    this.renderer = renderer;
  }

  /** The static type of {@code k} as source text when it is known without attribution, or null. */
  String knownType(ExpressionTree k) {
    k = TreeShapes.unparen(k);
    switch (k.getKind()) {
      case INT_LITERAL:
        return "int";
      case LONG_LITERAL:
        return "long";
      case FLOAT_LITERAL:
        return "float";
      case DOUBLE_LITERAL:
        return "double";
      case BOOLEAN_LITERAL:
        return "boolean";
      case CHAR_LITERAL:
        return "char";
      case STRING_LITERAL:
        return "java.lang.String";
      default:
    }
    TypeMirror exact = exactType(k);
    return exact != null ? exact.toString() : exactTypeText(k);
  }

  /** Primitive or {@code String}: types whose values no operator converts observably. */
  boolean isPlainType(String type) {
    if (type == null) {
      return false;
    }
    if (TreeShapes.PRIMITIVES.contains(type) || type.equals("java.lang.String")) {
      return true;
    }
    return type.equals("String")
        && scope
            .type("String")
            .filter(t -> t.getQualifiedName().contentEquals("java.lang.String"))
            .isPresent();
  }

  /**
   * The type of {@code k} when it is known without attribution: a field of the enclosing class,
   * or a call of one of its methods whose return type involves no type variable of the method.
   */
  TypeMirror exactType(ExpressionTree k) {
    if (k instanceof IdentifierTree) {
      Element member = names.member(k);
      if (!(member instanceof VariableElement)) {
        return null;
      }
      TypeMirror t = member.asType();
      return LocalTypes.nameable(t) && !hasTypeVariable(t) ? t : null;
    }
    if (k instanceof MethodInvocationTree
        && ((MethodInvocationTree) k).getMethodSelect() instanceof IdentifierTree) {
      Element member = names.member(((MethodInvocationTree) k).getMethodSelect());
      if (member instanceof ExecutableElement
          && ((ExecutableElement) member).getTypeParameters().isEmpty()
          && overloads((ExecutableElement) member).size() == 1) {
        TypeMirror t = ((ExecutableElement) member).getReturnType();
        return LocalTypes.nameable(t) && !hasTypeVariable(t) && t.getKind() != TypeKind.VOID
            ? t
            : null;
      }
    }
    return null;
  }

  /**
   * The primitive type {@code k} unboxes to, when its type is known to be a box (a field, a call,
   * a local or a cast of a declared box type); else null.
   */
  String unboxedType(ExpressionTree k) {
    k = TreeShapes.unparen(k);
    TypeMirror t = exactType(k);
    if (t == null) {
      Tree typeTree =
          k instanceof TypeCastTree
              ? ((TypeCastTree) k).getType()
              : k instanceof IdentifierTree && names.isLocal(k) ? names.local(k).getType() : null;
      Element type = typeTree == null ? null : scope.qualified(typeTree).orElse(null);
      t = type instanceof TypeElement ? type.asType() : null;
    }
    if (t == null || t.getKind() != TypeKind.DECLARED) {
      return null;
    }
    try {
      return types.unboxedType(t).toString();
    } catch (IllegalArgumentException notABox) {
      return null;
    }
  }

  /** The type of a local or parameter read, or of {@code new T(...)} without diamond or body. */
  String exactTypeText(ExpressionTree k) {
    if (k instanceof IdentifierTree && names.isLocal(k)) {
      String type = locals.localType(names.local(k));
      if (type != null && type.endsWith("...")) {
        type = type.substring(0, type.length() - 3) + "[]";
      }
      return type;
    }
    if (k instanceof NewClassTree) {
      NewClassTree n = (NewClassTree) k;
      Tree id = n.getIdentifier();
      if (n.getClassBody() == null
          && n.getEnclosingExpression() == null
          && !(id instanceof ParameterizedTypeTree
              && ((ParameterizedTypeTree) id).getTypeArguments().isEmpty())) {
        return renderer.render(id, RenderMode.TYPING).toString();
      }
    }
    return null;
  }

  /** The output type {@code T} of an awaited expression typed {@code Future<T>} or a subtype. */
  String outputType(ExpressionTree future) {
    TypeMirror type = exactType(future);
    if (type == null && future instanceof MethodInvocationTree) {
      type = staticCallType((MethodInvocationTree) future);
    }
    if (type == null) {
      return null;
    }
    for (String awaitable :
        List.of("dev.asyncfn.runtime.Future", "java.util.concurrent.CompletionStage")) {
      TypeMirror output = typeArgumentOf(type, awaitable);
      if (output != null && !hasTypeVariable(output) && LocalTypes.nameable(output)) {
        return output.toString();
      }
    }
    return null;
  }

  /**
   * The type of a call of a static method ({@code Type.m(...)}, or {@code m(...)} through a static
   * import) when it is the only one of that name and arity: its return type, or for the simple
   * generic shape {@code <T> R<T> m(T v)} (a future of its argument, like {@code later(v)}), that
   * return type with {@code T} the known type of the argument, boxed.
   */
  private TypeMirror staticCallType(MethodInvocationTree call) {
    List<ExecutableElement> candidates = staticCandidates(call);
    candidates.removeIf(m -> m.getParameters().size() != call.getArguments().size());
    if (candidates.size() != 1) {
      return null;
    }
    ExecutableElement method = candidates.get(0);
    if (method.getTypeParameters().isEmpty()) {
      return method.getReturnType();
    }
    if (method.getTypeParameters().size() != 1
        || !(method.getReturnType() instanceof DeclaredType)) {
      return null;
    }
    TypeMirror t = method.getTypeParameters().get(0).asType();
    DeclaredType returned = (DeclaredType) method.getReturnType();
    int param = -1;
    for (int i = 0; i < method.getParameters().size(); i++) {
      if (types.isSameType(method.getParameters().get(i).asType(), t)) {
        param = i;
      }
    }
    if (param < 0
        || returned.getTypeArguments().size() != 1
        || !types.isSameType(returned.getTypeArguments().get(0), t)) {
      return null;
    }
    TypeMirror argument = argumentType(call.getArguments().get(param));
    if (argument == null) {
      return null;
    }
    return types.getDeclaredType((TypeElement) returned.asElement(), argument);
  }

  /** The boxed type of an argument, when it is known without attribution. */
  private TypeMirror argumentType(ExpressionTree arg) {
    String text = knownType(arg);
    if (text == null) {
      return null;
    }
    if (TreeShapes.PRIMITIVES.contains(text)) {
      TypeKind kind = TypeKind.valueOf(text.toUpperCase(Locale.ROOT));
      return types.boxedClass(types.getPrimitiveType(kind)).asType();
    }
    TypeMirror exact = exactType(TreeShapes.unparen(arg));
    if (exact != null) {
      return exact;
    }
    return isPlainType(text) ? scope.typeNamed("java.lang.String").asType() : null;
  }

  /** The first type argument of {@code type}'s supertype named {@code qualifiedName}, or null. */
  private TypeMirror typeArgumentOf(TypeMirror type, String qualifiedName) {
    if (type instanceof DeclaredType) {
      DeclaredType d = (DeclaredType) type;
      if (((TypeElement) d.asElement()).getQualifiedName().contentEquals(qualifiedName)) {
        return d.getTypeArguments().isEmpty() ? null : d.getTypeArguments().get(0);
      }
    }
    for (TypeMirror s : types.directSupertypes(type)) {
      TypeMirror found = typeArgumentOf(s, qualifiedName);
      if (found != null) {
        return found;
      }
    }
    return null;
  }

  /** Type variables may belong to a supertype, so a held value of such a type stays witnessed. */
  static boolean hasTypeVariable(TypeMirror t) {
    switch (t.getKind()) {
      case TYPEVAR:
        return true;
      case DECLARED:
        for (TypeMirror a : ((DeclaredType) t).getTypeArguments()) {
          if (hasTypeVariable(a)) {
            return true;
          }
        }
        return false;
      case ARRAY:
        return hasTypeVariable(((ArrayType) t).getComponentType());
      case WILDCARD:
        {
          WildcardType w = (WildcardType) t;
          return (w.getExtendsBound() != null && hasTypeVariable(w.getExtendsBound()))
              || (w.getSuperBound() != null && hasTypeVariable(w.getSuperBound()));
        }
      default:
        return false;
    }
  }

  /**
   * Whether {@code call} is known to call a generic method whose return type uses a type variable:
   * every method it may call by name and arity (of the enclosing classes by simple name, a static
   * import, or {@code Type.m(...)}) is one. As a branch of a reference conditional, such a call
   * takes its type from the conditional's target ({@code String s = c ? "x" : cast(o)} with
   * {@code <T> T cast(Object)}), which a generic witness keeps and a standalone local loses.
   */
  boolean returnsTypeVariable(MethodInvocationTree call) {
    List<ExecutableElement> candidates =
        names.member(call.getMethodSelect()) instanceof ExecutableElement m
            ? overloads(m)
            : staticCandidates(call);
    candidates.removeIf(
        m -> !m.isVarArgs() && m.getParameters().size() != call.getArguments().size());
    return !candidates.isEmpty()
        && candidates.stream()
            .allMatch(m -> !m.getTypeParameters().isEmpty() && hasTypeVariable(m.getReturnType()));
  }

  /**
   * The static methods {@code call} may call that the processor can see: those of that name of
   * {@code Type} in {@code Type.m(...)}, or the statically imported ones for a simple name that
   * names no member of the enclosing classes.
   */
  private List<ExecutableElement> staticCandidates(MethodInvocationTree call) {
    List<ExecutableElement> candidates = new ArrayList<>();
    ExpressionTree select = call.getMethodSelect();
    if (select instanceof MemberSelectTree) {
      MemberSelectTree ms = (MemberSelectTree) select;
      Element owner = scope.qualified(ms.getExpression()).orElse(null);
      if (owner instanceof TypeElement) {
        for (Element m : owner.getEnclosedElements()) {
          if (m.getKind() == ElementKind.METHOD
              && m.getSimpleName().contentEquals(ms.getIdentifier())
              && m.getModifiers().contains(Modifier.STATIC)) {
            candidates.add((ExecutableElement) m);
          }
        }
      }
    } else if (select instanceof IdentifierTree && !names.isMember(select)) {
      candidates.addAll(
          scope.staticallyImportedMethods(((IdentifierTree) select).getName().toString()));
    }
    return candidates;
  }

  /** The methods of {@code m}'s class with {@code m}'s name, {@code m} among them. */
  private static List<ExecutableElement> overloads(ExecutableElement m) {
    List<ExecutableElement> out = new ArrayList<>();
    for (Element e : m.getEnclosingElement().getEnclosedElements()) {
      if (e.getKind() == ElementKind.METHOD && e.getSimpleName().contentEquals(m.getSimpleName())) {
        out.add((ExecutableElement) e);
      }
    }
    return out;
  }
}
