/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.processor.transform;

import com.palantir.javapoet.CodeBlock;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.CompoundAssignmentTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.ParameterizedTypeTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.UnaryTree;
import com.sun.source.tree.VariableTree;
import dev.asyncfn.processor.analysis.BodyNames;
import dev.asyncfn.processor.analysis.TypeScope;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Uses of members that the body may use but the machine, another top-level class of the package,
 * may not: private fields, methods and constructors of the class's nest, protected members
 * inherited from a superclass in another package, and {@code super} calls. Each becomes a call of
 * a named accessor of the machine ({@link Accessors}) that goes through a method or var handle;
 * a private constant is inlined as its value.
 *
 * <p>A member is found where javac would find it when the receiver's type is known without
 * attribution: an implicit {@code this} member, {@code this.x}, {@code Type.x}, {@code super.x}, a
 * local or parameter of a declared type, a field of the enclosing class. A private member used
 * through another receiver (the result of a call) is left as written, and javac reports it.
 */
final class MemberAccess {
  private final Elements elements;
  private final Types types;
  private final BodyNames names;
  private final TypeScope scope;
  private final TypeElement owner;
  private final String packageName;
  /** The machine's name for the receiver, or null in a static method. */
  private final String self;
  private final Accessors accessors;
  private final Parents parents;

  MemberAccess(
      Elements elements,
      Types types,
      BodyNames names,
      TypeScope scope,
      TypeElement owner,
      String self,
      Accessors accessors,
      Parents parents) {
    this.parents = parents;
    this.elements = elements;
    this.types = types;
    this.names = names;
    this.scope = scope;
    this.owner = owner;
    this.packageName = elements.getPackageOf(owner).getQualifiedName().toString();
    this.self = self;
    this.accessors = accessors;
  }

  /**
   * The rewrite of {@code node} when it uses a member the machine cannot use as written, with its
   * parts rendered by {@code part}; null when it needs none.
   */
  CodeBlock rewrite(Tree node, Function<Tree, CodeBlock> part) {
    switch (node.getKind()) {
      case IDENTIFIER:
      case MEMBER_SELECT:
        return read((ExpressionTree) node, part);
      case ASSIGNMENT:
        {
          AssignmentTree a = (AssignmentTree) node;
          Place p = place(a.getVariable());
          return p == null ? null : store(p, part.apply(a.getExpression()), part);
        }
      case PREFIX_INCREMENT:
      case PREFIX_DECREMENT:
      case POSTFIX_INCREMENT:
      case POSTFIX_DECREMENT:
        return step((UnaryTree) node, part);
      case METHOD_INVOCATION:
        return call((MethodInvocationTree) node, part);
      case NEW_CLASS:
        return construct((NewClassTree) node, part);
      case MEMBER_REFERENCE:
        return reference((MemberReferenceTree) node);
      default:
        if (node instanceof CompoundAssignmentTree) {
          return compound((CompoundAssignmentTree) node, part);
        }
        return null;
    }
  }

  /**
   * {@code place = value} for an assignment target {@code place} the machine cannot write as
   * written (a routed field), else null.
   */
  CodeBlock store(ExpressionTree place, CodeBlock value, Function<Tree, CodeBlock> part) {
    Place p = place(place);
    return p == null ? null : store(p, value, part);
  }

  /** A field that is read or written through an accessor, and the receiver it is read on. */
  private record Place(VariableElement field, Receiver receiver, Tree receiverTree) {}

  /** Who a member is used on: its static type, and whether it is a type (a static use). */
  private record Receiver(TypeElement type, boolean isStatic) {}

  private CodeBlock read(ExpressionTree node, Function<Tree, CodeBlock> part) {
    Tree parent = parents.of(node);
    if (parent instanceof MethodInvocationTree
        && ((MethodInvocationTree) parent).getMethodSelect() == node) {
      // p.x() calls the method x, not the field of the same name
      return null;
    }
    Place p = place(node);
    if (p == null) {
      return null;
    }
    Object constant = p.field().getConstantValue();
    if (constant != null) {
      // a constant: its value, as javac itself inlines it (a case label needs a constant)
      return ConstantLocals.inlined(elements, constant, node);
    }
    return CodeBlock.of("$N($L)", accessors.reader(p.field()), receiverCode(p, part));
  }

  private CodeBlock store(Place p, CodeBlock value, Function<Tree, CodeBlock> part) {
    return CodeBlock.of(
        "$N($L)", accessors.writer(p.field()), arguments(receiverCode(p, part), value));
  }

  private CodeBlock compound(CompoundAssignmentTree node, Function<Tree, CodeBlock> part) {
    Place p = place(node.getVariable());
    if (p == null) {
      return null;
    }
    requireStableReceiver(p, node);
    TypeMirror type = memberType(p.field(), p.receiver().type());
    CodeBlock receiver = receiverCode(p, part);
    // JLS 15.26.2: (T) (place op rhs), the place read before the right-hand side runs; the cast
    // is redundant when the right-hand side is no wider (javac's 'cast' lint): suppressed
    accessors.narrowingCast();
    CodeBlock value =
        CodeBlock.of(
            "($T) ($N($L) $L ($L))",
            com.palantir.javapoet.TypeName.get(types.erasure(type)),
            accessors.reader(p.field()),
            receiver,
            Operators.text(node.getKind()),
            part.apply(node.getExpression()));
    return CodeBlock.of("$N($L)", accessors.writer(p.field()), arguments(receiver, value));
  }

  private CodeBlock step(UnaryTree node, Function<Tree, CodeBlock> part) {
    Place p = place(node.getExpression());
    if (p == null) {
      return null;
    }
    boolean post =
        node.getKind() == Tree.Kind.POSTFIX_INCREMENT
            || node.getKind() == Tree.Kind.POSTFIX_DECREMENT;
    boolean up =
        node.getKind() == Tree.Kind.POSTFIX_INCREMENT
            || node.getKind() == Tree.Kind.PREFIX_INCREMENT;
    return CodeBlock.of(
        "$N($L)",
        accessors.stepper(p.field()),
        arguments(receiverCode(p, part), CodeBlock.of("$L, $L", up ? "1" : "-1", post)));
  }

  /** {@code receiver, rest}, or {@code rest} alone when there is no receiver. */
  private static CodeBlock arguments(CodeBlock receiver, CodeBlock rest) {
    return receiver.isEmpty() ? rest : CodeBlock.of("$L, $L", receiver, rest);
  }

  private CodeBlock call(MethodInvocationTree node, Function<Tree, CodeBlock> part) {
    ExpressionTree select = node.getMethodSelect();
    String name;
    TypeElement in;
    CodeBlock receiver;
    boolean superCall = false;
    if (select instanceof IdentifierTree) {
      name = ((IdentifierTree) select).getName().toString();
      Element member = names.member(select);
      if (!(member instanceof ExecutableElement)) {
        return null;
      }
      // the methods of the class javac looks the name up in (JLS 15.12.1)
      List<ExecutableElement> inScope = callable(scope.methodsInScope(name));
      if (inScope.isEmpty()) {
        return null;
      }
      in = owner;
      receiver = null;
      return callOf(inScope, false, receiver, node, part);
    }
    if (!(select instanceof MemberSelectTree)) {
      return null;
    }
    MemberSelectTree ms = (MemberSelectTree) select;
    name = ms.getIdentifier().toString();
    ExpressionTree recv = TreeShapes.unparen(ms.getExpression());
    superCall = isSuper(recv);
    Receiver r = receiverOf(recv);
    if (r == null) {
      return null;
    }
    in = r.type();
    List<ExecutableElement> candidates = callable(scope.methods(in, name));
    if (superCall) {
      candidates.removeIf(m -> m.getModifiers().contains(Modifier.ABSTRACT));
    }
    receiver = superCall || r.isStatic() ? null : part.apply(recv);
    return callOf(candidates, superCall, receiver, node, part);
  }

  /**
   * A call of one of {@code candidates} through their accessor, when any of them needs one (a
   * super call always does); {@code receiver} is the receiver's code, null for the machine's own
   * receiver or none.
   */
  private CodeBlock callOf(
      List<ExecutableElement> candidates,
      boolean superCall,
      CodeBlock receiver,
      MethodInvocationTree node,
      Function<Tree, CodeBlock> part) {
    boolean anyRouted = superCall;
    boolean anyInstance = false;
    for (ExecutableElement m : candidates) {
      anyRouted |= routed(m);
      anyInstance |= !m.getModifiers().contains(Modifier.STATIC);
    }
    if (!anyRouted || candidates.isEmpty()) {
      return null;
    }
    CodeBlock.Builder b = CodeBlock.builder().add("$N(", accessors.caller(candidates, superCall));
    boolean first = true;
    if (anyInstance) {
      b.add("$L", receiver != null ? receiver : ownReceiver(candidates.get(0)));
      first = false;
    }
    for (ExpressionTree arg : node.getArguments()) {
      b.add(first ? "$L" : ", $L", part.apply(arg));
      first = false;
    }
    return b.add(")").build();
  }

  /** The machine's receiver for a member used on {@code this}: {@code self}, or none. */
  private CodeBlock ownReceiver(Element member) {
    return self != null
        ? CodeBlock.of("$N", self)
        : CodeBlock.of(
            "($T) null",
            com.palantir.javapoet.TypeName.get(
                types.erasure(((TypeElement) member.getEnclosingElement()).asType())));
  }

  private CodeBlock construct(NewClassTree node, Function<Tree, CodeBlock> part) {
    if (node.getClassBody() != null || node.getEnclosingExpression() != null) {
      return null;
    }
    Tree id = node.getIdentifier();
    if (id instanceof ParameterizedTypeTree) {
      return null;
    }
    TypeElement type = typeNamed(id);
    if (type == null) {
      return null;
    }
    List<ExecutableElement> all = new ArrayList<>();
    for (Element m : type.getEnclosedElements()) {
      if (m.getKind() == ElementKind.CONSTRUCTOR) {
        all.add((ExecutableElement) m);
      }
    }
    List<ExecutableElement> ctors = callable(all);
    boolean anyRouted = false;
    for (ExecutableElement m : ctors) {
      anyRouted |= routed(m);
    }
    if (!anyRouted) {
      return null;
    }
    CodeBlock.Builder b = CodeBlock.builder().add("$N(", accessors.constructor(ctors, type));
    for (int i = 0; i < node.getArguments().size(); i++) {
      b.add(i == 0 ? "$L" : ", $L", part.apply(node.getArguments().get(i)));
    }
    return b.add(")").build();
  }

  /**
   * {@code this::helper} or {@code Type::helper} of a routed method with one candidate: a lambda
   * calling its accessor (other receivers are evaluated once by a method reference, and are left
   * as written).
   */
  private CodeBlock reference(MemberReferenceTree node) {
    if (node.getMode() != MemberReferenceTree.ReferenceMode.INVOKE) {
      return null;
    }
    ExpressionTree recv = TreeShapes.unparen(node.getQualifierExpression());
    boolean isThis =
        recv instanceof IdentifierTree && ((IdentifierTree) recv).getName().contentEquals("this");
    Receiver receiver = receiverOf(recv);
    if (receiver == null || (!isThis && !receiver.isStatic())) {
      return null;
    }
    List<ExecutableElement> candidates =
        callable(scope.methods(receiver.type(), node.getName().toString()));
    boolean anyRouted = false;
    for (ExecutableElement c : candidates) {
      anyRouted |= routed(c);
      if (c.getParameters().size() != candidates.get(0).getParameters().size()
          || c.isVarArgs()
          || c.getModifiers().contains(Modifier.STATIC)
              != candidates.get(0).getModifiers().contains(Modifier.STATIC)) {
        // the lambda's parameters must be fixed; javac chooses among same-shaped overloads
        return null;
      }
    }
    if (candidates.isEmpty() || !anyRouted) {
      return null;
    }
    ExecutableElement m = candidates.get(0);
    boolean instance = !m.getModifiers().contains(Modifier.STATIC);
    boolean unbound = receiver.isStatic() && instance;
    List<String> params = new ArrayList<>();
    for (int i = 0; i < m.getParameters().size() + (unbound ? 1 : 0); i++) {
      params.add(names.inUse().contains("arg" + i) ? "arg" + i + "_" : "arg" + i);
    }
    List<String> args = new ArrayList<>(params);
    if (instance && !unbound) {
      args.add(0, self);
    }
    return CodeBlock.of(
        "($L) -> $N($L)",
        String.join(", ", params),
        accessors.caller(candidates, false),
        String.join(", ", args));
  }

  /** The field an identifier or member select names when it is a routed field, with its use. */
  private Place place(ExpressionTree target) {
    target = TreeShapes.unparen(target);
    Element e = fieldOf(target);
    boolean viaSuper =
        target instanceof MemberSelectTree
            && isSuper(TreeShapes.unparen(((MemberSelectTree) target).getExpression()));
    if (!(e instanceof VariableElement) || !(routed(e) || viaSuper)) {
      return null;
    }
    boolean isStatic = e.getModifiers().contains(Modifier.STATIC);
    if (target instanceof IdentifierTree) {
      return new Place((VariableElement) e, new Receiver(owner, isStatic), null);
    }
    ExpressionTree recv = TreeShapes.unparen(((MemberSelectTree) target).getExpression());
    Receiver r = receiverOf(recv);
    if (r == null) {
      return null;
    }
    // super.f is f of the object itself: the machine's receiver
    boolean own = r.isStatic() || isStatic || isSuper(recv);
    return new Place((VariableElement) e, r, own ? null : recv);
  }

  private static boolean isSuper(ExpressionTree e) {
    return e instanceof IdentifierTree && ((IdentifierTree) e).getName().contentEquals("super");
  }

  /** The field {@code node} reads, when it is one and can be found without attribution. */
  private Element fieldOf(ExpressionTree node) {
    node = TreeShapes.unparen(node);
    if (node instanceof IdentifierTree) {
      Element e = names.member(node);
      return e instanceof VariableElement ? e : null;
    }
    if (!(node instanceof MemberSelectTree)) {
      return null;
    }
    MemberSelectTree ms = (MemberSelectTree) node;
    Receiver r = receiverOf(TreeShapes.unparen(ms.getExpression()));
    if (r == null) {
      return null;
    }
    for (Element m : elements.getAllMembers(r.type())) {
      if ((m.getKind() == ElementKind.FIELD || m.getKind() == ElementKind.ENUM_CONSTANT)
          && m.getSimpleName().contentEquals(ms.getIdentifier())
          && (!r.isStatic() || m.getModifiers().contains(Modifier.STATIC))) {
        return m;
      }
    }
    return null;
  }

  /** The receiver argument of a field accessor: none for a static field. */
  private CodeBlock receiverCode(Place p, Function<Tree, CodeBlock> part) {
    if (p.field().getModifiers().contains(Modifier.STATIC)) {
      return CodeBlock.of("");
    }
    return p.receiverTree() == null ? ownReceiver(p.field()) : part.apply(p.receiverTree());
  }

  private void requireStableReceiver(Place p, Tree at) {
    Tree r = p.receiverTree();
    if (r != null && !(r instanceof IdentifierTree)) {
      throw new Unsupported(
          at,
          "a compound assignment of a private field through this receiver (it would be evaluated"
              + " twice; assign the receiver to a local first)",
          false);
    }
  }

  /** The static type of a receiver, when it is known without attribution. */
  private Receiver receiverOf(ExpressionTree recv) {
    if (recv instanceof IdentifierTree) {
      IdentifierTree id = (IdentifierTree) recv;
      String name = id.getName().toString();
      if (name.equals("this")) {
        return new Receiver(owner, self == null);
      }
      if (name.equals("super")) {
        TypeMirror sup = owner.getSuperclass();
        return sup.getKind() == TypeKind.DECLARED
            ? new Receiver((TypeElement) ((DeclaredType) sup).asElement(), false)
            : null;
      }
      if (names.isTypeName(id)) {
        return scope.type(name).map(t -> new Receiver(t, true)).orElse(null);
      }
      VariableTree local = names.local(id);
      if (local != null) {
        TypeElement t = local.getType() == null ? null : typeNamed(local.getType());
        return t == null ? null : new Receiver(t, false);
      }
      Element member = names.member(id);
      if (member instanceof VariableElement && member.asType().getKind() == TypeKind.DECLARED) {
        return new Receiver((TypeElement) ((DeclaredType) member.asType()).asElement(), false);
      }
      return null;
    }
    if (recv instanceof MemberSelectTree) {
      MemberSelectTree ms = (MemberSelectTree) recv;
      if (ms.getIdentifier().contentEquals("this")) {
        TypeElement t = typeNamed(ms.getExpression());
        return t == null ? null : new Receiver(t, t != owner || self == null);
      }
      Element e = scope.qualified(ms).orElse(null);
      if (e instanceof TypeElement) {
        return new Receiver((TypeElement) e, true);
      }
      Element field = fieldOf(ms);
      if (field != null && field.asType().getKind() == TypeKind.DECLARED) {
        return new Receiver((TypeElement) ((DeclaredType) field.asType()).asElement(), false);
      }
    }
    return null;
  }

  /** The class a type tree names (generic arguments dropped), when known. */
  private TypeElement typeNamed(Tree type) {
    if (type instanceof ParameterizedTypeTree) {
      type = ((ParameterizedTypeTree) type).getType();
    }
    if (type instanceof IdentifierTree) {
      return scope.type(((IdentifierTree) type).getName().toString()).orElse(null);
    }
    if (type instanceof MemberSelectTree) {
      Element e = scope.qualified(type).orElse(null);
      return e instanceof TypeElement ? (TypeElement) e : null;
    }
    return null;
  }

  /**
   * Whether the machine, a class of the owner's package that is neither the member's class nor a
   * subclass, cannot use {@code member} as written, while the body can: a private member of the
   * owner's nest, a protected member of a superclass in another package.
   */
  private boolean routed(Element member) {
    TypeElement declaring = (TypeElement) member.getEnclosingElement();
    if (member.getModifiers().contains(Modifier.PRIVATE)) {
      return topLevel(declaring).equals(topLevel(owner));
    }
    if (member.getModifiers().contains(Modifier.PROTECTED)) {
      return !elements.getPackageOf(declaring).getQualifiedName().contentEquals(packageName)
          && types.isSubtype(types.erasure(owner.asType()), types.erasure(declaring.asType()));
    }
    return false;
  }

  /**
   * The members of {@code all} the body could call: javac chooses among those only (a private
   * constructor of another nest is not a candidate, nor a routed one for an accessor).
   */
  private List<ExecutableElement> callable(List<ExecutableElement> all) {
    List<ExecutableElement> out = new ArrayList<>();
    for (ExecutableElement m : all) {
      TypeElement declaring = (TypeElement) m.getEnclosingElement();
      boolean foreignPrivate =
          m.getModifiers().contains(Modifier.PRIVATE)
              && !topLevel(declaring).equals(topLevel(owner));
      if (!foreignPrivate) {
        out.add(m);
      }
    }
    return out;
  }

  private static TypeElement topLevel(TypeElement t) {
    TypeElement top = t;
    for (Element e = t; e instanceof TypeElement; e = e.getEnclosingElement()) {
      top = (TypeElement) e;
    }
    return top;
  }

  private TypeMirror memberType(VariableElement field, TypeElement through) {
    return types.asMemberOf((DeclaredType) through.asType(), field);
  }

  private static TypeElement enclosing(TypeElement t) {
    Element e = t.getEnclosingElement();
    return e instanceof TypeElement ? (TypeElement) e : null;
  }
}
