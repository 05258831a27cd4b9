/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.processor.transform;

import com.palantir.javapoet.CodeBlock;
import com.sun.source.tree.ArrayAccessTree;
import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.CompoundAssignmentTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.Tree;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeMirror;

/**
 * The conversions a parent applies to an operand, applied when the operand is evaluated, before a
 * later await (JLS 15.7, 5.6): a null {@code Integer} fails before the operands after it run, and
 * an operand of a string concatenation becomes a string before the await can change it.
 */
final class Conversions {
  private final Lowering l;

  Conversions(Lowering l) {
    this.l = l;
  }

  /**
   * {@code l op r}. When {@code r} awaits, {@code l} is fully evaluated first (JLS 15.7.1), and
   * that includes the conversion the operator applies to it (JLS 5.6). Only an operand of
   * primitive or {@code String} type can go without that conversion, and only a stable one can be
   * left where it is.
   */
  CodeBlock binary(BinaryTree b) {
    ExpressionTree left = b.getLeftOperand();
    ExpressionTree right = b.getRightOperand();
    if (!l.awaits.contains(right)) {
      return l.operands.render(b, List.of(left, right));
    }
    CodeBlock leftCode = l.expressions.lower(left, false);
    CodeBlock leftValue;
    if (left.getKind() == Tree.Kind.NULL_LITERAL
        || l.expressionTypes.isPlainType(l.expressionTypes.knownType(left))) {
      leftValue =
          !l.awaits.contains(left) && l.operands.isStable(left, List.of(right))
              ? leftCode
              : l.operands.hold(left, leftCode);
    } else {
      leftValue = holdConverted(b, leftCode);
    }
    Map<Tree, CodeBlock> ov = new IdentityHashMap<>();
    ov.put(left, leftValue);
    ov.put(right, l.expressions.lower(right, false));
    return l.renderer.render(b, ov, RenderMode.VALUE);
  }

  /**
   * Holds the left operand of {@code b} converted as {@code b} converts it, and returns its read.
   * Without attribution the conversion is not known, so a never-evaluated witness of the whole
   * operation picks it ({@code Witness.operand}: unboxed when the operation is numeric or boolean,
   * a string when it is a concatenation; {@code Witness.compared} for {@code ==}, which unboxes
   * only when the comparison is numeric). The read is typed as the operand after that conversion:
   * as {@code l op r} (a numeric operation has the type both operands are promoted to, a shift the
   * promoted left operand's, a concatenation {@code String}), as {@code l + r} for a comparison, as
   * {@code true ? l : r} for {@code ==}. Not {@code true ? l : (l op r)}: where {@code l} is a
   * generic call ({@code await(later('a'))}) that conditional is a reference one (JLS 15.25), of
   * type {@code lub(Character, Integer)}, which no operator takes.
   */
  private CodeBlock holdConverted(BinaryTree b, CodeBlock leftValue) {
    CodeBlock left = CodeBlock.of("($L)", l.renderer.render(b.getLeftOperand(), RenderMode.TYPING));
    CodeBlock right =
        CodeBlock.of("($L)", l.renderer.render(b.getRightOperand(), RenderMode.TYPING));
    String helper;
    CodeBlock operation;
    CodeBlock readType;
    switch (b.getKind()) {
      case EQUAL_TO:
      case NOT_EQUAL_TO:
        // A call operand through Witness.branch, which keeps its type (boxed or not) but is no
        // generic call: a conditional is numeric by its operands' types, as == is (JLS 15.21),
        // while a generic call such as an await would make it a reference one (JLS 15.25), and
        // int != await(later(n)) would then compare references without unboxing a null n.
        helper = "compared";
        operation =
            CodeBlock.of(
                "true ? $L : $L",
                branchTyped(b.getLeftOperand(), left),
                branchTyped(b.getRightOperand(), right));
        readType = operation;
        break;
      case LESS_THAN:
      case GREATER_THAN:
      case LESS_THAN_EQUAL:
      case GREATER_THAN_EQUAL:
        // both operands are numeric: their sum has the type they are compared in
        helper = "operand";
        operation = CodeBlock.of("$L + $L", left, right);
        readType = CodeBlock.of("($L)", operation);
        break;
      default:
        helper = "operand";
        operation = CodeBlock.of("$L $L $L", left, Operators.text(b.getKind()), right);
        readType = CodeBlock.of("($L)", operation);
    }
    String held =
        l.fields.temp(
            "operand",
            "java.lang.Object",
            "holds " + TreeShapes.oneLine(l.src.of(b.getLeftOperand()))
                + " across an await, converted for " + Operators.text(b.getKind()));
    l.graph.line("$N = $L;", held, Witnesses.converted(helper, leftValue, operation));
    // == on an int and an Integer is numeric only while the int is read back as an int: through
    // branch, not through the generic as, whose T would box it and compare references
    return helper.equals("compared")
        ? Witnesses.branch(held, readType)
        : Witnesses.as(held, readType);
  }

  /**
   * {@code typing}, the text of {@code operand}, typed as it is but, if it is a call, a conditional
   * or a switch expression, standalone as the operand of {@code ==} is, through a local ({@link
   * ConditionalLowering#standaloneRead}): a call not as a generic call, a conditional not
   * classified by its branches' shapes inside the witness's conditional (an await in one makes it
   * a reference conditional: lub(Long, Double), which {@code ==} does not compare with an int).
   * Only these: javac picks the boxed overload of branch for some primitive expressions ({@code
   * ((int) Integer.valueOf(6)) + (count++)} gives {@code Integer}).
   */
  private CodeBlock branchTyped(ExpressionTree operand, CodeBlock typing) {
    switch (TreeShapes.unparen(operand).getKind()) {
      case METHOD_INVOCATION:
      case CONDITIONAL_EXPRESSION:
      case SWITCH_EXPRESSION:
        return l.conditionals.standaloneRead(operand, null);
      default:
        return typing;
    }
  }

  /**
   * {@code place op= r} with an await in {@code r}: the place's parts and its value are saved
   * first (JLS 15.26.2), the value converted as the operator converts it; then the operation, and
   * the store into the place.
   */
  CodeBlock compoundAssignment(CompoundAssignmentTree ca) {
    ExpressionTree place = ca.getVariable();
    List<ExpressionTree> kids = new ArrayList<>(ExpressionLowering.placeKids(place));
    if (!l.awaits.contains(ca.getExpression())) {
      return l.operands.render(ca, kids);
    }
    ExpressionTree bare = TreeShapes.unparen(place);
    boolean plain = l.expressionTypes.isPlainType(l.expressionTypes.knownType(bare));
    if (plain
        && bare instanceof IdentifierTree
        && l.names.isLocal(bare)
        && !OperandOrder.assignedIn(
            ((IdentifierTree) bare).getName().toString(), List.of(ca.getExpression()))) {
      // a local cannot change during the await except through this expression, and reading a
      // primitive or a String converts nothing: read it after
      List<ExpressionTree> all = new ArrayList<>(kids);
      all.add(ca.getExpression());
      return l.operands.render(ca, all);
    }
    List<CodeBlock> values = l.operands.operands(kids, true, ofIndex(place));
    Map<Tree, CodeBlock> ov = new IdentityHashMap<>();
    for (int i = 0; i < kids.size(); i++) {
      ov.put(kids.get(i), values.get(i));
    }
    CodeBlock placeCode = l.renderer.render(place, ov, RenderMode.VALUE);
    String op = Operators.text(ca.getKind());
    String old =
        l.fields.temp(
            "held",
            "java.lang.Object",
            "value of " + TreeShapes.oneLine(l.src.of(place)) + " before the await");
    CodeBlock placeTyping = l.renderer.render(place, RenderMode.TYPING);
    if (plain) {
      l.graph.line("$N = $L;", old, placeCode);
    } else {
      // the saved value is converted as the operator converts it (JLS 15.26.2), before the await
      CodeBlock operation =
          CodeBlock.of(
              "($L) $L ($L)",
              placeTyping,
              op,
              l.renderer.render(ca.getExpression(), RenderMode.TYPING));
      l.graph.line("$N = $L;", old, Witnesses.converted("operand", placeCode, operation));
    }
    CodeBlock rhs = l.expressions.lower(ca.getExpression(), false);
    String updated = l.fields.local("updated");
    l.graph.line("var $N = $L;", updated, Witnesses.as(old, placeTyping));
    l.graph.line("$N $L= $L;", updated, op, rhs);
    l.graph.line("$L;", l.renderer.store(place, ov, CodeBlock.of("$N", updated)));
    return CodeBlock.of("$N", updated);
  }

  /** An array element as an assignment target: its index is converted to int when evaluated. */
  static Map<ExpressionTree, String> ofIndex(ExpressionTree place) {
    place = TreeShapes.unparen(place);
    if (place instanceof ArrayAccessTree) {
      return Map.of(((ArrayAccessTree) place).getIndex(), "int");
    }
    return Map.of();
  }

  /**
   * An argument whose parameter is primitive in every candidate, of different types: it is
   * unboxed when it is evaluated ({@code Math.max((Long) n, await(...))} fails on a null {@code n}
   * before the await), widened at the call.
   */
  static final String UNBOXED = "unboxed";

  /**
   * For each argument whose parameter has the same primitive type in every candidate of its arity
   * (the only ones javac could choose), that type: the argument is converted to it when it is
   * evaluated; {@link #UNBOXED} where the candidates' primitive types differ. Arguments of unknown
   * callees keep their conversion at the call.
   */
  Map<ExpressionTree, String> ofArguments(
      List<? extends ExpressionTree> args, List<ExecutableElement> candidates) {
    Map<ExpressionTree, String> out = new IdentityHashMap<>();
    List<ExecutableElement> fitting = new ArrayList<>();
    for (ExecutableElement c : candidates) {
      if (c.isVarArgs()) {
        // a varargs candidate may take any number of arguments, as any type: not known
        return out;
      }
      if (c.getParameters().size() == args.size()) {
        fitting.add(c);
      }
    }
    for (int i = 0; i < args.size(); i++) {
      String type = null;
      for (ExecutableElement c : fitting) {
        TypeMirror p = c.getParameters().get(i).asType();
        if (!p.getKind().isPrimitive()) {
          type = null;
          break;
        }
        type = type == null || type.equals(p.toString()) ? p.toString() : UNBOXED;
      }
      if (type != null) {
        out.put(args.get(i), type);
      }
    }
    return out;
  }

  /**
   * The methods a call may resolve to (every member of that name, inherited ones included), when
   * the class it is looked up in is known: the enclosing class that has a method of that name for
   * a simple name (JLS 15.12.1), a static import, or {@code Type.m(...)}; else empty.
   */
  List<ExecutableElement> callees(MethodInvocationTree call) {
    ExpressionTree select = call.getMethodSelect();
    if (select instanceof IdentifierTree) {
      String name = ((IdentifierTree) select).getName().toString();
      if (!l.names.isMember(select)) {
        return new ArrayList<>(l.scope.staticallyImportedMethods(name));
      }
      return l.scope.methodsInScope(name);
    }
    if (select instanceof MemberSelectTree) {
      MemberSelectTree ms = (MemberSelectTree) select;
      Element qualifier = l.scope.qualified(ms.getExpression()).orElse(null);
      if (qualifier instanceof TypeElement
          && l.names.isTypeName(TreeShapes.rootOf(ms.getExpression()))) {
        return l.scope.methods((TypeElement) qualifier, ms.getIdentifier().toString());
      }
    }
    return List.of();
  }

  /** The constructors {@code new T(...)} may call, when {@code T} is known and not generic. */
  List<ExecutableElement> constructors(NewClassTree n) {
    if (n.getClassBody() != null
        || n.getEnclosingExpression() != null
        || !(n.getIdentifier() instanceof IdentifierTree)) {
      return List.of();
    }
    Element type =
        l.scope.type(((IdentifierTree) n.getIdentifier()).getName().toString()).orElse(null);
    if (type == null) {
      return List.of();
    }
    List<ExecutableElement> out = new ArrayList<>();
    for (Element m : type.getEnclosedElements()) {
      if (m.getKind() == ElementKind.CONSTRUCTOR) {
        out.add((ExecutableElement) m);
      }
    }
    return out;
  }
}
