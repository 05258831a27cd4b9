/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.processor.analysis;

import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.ConditionalExpressionTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.PrimitiveTypeTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TypeCastTree;
import com.sun.source.tree.UnaryTree;
import com.sun.source.tree.VariableTree;
import java.util.Optional;
import javax.lang.model.element.Element;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeKind;

/**
 * The value of a constant expression (JLS 15.29) of an {@code @Async} body, computed as javac
 * computes it: literals, constant variables (by simple or qualified name), casts to a primitive type
 * or {@code String}, and the operators over them. An expression that would throw ({@code 1 / 0})
 * is not a constant: javac evaluates it when it runs.
 */
public final class ConstantValues {
  private final BodyNames names;
  private final TypeScope scope;

  public ConstantValues(BodyNames names, TypeScope scope) {
    this.names = names;
    this.scope = scope;
  }

  /** Whether {@code e} is a constant expression. */
  public boolean isConstant(ExpressionTree e) {
    return value(e).isPresent();
  }

  /** Whether {@code e} is a constant expression whose value is {@code true}. */
  public boolean isTrue(ExpressionTree e) {
    return value(e).filter(Boolean.TRUE::equals).isPresent();
  }

  /** The value of {@code e} (boxed), or empty when it is not a constant expression. */
  public Optional<Object> value(ExpressionTree e) {
    try {
      return Optional.ofNullable(eval(e));
    } catch (ArithmeticException notConstant) {
      return Optional.empty();
    }
  }

  private Object eval(ExpressionTree e) {
    if (e instanceof ParenthesizedTree) {
      return eval(((ParenthesizedTree) e).getExpression());
    }
    if (e instanceof LiteralTree) {
      // null is a literal but not a constant expression
      return ((LiteralTree) e).getValue();
    }
    if (e instanceof IdentifierTree) {
      VariableTree local = names.local(e);
      return local != null ? localConstant(local) : constantOf(names.member(e));
    }
    if (e instanceof MemberSelectTree) {
      // TypeName.Identifier only: p.MAX through a variable p is no constant expression
      ExpressionTree qualifier = ((MemberSelectTree) e).getExpression();
      ExpressionTree root = qualifier;
      while (root instanceof MemberSelectTree) {
        root = ((MemberSelectTree) root).getExpression();
      }
      boolean typeName =
          !names.isLocal(root)
              && !names.isMember(root)
              && scope.qualified(qualifier).filter(TypeElement.class::isInstance).isPresent();
      return typeName ? constantOf(scope.qualified(e).orElse(null)) : null;
    }
    if (e instanceof TypeCastTree) {
      return cast(((TypeCastTree) e).getType(), eval(((TypeCastTree) e).getExpression()));
    }
    if (e instanceof ConditionalExpressionTree) {
      ConditionalExpressionTree c = (ConditionalExpressionTree) e;
      Object cond = eval(c.getCondition());
      Object t = eval(c.getTrueExpression());
      Object f = eval(c.getFalseExpression());
      if (!(cond instanceof Boolean) || t == null || f == null) {
        return null;
      }
      return (Boolean) cond ? t : f;
    }
    if (e instanceof UnaryTree) {
      return unary(e.getKind(), eval(((UnaryTree) e).getExpression()));
    }
    if (e instanceof BinaryTree) {
      BinaryTree b = (BinaryTree) e;
      Object l = eval(b.getLeftOperand());
      Object r = eval(b.getRightOperand());
      return l == null || r == null ? null : binary(b.getKind(), l, r);
    }
    return null;
  }

  /**
   * The value of a constant local (JLS 4.12.4): declared {@code final}, of a primitive type or
   * {@code String} ({@code var} infers one from a constant initializer), initialized with a
   * constant expression.
   */
  public Object localConstant(VariableTree local) {
    if (!local.getModifiers().getFlags().contains(Modifier.FINAL)
        || local.getInitializer() == null) {
      return null;
    }
    Tree type = local.getType();
    Object v = eval(local.getInitializer());
    if (v == null) {
      return null;
    }
    if (type instanceof PrimitiveTypeTree) {
      return primitive(((PrimitiveTypeTree) type).getPrimitiveTypeKind(), v);
    }
    if (type == null || type.toString().equals("var")) {
      // before attribution javac leaves the type of a var local empty
      return v;
    }
    return isString(type) && v instanceof String ? v : null;
  }

  private static Object constantOf(Element e) {
    return e instanceof VariableElement ? ((VariableElement) e).getConstantValue() : null;
  }

  private Object cast(Tree type, Object v) {
    if (v == null) {
      return null;
    }
    if (type instanceof PrimitiveTypeTree) {
      return primitive(((PrimitiveTypeTree) type).getPrimitiveTypeKind(), v);
    }
    // (String) "x": the only reference type a constant may be cast to
    return isString(type) && v instanceof String ? v : null;
  }

  private boolean isString(Tree type) {
    if (type instanceof IdentifierTree) {
      return scope
          .type(((IdentifierTree) type).getName().toString())
          .filter(t -> t.getQualifiedName().contentEquals("java.lang.String"))
          .isPresent();
    }
    return type.toString().equals("java.lang.String");
  }

  /** {@code v} converted to the primitive type {@code k}, as a cast or constant assignment does. */
  private static Object primitive(TypeKind k, Object v) {
    if (k == TypeKind.BOOLEAN) {
      return v instanceof Boolean ? v : null;
    }
    if (!isNumeric(v)) {
      return null;
    }
    // a floating value narrows to byte, short or char through int, saturating (JLS 5.1.3):
    // (char) 1e10 is '\uffff', not the low bits of 10000000000L
    long integral = isFloating(v) ? (int) asDouble(v) : asLong(v);
    switch (k) {
      case BYTE:
        return (byte) integral;
      case SHORT:
        return (short) integral;
      case CHAR:
        return (char) integral;
      case INT:
        return isFloating(v) ? (int) asDouble(v) : (int) asLong(v);
      case LONG:
        return isFloating(v) ? (long) asDouble(v) : asLong(v);
      case FLOAT:
        return isFloating(v) ? (float) asDouble(v) : (float) asLong(v);
      case DOUBLE:
        return isFloating(v) ? asDouble(v) : (double) asLong(v);
      default:
        return null;
    }
  }

  private static Object unary(Tree.Kind kind, Object v) {
    if (v == null) {
      return null;
    }
    switch (kind) {
      case LOGICAL_COMPLEMENT:
        return v instanceof Boolean ? !(Boolean) v : null;
      case UNARY_PLUS:
        return promoteOne(v);
      case UNARY_MINUS:
        {
          Object p = promoteOne(v);
          if (p instanceof Integer) {
            return -(Integer) p;
          }
          if (p instanceof Long) {
            return -(Long) p;
          }
          if (p instanceof Float) {
            return -(Float) p;
          }
          return p instanceof Double ? -(Double) p : null;
        }
      case BITWISE_COMPLEMENT:
        {
          Object p = promoteOne(v);
          if (p instanceof Integer) {
            return ~(Integer) p;
          }
          return p instanceof Long ? ~(Long) p : null;
        }
      default:
        return null;
    }
  }

  private static Object binary(Tree.Kind kind, Object l, Object r) {
    if (kind == Tree.Kind.PLUS && (l instanceof String || r instanceof String)) {
      return String.valueOf(l) + r;
    }
    if (l instanceof Boolean && r instanceof Boolean) {
      boolean a = (Boolean) l;
      boolean b = (Boolean) r;
      switch (kind) {
        case CONDITIONAL_AND:
        case AND:
          return a & b;
        case CONDITIONAL_OR:
        case OR:
          return a | b;
        case XOR:
          return a ^ b;
        case EQUAL_TO:
          return a == b;
        case NOT_EQUAL_TO:
          return a != b;
        default:
          return null;
      }
    }
    if (l instanceof String && r instanceof String) {
      // == on constant strings compares interned strings: equal text is the same object
      if (kind == Tree.Kind.EQUAL_TO) {
        return l.equals(r);
      }
      return kind == Tree.Kind.NOT_EQUAL_TO ? !l.equals(r) : null;
    }
    if (!isNumeric(l) || !isNumeric(r)) {
      return null;
    }
    if (kind == Tree.Kind.LEFT_SHIFT
        || kind == Tree.Kind.RIGHT_SHIFT
        || kind == Tree.Kind.UNSIGNED_RIGHT_SHIFT) {
      Object a = promoteOne(l);
      long n = asLong(promoteOne(r));
      if (a instanceof Integer) {
        int x = (Integer) a;
        return kind == Tree.Kind.LEFT_SHIFT ? x << n : kind == Tree.Kind.RIGHT_SHIFT ? x >> n : x >>> n;
      }
      if (a instanceof Long) {
        long x = (Long) a;
        return kind == Tree.Kind.LEFT_SHIFT ? x << n : kind == Tree.Kind.RIGHT_SHIFT ? x >> n : x >>> n;
      }
      return null;
    }
    if (isFloating(l) || isFloating(r)) {
      boolean isDouble = l instanceof Double || r instanceof Double;
      double a = asDouble(l);
      double b = asDouble(r);
      Object result = floating(kind, a, b);
      if (result instanceof Double && !isDouble) {
        return (float) (double) (Double) result;
      }
      return result;
    }
    boolean isLong = l instanceof Long || r instanceof Long;
    long a = asLong(l);
    long b = asLong(r);
    switch (kind) {
      case MULTIPLY:
        return isLong ? (Object) (a * b) : (Object) ((int) a * (int) b);
      case DIVIDE:
        // division by zero throws: not a constant (ArithmeticException caught by value())
        return isLong ? (Object) (a / b) : (Object) ((int) a / (int) b);
      case REMAINDER:
        return isLong ? (Object) (a % b) : (Object) ((int) a % (int) b);
      case PLUS:
        return isLong ? (Object) (a + b) : (Object) ((int) a + (int) b);
      case MINUS:
        return isLong ? (Object) (a - b) : (Object) ((int) a - (int) b);
      case AND:
        return isLong ? (Object) (a & b) : (Object) ((int) a & (int) b);
      case OR:
        return isLong ? (Object) (a | b) : (Object) ((int) a | (int) b);
      case XOR:
        return isLong ? (Object) (a ^ b) : (Object) ((int) a ^ (int) b);
      case LESS_THAN:
        return a < b;
      case GREATER_THAN:
        return a > b;
      case LESS_THAN_EQUAL:
        return a <= b;
      case GREATER_THAN_EQUAL:
        return a >= b;
      case EQUAL_TO:
        return a == b;
      case NOT_EQUAL_TO:
        return a != b;
      default:
        return null;
    }
  }

  private static Object floating(Tree.Kind kind, double a, double b) {
    switch (kind) {
      case MULTIPLY:
        return a * b;
      case DIVIDE:
        return a / b;
      case REMAINDER:
        return a % b;
      case PLUS:
        return a + b;
      case MINUS:
        return a - b;
      case LESS_THAN:
        return a < b;
      case GREATER_THAN:
        return a > b;
      case LESS_THAN_EQUAL:
        return a <= b;
      case GREATER_THAN_EQUAL:
        return a >= b;
      case EQUAL_TO:
        return a == b;
      case NOT_EQUAL_TO:
        return a != b;
      default:
        return null;
    }
  }

  /** Unary numeric promotion: byte, short and char become int. */
  private static Object promoteOne(Object v) {
    if (v instanceof Character) {
      return (int) (Character) v;
    }
    if (v instanceof Byte || v instanceof Short) {
      return ((Number) v).intValue();
    }
    return isNumeric(v) ? v : null;
  }

  private static boolean isNumeric(Object v) {
    return v instanceof Number || v instanceof Character;
  }

  private static boolean isFloating(Object v) {
    return v instanceof Float || v instanceof Double;
  }

  private static long asLong(Object v) {
    return v instanceof Character ? (Character) v : ((Number) v).longValue();
  }

  private static double asDouble(Object v) {
    return v instanceof Character ? (Character) v : ((Number) v).doubleValue();
  }
}
