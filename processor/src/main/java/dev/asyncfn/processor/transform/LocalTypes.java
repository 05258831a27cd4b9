/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.processor.transform;

import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.UnionTypeTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import dev.asyncfn.processor.analysis.Awaits;
import dev.asyncfn.processor.analysis.BodyNames;
import dev.asyncfn.processor.analysis.SourceText;
import dev.asyncfn.processor.diagnostics.Message;
import java.util.List;
import javax.lang.model.element.Element;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.UnionType;
import javax.lang.model.type.WildcardType;
import javax.lang.model.util.Types;

/**
 * The types of the body's locals: as declared, or for {@code var} and multi-catch parameters as
 * javac gives them ({@code Trees.getScope}, which attributes the method up to the local), and the
 * hoisting of a local into a field of that type.
 */
final class LocalTypes {
  private final Trees trees;
  private final Types types;
  private final SourceText src;
  private final Awaits awaits;
  private final BodyNames names;
  private final MachineFields fields;
  private final SourceRenderer renderer;
  private ExpressionTypes expressionTypes;

  LocalTypes(
      Trees trees,
      Types types,
      SourceText src,
      Awaits awaits,
      BodyNames names,
      MachineFields fields,
      SourceRenderer renderer) {
    this.trees = trees;
    this.types = types;
    this.src = src;
    this.awaits = awaits;
    this.names = names;
    this.fields = fields;
    this.renderer = renderer;
  }

  void use(ExpressionTypes expressionTypes) {
    this.expressionTypes = expressionTypes;
  }

  /** Whether {@code v} is declared {@code var} (or, for a lambda parameter, with no type). */
  boolean isVar(VariableTree v) {
    Tree type = v.getType();
    return type == null || !src.hasPosition(type) || src.of(type).equals("var");
  }

  /** The declared type of {@code v} as it compiles in the machine. */
  String typeText(VariableTree v) {
    return renderer.render(v.getType(), RenderMode.TYPING).toString();
  }

  /** The type of a local as source text, or null when it is {@code var} and not hoisted. */
  String localType(VariableTree v) {
    String field = fields.hoisted(v);
    if (field != null) {
      return fields.typeOf(field);
    }
    if (v.getType() == null || isVar(v)) {
      return null;
    }
    return typeText(v);
  }

  /** The array type of {@code e} when it is a local or parameter declared as an array, else null. */
  String arrayTypeOf(ExpressionTree e) {
    if (!(e instanceof IdentifierTree) || !names.isLocal(e)) {
      return null;
    }
    String type = localType(names.local(e));
    if (type == null) {
      return null;
    }
    type = type.trim();
    if (type.endsWith("...")) {
      type = type.substring(0, type.length() - 3) + "[]";
    }
    return type.endsWith("]") && !type.contains("@") ? type : null;
  }

  /**
   * Makes {@code v} a field, keeping its name unless another field has it, and returns the field's
   * name. {@code scopeAt} is a tree in the local's scope, for typing a {@code var} there.
   */
  String hoist(VariableTree v, Tree scopeAt) {
    String existing = fields.hoisted(v);
    if (existing != null) {
      return existing;
    }
    String field;
    if (isVar(v) || v.getType() instanceof UnionTypeTree) {
      Typed typed = typeOfLocal(v, scopeAt);
      field = fields.add(v.getName().toString(), typed.text(), null);
      if (typed.type() != null && isVar(v)) {
        // keep javac's type so that codegen can print it with imports
        fields.setType(field, typed.type());
      }
    } else {
      field = fields.add(v.getName().toString(), typeText(v), null);
    }
    fields.hoist(v, field);
    return field;
  }

  /**
   * The type of {@code v}, a local of an enclosing body that an async block captures ({@code
   * scopeAt} is inside the block): as declared, or as javac gives it ({@code var}, a lambda
   * parameter without a type).
   */
  Typed captureType(VariableTree v, Tree scopeAt) {
    if (!isVar(v)) {
      return new Typed(typeText(v), null);
    }
    return typeOfLocal(v, scopeAt);
  }

  /** A field for a pattern binding, typed as the pattern declares it. */
  void hoistBinding(VariableTree binding) {
    if (isVar(binding)) {
      // a record pattern's var component: typed by javac, like a var local
      hoist(binding, binding);
    } else if (fields.hoisted(binding) == null) {
      fields.hoist(binding, fields.add(binding.getName().toString(), typeText(binding), null));
    }
  }

  /** A type as text, and as javac gave it when it can be printed with imports (else null). */
  record Typed(String text, TypeMirror type) {}

  /**
   * javac's type of the local {@code v} ({@code var}, a multi-catch parameter). The scope is taken
   * at the declaration itself, which javac attributes up to and including {@code v}: attributing
   * no more of the body than that is cheaper, and keeps clear of later code that javac 17 cannot
   * attribute out of context (an instance method called by its simple name inside a {@code ?:}
   * makes its {@code getScope} throw). {@code scopeAt}, a tree inside the local's scope, is the
   * fallback for a declaration javac does not resolve at its own path; when javac cannot attribute
   * the body up to the local at all (JDK-8347989, fixed in JDK 25: on JDK 17 a {@code ?:} in a
   * typed context with a branch that calls an instance method by its simple name, anywhere before
   * the local), the type is derived from the initializer's shape where that determines it.
   */
  private Typed typeOfLocal(VariableTree v, Tree scopeAt) {
    boolean javacFailed = false;
    for (Tree at : new Tree[] {v, scopeAt}) {
      TreePath path = trees.getPath(src.unit(), at);
      if (path == null) {
        continue;
      }
      Iterable<? extends Element> locals;
      try {
        locals = trees.getScope(path).getLocalElements();
      } catch (RuntimeException javacCannotAttributeHere) {
        javacFailed = true;
        continue;
      }
      for (Element e : locals) {
        if (e.getSimpleName().contentEquals(v.getName())) {
          return typed(e, v);
        }
      }
      // a pattern's binding is not in the scope at itself; attributed now, it has its element
      Element binding = trees.getElement(trees.getPath(src.unit(), v));
      if (binding != null && binding.asType().getKind() != TypeKind.ERROR) {
        return typed(binding, v);
      }
    }
    String derived =
        isVar(v) && v.getInitializer() != null ? derivedType(v.getInitializer()) : null;
    if (derived != null) {
      return new Typed(derived, null);
    }
    if (javacFailed) {
      throw new Unsupported(v, Message.VAR_NOT_TYPED_BY_JAVAC, v.getName(), v.getName());
    }
    throw new Unsupported(v, Message.UNKNOWN_TYPE, v.getName());
  }

  private Typed typed(Element local, VariableTree v) {
    String text = typeSource(local.asType(), v);
    return new Typed(text, nameable(local.asType()) ? local.asType() : null);
  }

  /**
   * The type of a {@code var} initializer when its shape alone determines it: a literal, a field or
   * method of the enclosing classes, a local of declared type, {@code new T(...)}, or an await of
   * one of those whose type is a future of a known output.
   */
  private String derivedType(ExpressionTree init) {
    ExpressionTree e = TreeShapes.unparen(init);
    if (awaits.isAwait(e)) {
      return expressionTypes.outputType(
          TreeShapes.unparen(((MethodInvocationTree) e).getArguments().get(0)));
    }
    return e.getKind() == Tree.Kind.NULL_LITERAL ? null : expressionTypes.knownType(e);
  }

  /** {@code t} as source text; an error type defers the method to the next round. */
  String typeSource(TypeMirror t, Tree at) {
    if (t.getKind() == TypeKind.ERROR) {
      throw new Deferred("error type for " + at, at);
    }
    if (t.getKind() == TypeKind.UNION) {
      return lub((UnionType) t, at);
    }
    if (t.getKind() == TypeKind.INTERSECTION) {
      throw new Unsupported(at, "an intersection type", true);
    }
    String s = t.toString();
    if (s.contains("capture#") || s.contains("<anonymous") || s.contains("<any>")) {
      throw new Unsupported(at, "a non-denotable type (" + s + ")", true);
    }
    return s;
  }

  /** The most specific common supertype of a multi-catch's alternatives, as the field's type. */
  private String lub(UnionType u, Tree at) {
    List<? extends TypeMirror> alts = u.getAlternatives();
    TypeMirror candidate = alts.get(0);
    while (candidate != null && candidate.getKind() != TypeKind.NONE) {
      boolean all = true;
      for (TypeMirror a : alts) {
        all &= types.isSubtype(a, candidate);
      }
      if (all) {
        return typeSource(candidate, at);
      }
      List<? extends TypeMirror> sup = types.directSupertypes(candidate);
      candidate = sup.isEmpty() ? null : sup.get(0);
    }
    return "java.lang.Throwable";
  }

  /** Whether every class in {@code t} can be named from another top-level class. */
  static boolean nameable(TypeMirror t) {
    switch (t.getKind()) {
      case DECLARED:
        {
          DeclaredType d = (DeclaredType) t;
          for (Element e = d.asElement(); e instanceof TypeElement; e = e.getEnclosingElement()) {
            NestingKind k = ((TypeElement) e).getNestingKind();
            if (k == NestingKind.LOCAL || k == NestingKind.ANONYMOUS) {
              return false;
            }
          }
          for (TypeMirror a : d.getTypeArguments()) {
            if (!nameable(a)) {
              return false;
            }
          }
          return true;
        }
      case ARRAY:
        return nameable(((ArrayType) t).getComponentType());
      case WILDCARD:
        {
          WildcardType w = (WildcardType) t;
          return (w.getExtendsBound() == null || nameable(w.getExtendsBound()))
              && (w.getSuperBound() == null || nameable(w.getSuperBound()));
        }
      case TYPEVAR:
        return true;
      default:
        return t.getKind().isPrimitive();
    }
  }
}
