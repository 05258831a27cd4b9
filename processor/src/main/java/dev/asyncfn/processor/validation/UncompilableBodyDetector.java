/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.processor.validation;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.PrimitiveTypeTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.SwitchExpressionTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.tree.YieldTree;
import com.sun.source.util.TreeScanner;
import dev.asyncfn.processor.analysis.BodyNames;
import dev.asyncfn.processor.analysis.TypeScope;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Finds what javac will certainly reject in a body: a type, method or variable name nothing
 * declares, a local declared twice, a {@code yield} outside a switch expression, a static method
 * (a companion's factory, say) called with a number of arguments none of its overloads takes, a
 * literal or a local of a declared type returned where the method's return type cannot take it. A
 * machine is not generated from such a body: javac reports the mistake once, on the user's line,
 * and a copy of it in the generated file would report it a second time.
 *
 * <p>Everything here is certain without attribution; a type error that needs attribution to be
 * seen (the type of a call, of a {@code var}) is not looked for, since reporting valid code would
 * leave the method with a stub machine.
 */
public final class UncompilableBodyDetector {
  private UncompilableBodyDetector() {}

  /** What javac will reject in {@code method}'s body, in source order; empty when nothing. */
  public static List<BodyNames.Unresolved> find(
      MethodTree method,
      ExecutableElement element,
      BodyNames names,
      TypeScope scope,
      Elements elements,
      Types types) {
    List<BodyNames.Unresolved> out = new ArrayList<>(names.unresolved());
    new Returns(element, names, scope, elements, types, out, shadowing(method, element))
        .scan(method.getBody(), null);
    new TreeScanner<Void, Boolean>() {
      @Override
      public Void visitSwitchExpression(SwitchExpressionTree node, Boolean inSwitch) {
        scan(node.getExpression(), inSwitch);
        return scan(node.getCases(), true);
      }

      @Override
      public Void visitLambdaExpression(LambdaExpressionTree node, Boolean inSwitch) {
        return scan(node.getBody(), false);
      }

      @Override
      public Void visitClass(ClassTree node, Boolean inSwitch) {
        return null;
      }

      @Override
      public Void visitYield(YieldTree node, Boolean inSwitch) {
        if (!inSwitch) {
          out.add(new BodyNames.Unresolved(node, "yield outside of a switch expression", false));
        }
        return super.visitYield(node, inSwitch);
      }

      @Override
      public Void visitMethodInvocation(MethodInvocationTree node, Boolean inSwitch) {
        if (node.getMethodSelect() instanceof MemberSelectTree) {
          MemberSelectTree ms = (MemberSelectTree) node.getMethodSelect();
          Element type = scope.qualified(ms.getExpression()).orElse(null);
          if (type instanceof TypeElement
              && isTypeName(ms.getExpression(), names)
              && !accepts(
                  scope.methods((TypeElement) type, ms.getIdentifier().toString()),
                  node.getArguments().size())) {
            out.add(
                new BodyNames.Unresolved(
                    node,
                    "no method " + ms + " takes " + node.getArguments().size() + " arguments",
                    false));
          }
        }
        return super.visitMethodInvocation(node, inSwitch);
      }
    }.scan(method.getBody(), false);
    return out;
  }

  /**
   * The method's own {@code return}s (not a lambda's or a local class's) of a literal or a local
   * whose declared type is certain, where javac's assignment conversion (JLS 5.2, the context of a
   * {@code return}) cannot take it to the return type: {@code return s;} of a {@code String s} in
   * an {@code int} method.
   */
  private static final class Returns extends TreeScanner<Void, Void> {
    /** Constant narrowing (JLS 5.2): an int constant may be returned as these, if it fits. */
    private static final Set<String> NARROWS =
        Set.of("byte", "short", "char", "java.lang.Byte", "java.lang.Short", "java.lang.Character");

    private final ExecutableElement method;
    private final BodyNames names;
    private final TypeScope scope;
    private final Elements elements;
    private final Types types;
    private final List<BodyNames.Unresolved> out;
    private final Set<String> shadowing;

    Returns(
        ExecutableElement method,
        BodyNames names,
        TypeScope scope,
        Elements elements,
        Types types,
        List<BodyNames.Unresolved> out,
        Set<String> shadowing) {
      this.shadowing = shadowing;
      this.method = method;
      this.names = names;
      this.scope = scope;
      this.elements = elements;
      this.types = types;
      this.out = out;
    }

    @Override
    public Void visitLambdaExpression(LambdaExpressionTree node, Void unused) {
      return null;
    }

    @Override
    public Void visitClass(ClassTree node, Void unused) {
      return null;
    }

    @Override
    public Void visitReturn(ReturnTree node, Void unused) {
      TypeMirror returns = method.getReturnType();
      TypeMirror value = node.getExpression() == null ? null : typeOf(node.getExpression());
      if (value != null
          && returns.getKind() != TypeKind.VOID
          && returns.getKind() != TypeKind.ERROR
          && !(NARROWS.contains(returns.toString()) && narrowable(value))
          && !types.isAssignable(value, returns)) {
        out.add(
            new BodyNames.Unresolved(
                node.getExpression(),
                "a " + value + " cannot be returned from a method that returns " + returns,
                false));
      }
      return super.visitReturn(node, null);
    }

    private static boolean narrowable(TypeMirror t) {
      TypeKind k = t.getKind();
      return k == TypeKind.INT || k == TypeKind.SHORT || k == TypeKind.CHAR || k == TypeKind.BYTE;
    }

    /** The type of a literal or a local of a declared type; null when not certain. */
    private TypeMirror typeOf(ExpressionTree e) {
      while (e instanceof ParenthesizedTree) {
        e = ((ParenthesizedTree) e).getExpression();
      }
      if (e instanceof LiteralTree) {
        switch (e.getKind()) {
          case STRING_LITERAL:
            return elements.getTypeElement("java.lang.String").asType();
          case BOOLEAN_LITERAL:
            return types.getPrimitiveType(TypeKind.BOOLEAN);
          case NULL_LITERAL:
            return types.getNullType();
          case INT_LITERAL:
            return types.getPrimitiveType(TypeKind.INT);
          case LONG_LITERAL:
            return types.getPrimitiveType(TypeKind.LONG);
          case FLOAT_LITERAL:
            return types.getPrimitiveType(TypeKind.FLOAT);
          case DOUBLE_LITERAL:
            return types.getPrimitiveType(TypeKind.DOUBLE);
          default:
            return null;
        }
      }
      if (!(e instanceof IdentifierTree) || !names.isLocal(e)) {
        return null;
      }
      VariableTree local = names.local(e);
      for (VariableElement p : method.getParameters()) {
        if (p.getSimpleName().contentEquals(local.getName())) {
          // a parameter's declared type (a local of that name would be a duplicate)
          return p.asType().getKind() == TypeKind.ERROR ? null : p.asType();
        }
      }
      return declared(local.getType());
    }

    /** A primitive type or a non-generic class named by a simple name; else null. */
    private TypeMirror declared(Tree type) {
      if (type instanceof PrimitiveTypeTree) {
        return types.getPrimitiveType(((PrimitiveTypeTree) type).getPrimitiveTypeKind());
      }
      if (type instanceof IdentifierTree
          && !shadowing.contains(((IdentifierTree) type).getName().toString())) {
        TypeElement t = scope.type(((IdentifierTree) type).getName().toString()).orElse(null);
        if (t != null && t.getTypeParameters().isEmpty() && t.getEnclosingElement() != null) {
          return t.asType();
        }
      }
      return null;
    }
  }

  /**
   * The type names that may mean something other than what {@link TypeScope#type} finds: type
   * variables of the method and its classes, local classes, records, enums and interfaces.
   */
  private static Set<String> shadowing(MethodTree method, ExecutableElement element) {
    Set<String> out = new HashSet<>();
    element.getTypeParameters().forEach(p -> out.add(p.getSimpleName().toString()));
    for (Element e = element.getEnclosingElement(); e instanceof TypeElement;
        e = e.getEnclosingElement()) {
      ((TypeElement) e).getTypeParameters().forEach(p -> out.add(p.getSimpleName().toString()));
    }
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitClass(ClassTree node, Void unused) {
        out.add(node.getSimpleName().toString());
        return super.visitClass(node, null);
      }
    }.scan(method.getBody(), null);
    return out;
  }

  private static boolean isTypeName(com.sun.source.tree.ExpressionTree e, BodyNames names) {
    while (e instanceof MemberSelectTree) {
      e = ((MemberSelectTree) e).getExpression();
    }
    return names.isTypeName(e);
  }

  /** Whether one of {@code methods} takes {@code count} arguments (varargs: at least n - 1). */
  private static boolean accepts(List<ExecutableElement> methods, int count) {
    for (ExecutableElement m : methods) {
      int n = m.getParameters().size();
      if (n == count || (m.isVarArgs() && count >= n - 1)) {
        return true;
      }
    }
    return false;
  }
}
