/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.processor.analysis;

import com.sun.source.tree.ArrayTypeTree;
import com.sun.source.tree.BindingPatternTree;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.CaseTree;
import com.sun.source.tree.CatchTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.EnhancedForLoopTree;
import com.sun.source.tree.ForLoopTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.InstanceOfTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.ParameterizedTypeTree;
import com.sun.source.tree.SwitchExpressionTree;
import com.sun.source.tree.SwitchTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TryTree;
import com.sun.source.tree.TypeCastTree;
import com.sun.source.tree.TypeParameterTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreeScanner;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.TypeParameterElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.util.Elements;

/**
 * Resolves the simple names of an {@code @Async} body without attribution, as javac's scoping
 * rules would: which local each name means (by scope), which member of the enclosing classes (or
 * static import) a name means when no local does, which names are types, and which locals a
 * lambda or local class captures. The result is an immutable {@link BodyNames}.
 */
public final class NameResolver {
  private final EnclosingClasses enclosing;
  private final TypeElement owner;
  private final TypeScope scope;

  private final Map<IdentifierTree, VariableTree> locals = new IdentityHashMap<>();
  private final Map<IdentifierTree, Element> members = new IdentityHashMap<>();
  private final Set<IdentifierTree> typeNames = Collections.newSetFromMap(new IdentityHashMap<>());
  private final Set<IdentifierTree> captured = Collections.newSetFromMap(new IdentityHashMap<>());
  private final Set<String> inUse = new HashSet<>();
  private final List<BodyNames.MemberUse> uses = new ArrayList<>();
  private final List<BodyNames.Unresolved> unresolved = new ArrayList<>();
  private final Set<String> typeVariables = new HashSet<>();
  /** Names of the body's locals (not those of class bodies) declared more than once. */
  private final Set<String> declared = new HashSet<>();
  private final Set<String> redeclared = new HashSet<>();

  private NameResolver(Elements elements, TypeElement owner, TypeScope scope) {
    this.enclosing = new EnclosingClasses(elements, owner);
    this.owner = owner;
    this.scope = scope;
  }

  /** The names of {@code method}, a method of {@code owner}. */
  public static BodyNames resolve(
      Elements elements, TypeElement owner, TypeScope scope, MethodTree method) {
    NameResolver r = new NameResolver(elements, owner, scope);
    for (Element e = owner; e instanceof TypeElement; e = e.getEnclosingElement()) {
      for (TypeParameterElement p : ((TypeElement) e).getTypeParameters()) {
        r.typeVariables.add(p.getSimpleName().toString());
      }
    }
    for (TypeParameterTree p : method.getTypeParameters()) {
      r.typeVariables.add(p.getName().toString());
    }
    r.new Scanner().run(method);
    return new BodyNames(
        r.locals,
        r.members,
        r.typeNames,
        r.captured,
        r.inUse,
        r.redeclared,
        r.uses,
        r.unresolved);
  }

  private final class Scanner extends TreeScanner<Void, Void> {
    private final LocalScopes scopes = new LocalScopes();
    /** Depth of lambda/class bodies we are inside. */
    private int captureDepth;
    /** Depth of class bodies (where {@code this} is another object). */
    private int classDepth;
    /** The member names of the local classes declared so far (a later class may extend one). */
    private final Map<String, ClassMembers> localClasses = new HashMap<>();
    private final Set<Tree> typePositions = Collections.newSetFromMap(new IdentityHashMap<>());
    /**
     * The capture depth each local is declared at: a use deeper than that captures it (a local of
     * an async block's own body is no capture there, though the block is a lambda).
     */
    private final Map<VariableTree, Integer> declaredAt = new IdentityHashMap<>();

    private void pushScope() {
      scopes.push();
    }

    private void popScope() {
      scopes.pop();
    }

    void run(MethodTree method) {
      pushScope();
      for (VariableTree p : method.getParameters()) {
        scopes.declare(p.getName().toString(), p);
        declared.add(p.getName().toString());
      }
      scan(method.getBody(), null);
    }

    private VariableTree lookup(String name) {
      return scopes.local(name);
    }

    private void declare(VariableTree v) {
      String name = v.getName().toString();
      if (classDepth == 0 && !name.equals("_") && lookup(name) != null) {
        // a local may not redeclare a local or parameter in scope (JLS 6.4)
        unresolved.add(new BodyNames.Unresolved(v, "'" + name + "' is already defined", false));
      }
      scopes.declare(name, v);
      declaredAt.put(v, captureDepth);
      count(name);
    }

    /** Whether a use of {@code local} here is in a lambda or class body declared inside its scope. */
    private boolean captures(VariableTree local) {
      return captureDepth > declaredAt.getOrDefault(local, 0);
    }

    private void count(String name) {
      if (classDepth == 0 && !declared.add(name)) {
        redeclared.add(name);
      }
    }

    /** Declares a pattern binding: its flow scoping is approximated, so no duplicate check. */
    private void declareBinding(VariableTree v) {
      scopes.declare(v.getName().toString(), v);
      declaredAt.put(v, captureDepth);
      count(v.getName().toString());
    }

    private void markType(Tree t) {
      if (t != null) {
        typePositions.add(t);
      }
    }

    @Override
    public Void visitBlock(BlockTree node, Void unused) {
      pushScope();
      super.visitBlock(node, null);
      popScope();
      return null;
    }

    @Override
    public Void visitForLoop(ForLoopTree node, Void unused) {
      pushScope();
      super.visitForLoop(node, null);
      popScope();
      return null;
    }

    @Override
    public Void visitEnhancedForLoop(EnhancedForLoopTree node, Void unused) {
      scan(node.getExpression(), null);
      pushScope();
      scan(node.getVariable(), null);
      scan(node.getStatement(), null);
      popScope();
      return null;
    }

    @Override
    public Void visitCatch(CatchTree node, Void unused) {
      pushScope();
      super.visitCatch(node, null);
      popScope();
      return null;
    }

    @Override
    public Void visitTry(TryTree node, Void unused) {
      pushScope();
      scan(node.getResources(), null);
      scan(node.getBlock(), null);
      popScope();
      scan(node.getCatches(), null);
      scan(node.getFinallyBlock(), null);
      return null;
    }

    @Override
    public Void visitSwitch(SwitchTree node, Void unused) {
      scan(node.getExpression(), null);
      pushScope();
      scan(node.getCases(), null);
      popScope();
      return null;
    }

    @Override
    public Void visitSwitchExpression(SwitchExpressionTree node, Void unused) {
      scan(node.getExpression(), null);
      // the cases of a switch share one scope, as a switch statement's do
      pushScope();
      scan(node.getCases(), null);
      popScope();
      return null;
    }

    /**
     * A case label: a simple name is an enum constant of the selector's type, never a member,
     * unless it names a constant variable in scope (a {@code static final} constant of an
     * enclosing class or a static import), which is what javac finds for a non-enum selector.
     */
    private void caseLabel(Tree label) {
      if (!(label instanceof IdentifierTree)) {
        scan(label, null);
        return;
      }
      IdentifierTree id = (IdentifierTree) label;
      String name = id.getName().toString();
      inUse.add(name);
      VariableTree local = lookup(name);
      if (local != null && mayBeConstant(local)) {
        // a constant local: a label of a switch on a primitive or String (an enum's constant
        // would be no constant variable)
        locals.put(id, local);
        if (captures(local)) {
          captured.add(id);
        }
        return;
      }
      Element constant = constantInScope(name);
      if (constant == null) {
        typeNames.add(id);
      } else if (constant.getEnclosingElement() instanceof TypeElement
          && !scope.staticallyImportedField(name).filter(constant::equals).isPresent()) {
        qualify(id, constant, (TypeElement) constant.getEnclosingElement(), name);
      } else {
        members.put(id, constant);
      }
    }

    /** A final local of primitive type or String (or var) with an initializer. */
    private boolean mayBeConstant(VariableTree local) {
      Tree type = local.getType();
      return local.getModifiers().getFlags().contains(Modifier.FINAL)
          && local.getInitializer() != null
          && (type == null
              || type.getKind() == Tree.Kind.PRIMITIVE_TYPE
              || type.toString().equals("var")
              || type.toString().equals("String")
              || type.toString().equals("java.lang.String"));
    }

    private Element constantInScope(String name) {
      Element m = enclosing.constant(name);
      if (m != null) {
        return m;
      }
      return scope
          .staticallyImportedField(name)
          .filter(f -> f.getConstantValue() != null)
          .orElse(null);
    }

    @Override
    public Void visitCase(CaseTree node, Void unused) {
      // a rule is a scope of its own; a group's locals stay in scope for the groups after it
      boolean rule = node.getCaseKind() == CaseTree.CaseKind.RULE;
      if (rule) {
        pushScope();
      }
      for (Tree label : CaseLabels.labels(node)) {
        Tree pattern = CaseLabels.pattern(label);
        if (pattern != null) {
          // JDK 21: its bindings are in scope in the guard and the body
          scan(pattern, null);
        } else if (CaseLabels.constant(label) != null) {
          caseLabel(CaseLabels.constant(label));
        }
      }
      scan(CaseLabels.guard(node), null);
      if (node.getStatements() != null) {
        scan(node.getStatements(), null);
      } else {
        scan(node.getBody(), null);
      }
      if (rule) {
        popScope();
      }
      return null;
    }

    @Override
    public Void scan(Tree tree, Void unused) {
      if (tree != null && CaseLabels.isRecordPattern(tree)) {
        // Point(var x, var y): Point is a type
        markType(CaseLabels.deconstructor(tree));
      }
      return super.scan(tree, null);
    }

    @Override
    public Void visitVariable(VariableTree node, Void unused) {
      inUse.add(node.getName().toString());
      markType(node.getType());
      scan(node.getModifiers(), null);
      scan(node.getType(), null);
      // a local is in scope in its own initializer (javac reports the self-reference)
      declare(node);
      scan(node.getInitializer(), null);
      return null;
    }

    @Override
    public Void visitBindingPattern(BindingPatternTree node, Void unused) {
      VariableTree var = node.getVariable();
      inUse.add(var.getName().toString());
      markType(var.getType());
      scan(var.getModifiers(), null);
      scan(var.getType(), null);
      declareBinding(var);
      return null;
    }

    @Override
    public Void visitInstanceOf(InstanceOfTree node, Void unused) {
      scan(node.getExpression(), null);
      Tree pattern = node.getPattern();
      if (pattern != null) {
        // Java 16 binding: declare it in the current scope (a good-enough approximation of
        // flow scoping for name resolution, since bindings cannot shadow locals)
        scan(pattern, null);
      } else {
        markType(node.getType());
        scan(node.getType(), null);
      }
      return null;
    }

    @Override
    public Void visitTypeCast(TypeCastTree node, Void unused) {
      markType(node.getType());
      return super.visitTypeCast(node, null);
    }

    @Override
    public Void visitParameterizedType(ParameterizedTypeTree node, Void unused) {
      markType(node.getType());
      for (Tree t : node.getTypeArguments()) {
        markType(t);
      }
      return super.visitParameterizedType(node, null);
    }

    @Override
    public Void visitArrayType(ArrayTypeTree node, Void unused) {
      markType(node.getType());
      return super.visitArrayType(node, null);
    }

    @Override
    public Void visitNewClass(NewClassTree node, Void unused) {
      markType(node.getIdentifier());
      scan(node.getEnclosingExpression(), null);
      scan(node.getIdentifier(), null);
      scan(node.getTypeArguments(), null);
      scan(node.getArguments(), null);
      if (node.getClassBody() != null) {
        visitClassBody(node.getClassBody(), List.of(node.getIdentifier()));
      }
      return null;
    }

    @Override
    public Void visitClass(ClassTree node, Void unused) {
      // a local class declaration: its name is a type from here to the end of the block
      String name = node.getSimpleName().toString();
      scopes.declareType(name);
      List<Tree> supertypes = new ArrayList<>(node.getImplementsClause());
      if (node.getExtendsClause() != null) {
        supertypes.add(node.getExtendsClause());
      }
      localClasses.put(name, visitClassBody(node, supertypes));
      return null;
    }

    /** Scans a local or anonymous class body, its members in scope throughout (JLS 6.3). */
    private ClassMembers visitClassBody(ClassTree body, List<Tree> supertypes) {
      // every class inherits Object's methods, an anonymous one implementing an interface too
      ClassMembers members =
          ClassMembers.of(body, supertypes, this::supertypeMembers)
              .plus(ClassMembers.of(enclosing.objectMembers()));
      captureDepth++;
      classDepth++;
      scopes.pushClass(members.fields(), members.methods());
      members.types().forEach(scopes::declareType);
      markType(body.getExtendsClause());
      for (Tree t : body.getImplementsClause()) {
        markType(t);
      }
      scan(body.getExtendsClause(), null);
      scan(body.getImplementsClause(), null);
      for (Tree m : body.getMembers()) {
        if (m instanceof MethodTree) {
          MethodTree mt = (MethodTree) m;
          pushScope();
          markType(mt.getReturnType());
          scan(mt.getReturnType(), null);
          for (VariableTree p : mt.getParameters()) {
            scan(p, null);
          }
          for (Tree t : mt.getThrows()) {
            markType(t);
            scan(t, null);
          }
          scan(mt.getBody(), null);
          popScope();
        } else if (m instanceof VariableTree) {
          // a field: in scope already, as a member of the class
          VariableTree field = (VariableTree) m;
          inUse.add(field.getName().toString());
          markType(field.getType());
          scan(field.getModifiers(), null);
          scan(field.getType(), null);
          scan(field.getInitializer(), null);
        } else {
          scan(m, null);
        }
      }
      scopes.pop();
      classDepth--;
      captureDepth--;
      return members;
    }

    /**
     * The members a local or anonymous class inherits from {@code supertype} (a type name as
     * written): those of a local class declared before it, or of a type in scope.
     */
    private ClassMembers supertypeMembers(Tree supertype) {
      Tree t = supertype instanceof ParameterizedTypeTree
          ? ((ParameterizedTypeTree) supertype).getType()
          : supertype;
      if (t instanceof IdentifierTree) {
        ClassMembers local = localClasses.get(((IdentifierTree) t).getName().toString());
        if (local != null) {
          return local;
        }
      }
      Optional<TypeElement> type =
          t instanceof IdentifierTree
              ? scope.type(((IdentifierTree) t).getName().toString())
              : scope.qualified(t).filter(TypeElement.class::isInstance).map(TypeElement.class::cast);
      return type.map(ty -> ClassMembers.of(enclosing.members(ty))).orElse(ClassMembers.NONE);
    }

    @Override
    public Void visitLambdaExpression(LambdaExpressionTree node, Void unused) {
      captureDepth++;
      pushScope();
      for (VariableTree p : node.getParameters()) {
        declare(p);
        inUse.add(p.getName().toString());
        if (p.getType() != null) {
          markType(p.getType());
          scan(p.getType(), null);
        }
      }
      scan(node.getBody(), null);
      popScope();
      captureDepth--;
      return null;
    }

    @Override
    public Void visitMemberReference(MemberReferenceTree node, Void unused) {
      scan(node.getQualifierExpression(), null);
      return null;
    }

    @Override
    public Void visitMethodInvocation(MethodInvocationTree node, Void unused) {
      if (node.getMethodSelect() instanceof IdentifierTree) {
        IdentifierTree id = (IdentifierTree) node.getMethodSelect();
        String name = id.getName().toString();
        inUse.add(name);
        if (!name.equals("this") && !name.equals("super") && !scopes.isClassMethod(name)) {
          if (!resolveMethod(id, name)
              && classDepth == 0
              && scope.staticallyImportedMethods(name).isEmpty()) {
            unresolved.add(
                new BodyNames.Unresolved(node, "no method '" + name + "' is in scope", true));
          }
        }
        scan(node.getTypeArguments(), null);
        scan(node.getArguments(), null);
        return null;
      }
      return super.visitMethodInvocation(node, null);
    }

    @Override
    public Void visitMemberSelect(MemberSelectTree node, Void unused) {
      inUse.add(node.getIdentifier().toString());
      if (node.getExpression() instanceof IdentifierTree && classDepth == 0) {
        IdentifierTree q = (IdentifierTree) node.getExpression();
        String qn = q.getName().toString();
        if (qn.equals("super")) {
          uses.add(new BodyNames.MemberUse(
              node, BodyNames.Kind.SUPER, null, null, node.getIdentifier().toString()));
          return null;
        }
        if (node.getIdentifier().contentEquals("this")) {
          boolean own = qn.equals(owner.getSimpleName().toString());
          uses.add(new BodyNames.MemberUse(
              node, own ? BodyNames.Kind.THIS : BodyNames.Kind.OUTER_THIS, null, owner, qn + ".this"));
          return null;
        }
        if (node.getIdentifier().contentEquals("super")) {
          uses.add(new BodyNames.MemberUse(node, BodyNames.Kind.SUPER, null, null, qn + ".super"));
          return null;
        }
      }
      return super.visitMemberSelect(node, null);
    }

    @Override
    public Void visitIdentifier(IdentifierTree node, Void unused) {
      String name = node.getName().toString();
      inUse.add(name);
      if (typeNames.contains(node)) {
        return null;
      }
      if (name.equals("this")) {
        if (classDepth == 0) {
          uses.add(new BodyNames.MemberUse(node, BodyNames.Kind.THIS, null, owner, "this"));
        }
        return null;
      }
      if (name.equals("super")) {
        return null;
      }
      boolean typePos = typePositions.contains(node);
      if (!typePos) {
        VariableTree local = lookup(name);
        if (local != null) {
          locals.put(node, local);
          if (captures(local)) {
            captured.add(node);
          }
          return null;
        }
        if (scopes.isClassField(name)) {
          return null;
        }
        if (resolveField(node, name)) {
          return null;
        }
        Optional<VariableElement> imported = scope.staticallyImportedField(name);
        if (imported.isPresent()) {
          // a field like any other (read when evaluated), written as the user wrote it: the
          // generated file copies the static import
          members.put(node, imported.get());
          return null;
        }
      }
      resolveType(node, name);
      return null;
    }

    private boolean resolveField(IdentifierTree node, String name) {
      EnclosingClasses.Found f = enclosing.field(name);
      if (f != null) {
        qualify(node, f.member(), f.in(), name);
      }
      return f != null;
    }

    private boolean resolveMethod(IdentifierTree node, String name) {
      EnclosingClasses.Found f = enclosing.method(name);
      if (f != null) {
        qualify(node, f.member(), f.in(), name);
      }
      return f != null;
    }

    private void resolveType(IdentifierTree node, String name) {
      typeNames.add(node);
      EnclosingClasses.Found f = enclosing.type(name);
      if (f != null) {
        uses.add(new BodyNames.MemberUse(node, BodyNames.Kind.TYPE, f.member(), f.in(), name));
        return;
      }
      if (typePositions.contains(node)
          && classDepth == 0
          && !name.equals("var")
          && !typeVariables.contains(name)
          && !scopes.isLocalType(name)
          && scope.type(name).isEmpty()
          && scope.staticallyImportedType(name).isEmpty()) {
        unresolved.add(new BodyNames.Unresolved(node, "no type '" + name + "' is in scope", true));
      }
    }

    private void qualify(IdentifierTree node, Element member, TypeElement scope, String name) {
      members.put(node, member);
      uses.add(new BodyNames.MemberUse(node, BodyNames.Kind.FIELD_OR_METHOD, member, scope, name));
    }
  }

}
