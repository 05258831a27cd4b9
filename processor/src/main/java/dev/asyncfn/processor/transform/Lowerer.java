package dev.asyncfn.processor.transform;

import static dev.asyncfn.processor.model.Code.MACHINES;
import static dev.asyncfn.processor.model.Code.POLL;
import static dev.asyncfn.processor.model.Code.WITNESS;

import com.sun.source.tree.ArrayAccessTree;
import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.BindingPatternTree;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.BreakTree;
import com.sun.source.tree.CaseTree;
import com.sun.source.tree.CatchTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompoundAssignmentTree;
import com.sun.source.tree.ConditionalExpressionTree;
import com.sun.source.tree.ContinueTree;
import com.sun.source.tree.DoWhileLoopTree;
import com.sun.source.tree.EnhancedForLoopTree;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.ForLoopTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.IfTree;
import com.sun.source.tree.InstanceOfTree;
import com.sun.source.tree.LabeledStatementTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewArrayTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.SwitchExpressionTree;
import com.sun.source.tree.SwitchTree;
import com.sun.source.tree.YieldTree;
import com.sun.source.tree.ThrowTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TryTree;
import com.sun.source.tree.TypeCastTree;
import com.sun.source.tree.UnaryTree;
import com.sun.source.tree.UnionTypeTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.tree.WhileLoopTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreeScanner;
import com.sun.source.util.Trees;
import dev.asyncfn.processor.analysis.Awaits;
import dev.asyncfn.processor.analysis.Completion;
import dev.asyncfn.processor.analysis.Names;
import dev.asyncfn.processor.analysis.SourceText;
import dev.asyncfn.processor.analysis.TypeScope;
import dev.asyncfn.processor.diagnostics.Message;
import dev.asyncfn.processor.model.MachineModel;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.UnionType;
import javax.lang.model.util.Types;

/**
 * Lowers one {@code @Async} body to the states of a poll-based state machine.
 *
 * <p>Statements without an await are re-emitted from the source text (with implicit {@code this}
 * members qualified, hoisted locals renamed where needed, and jumps that leave them rewritten to
 * state transitions). Statements with an await are split: control flow becomes transitions between
 * {@code case}s, locals that live across a state boundary become fields, and operands evaluated
 * before an await are held in fields so that JLS 15.7 evaluation order is kept. Exceptions are
 * routed by an exception table keyed on the state (see {@link Frame}).
 */
public final class Lowerer {
  private static final char S_OPEN = '\uE002';
  private static final char S_CLOSE = '\uE003';
  private static final Pattern STATE_REF = Pattern.compile(S_OPEN + "(\\d+)" + S_CLOSE);
  private static final Pattern LINE = Pattern.compile("\\.java:(\\d+)");
  private static final Set<String> PRIMITIVES =
      Set.of("boolean", "byte", "short", "char", "int", "long", "float", "double");
  private static final Pattern SIMPLE_NAME = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*");

  private enum Mode {
    /** Code that runs: captures are copied, awaits must have been replaced by the caller. */
    VALUE,
    /** Code that runs and is a whole statement: returns and outward jumps are rewritten. */
    VERBATIM,
    /** Text that is never evaluated (a witness lambda, a dead branch): only has to type-check. */
    TYPING
  }

  /** Where an exception thrown in a state goes (the exception table, one node per region). */
  private static final class Frame {
    final Frame parent;
    final Fin fin;
    /** Catch clauses of a try body; empty for catch bodies and resource regions. */
    final List<CatchInfo> catches;
    final String comment;

    Frame(Frame parent, Fin fin, List<CatchInfo> catches, String comment) {
      this.parent = parent;
      this.fin = fin;
      this.catches = catches;
      this.comment = comment;
    }
  }

  /** A finally block (or resource close): its completion record and entry state. */
  private static final class Fin {
    final String nextField;
    final String thrownField;
    final State entry;

    Fin(String nextField, String thrownField, State entry) {
      this.nextField = nextField;
      this.thrownField = thrownField;
      this.entry = entry;
    }
  }

  private static final class CatchInfo {
    final List<String> types;
    final State target;

    CatchInfo(List<String> types, State target) {
      this.types = types;
      this.target = target;
    }
  }

  private static final class State {
    final int id;
    String comment;
    final StringBuilder code = new StringBuilder();
    boolean terminated;
    State tailGoto;
    Frame frame;
    boolean activated;

    State(int id) {
      this.id = id;
    }
  }

  private static final class Target {
    final Tree tree;
    final String label;
    final State breakTo;
    final State continueTo;
    final Frame frame;

    Target(Tree tree, String label, State breakTo, State continueTo, Frame frame) {
      this.tree = tree;
      this.label = label;
      this.breakTo = breakTo;
      this.continueTo = continueTo;
      this.frame = frame;
    }
  }

  /** A switch expression being lowered: where its {@code yield}s store and go. */
  private static final class YieldTarget {
    final String resultField;
    final String type;
    final State end;
    final Frame frame;
    final String local;

    YieldTarget(String resultField, String type, State end, Frame frame, String local) {
      this.local = local;
      this.resultField = resultField;
      this.type = type;
      this.end = end;
      this.frame = frame;
    }
  }

  private final Deque<YieldTarget> yields = new ArrayDeque<>();
  private final List<String> memberTypes = new ArrayList<>();
  private final Trees trees;
  private final Types types;
  private final SourceText src;
  private final Awaits awaits;
  private final Names names;
  private final TypeScope scope;
  private final MethodTree methodTree;
  private final ExecutableElement method;
  private final String methodLabel;
  private final boolean isVoid;
  private final String resultType;
  /** The top-level class whose assertion status applies to the body's asserts. */
  private final String assertionClass;

  private TypeMirror lastLocalType;
  private final Set<String> taken = new HashSet<>();
  private final Set<String> fieldNames = new HashSet<>();
  private final List<MachineModel.Field> fields = new ArrayList<>();
  private final Map<VariableTree, String> hoisted = new IdentityHashMap<>();
  private final List<State> created = new ArrayList<>();
  private final List<State> order = new ArrayList<>();
  private final Deque<Target> targets = new ArrayDeque<>();
  private final Map<String, State> trampolines = new HashMap<>();
  private State cur;
  private State returnState;
  private String resultField;
  private String caughtField;
  private int counter;
  private boolean usesRethrow;

  private final String stateField;
  private final String awaitingField;
  private final String cx;
  private final String label;
  private final String done;
  private final String rethrow;
  private final String doneMethod;
  private final String throwable;
  private final String cancel;
  private final String cancelling;
  private final String cancelledAt;
  /** How many finally blocks enclose the code being lowered: their awaits may run while cancelling. */
  private int finallyDepth;

  public Lowerer(
      Trees trees,
      Types types,
      SourceText src,
      Awaits awaits,
      Names names,
      TypeScope scope,
      MethodTree methodTree,
      ExecutableElement method,
      String methodLabel,
      String resultType,
      String assertionClass,
      Set<String> reservedFields) {
    this.assertionClass = assertionClass;
    this.trees = trees;
    this.types = types;
    this.src = src;
    this.awaits = awaits;
    this.names = names;
    this.scope = scope;
    this.methodTree = methodTree;
    this.method = method;
    this.methodLabel = methodLabel;
    this.isVoid = method.getReturnType().getKind() == TypeKind.VOID;
    this.resultType = resultType;
    taken.addAll(names.allNames);
    taken.addAll(reservedFields);
    fieldNames.addAll(reservedFields);
    this.stateField = fresh("state");
    this.awaitingField = fresh("awaiting");
    this.cx = fresh("cx");
    this.label = fresh("machine");
    this.done = fresh("DONE");
    this.rethrow = fresh("RETHROW");
    this.doneMethod = fresh("complete");
    this.throwable = fresh("failure");
    this.cancel = fresh("CANCEL");
    this.cancelling = fresh("cancelling");
    this.cancelledAt = fresh("cancelledAt");
    fieldNames.add(stateField);
    fieldNames.add(awaitingField);
  }

  /** Lowers the body. */
  public MachineModel lower() {
    State entry = newState();
    entry.comment = "start: runs the body up to its first await";
    activate(entry, null);
    lowerStatements(methodTree.getBody().getStatements(), List.of());
    if (!cur.terminated && isVoid) {
      // falling off the end of a void method; for other methods javac proved it unreachable
      emit(returnCode(null));
      cur.terminated = true;
    }
    return finish();
  }

  // ---------------------------------------------------------------------------------------------
  // names and fields

  private String fresh(String base) {
    String name = base;
    for (int i = 2; taken.contains(name) || SourceVersion.isKeyword(name); i++) {
      name = base + i;
    }
    taken.add(name);
    return name;
  }

  private String addField(String base, String typeText, String comment) {
    String name = base;
    if (fieldNames.contains(name) || SourceVersion.isKeyword(name)) {
      name = fresh(base);
    }
    taken.add(name);
    fieldNames.add(name);
    fields.add(new MachineModel.Field(name, typeText, comment));
    return name;
  }

  private String temp(String typeText, String comment) {
    return temp("held", typeText, comment);
  }

  private String temp(String base, String typeText, String comment) {
    counter++;
    return addField(fresh(base + counter), typeText, comment);
  }

  private String local(String base) {
    counter++;
    return fresh(base + counter);
  }

  // ---------------------------------------------------------------------------------------------
  // states

  private State newState() {
    State s = new State(created.size());
    created.add(s);
    return s;
  }

  private void activate(State s, Frame frame) {
    s.frame = frame;
    s.activated = true;
    order.add(s);
    cur = s;
  }

  private void activateHere(State s) {
    activate(s, cur.frame);
  }

  private static String ref(State s) {
    return S_OPEN + Integer.toString(s.id) + S_CLOSE;
  }

  private void emit(String line) {
    if (cur.terminated) {
      return;
    }
    cur.code.append(line).append('\n');
  }

  /** Ends the current state with a transition to {@code target} (falls through when adjacent). */
  private void gotoState(State target) {
    if (cur.terminated) {
      return;
    }
    cur.code.append(stateField).append(" = ").append(ref(target)).append(";\n");
    cur.tailGoto = target;
    cur.terminated = true;
  }

  /** A jump from the current state to {@code target}, running the finally blocks in between. */
  private String jump(State target, Frame to) {
    List<Fin> fins = new ArrayList<>();
    for (Frame f = cur.frame; f != to && f != null; f = f.parent) {
      if (f.fin != null) {
        fins.add(f.fin);
      }
    }
    if (fins.isEmpty()) {
      return stateField + " = " + ref(target) + "; continue " + label + ";";
    }
    State next = target;
    for (int i = fins.size() - 1; i >= 1; i--) {
      next = trampoline(fins.get(i), next);
    }
    Fin first = fins.get(0);
    return first.nextField
        + " = "
        + ref(next)
        + "; "
        + stateField
        + " = "
        + ref(first.entry)
        + "; continue "
        + label
        + ";";
  }

  private State trampoline(Fin fin, State next) {
    String key = fin.nextField + "->" + next.id;
    State t = trampolines.get(key);
    if (t == null) {
      t = newState();
      t.comment = "leaves through the finally block of " + fin.nextField;
      t.code
          .append(fin.nextField)
          .append(" = ")
          .append(ref(next))
          .append("; ")
          .append(stateField)
          .append(" = ")
          .append(ref(fin.entry))
          .append("; continue ")
          .append(label)
          .append(";\n");
      t.terminated = true;
      t.activated = true;
      trampolines.put(key, t);
    }
    return t;
  }

  private String returnCode(String value) {
    boolean viaFinally = false;
    for (Frame f = cur.frame; f != null; f = f.parent) {
      viaFinally |= f.fin != null;
    }
    if (!viaFinally) {
      return "return " + doneMethod + "(" + (value == null ? "null" : value) + ");";
    }
    if (returnState == null) {
      returnState = newState();
      returnState.comment = "returns the value kept while finally blocks ran";
      if (!isVoid) {
        resultField = addField(fresh("result"), resultType, "the return value while finally blocks run");
      }
      returnState.code.append(
          "return " + doneMethod + "(" + (isVoid ? "null" : resultField) + ");\n");
      returnState.terminated = true;
      returnState.activated = true;
    }
    String store = value == null || isVoid ? "" : resultField + " = " + value + "; ";
    return store + jump(returnState, null);
  }

  // ---------------------------------------------------------------------------------------------
  // statements

  private void lowerStatements(
      List<? extends StatementTree> stmts, List<? extends StatementTree> following) {
    for (int i = 0; i < stmts.size(); i++) {
      StatementTree st = stmts.get(i);
      boolean laterAwaits = awaits.contains(st);
      for (int j = i + 1; j < stmts.size() && !laterAwaits; j++) {
        laterAwaits = awaits.contains(stmts.get(j));
      }
      for (int j = 0; j < following.size() && !laterAwaits; j++) {
        laterAwaits = awaits.contains(following.get(j));
      }
      if (st instanceof ClassTree && laterAwaits) {
        if (inLoop(st)) {
          throw new Unsupported(
              st,
              "a local class declared in a loop before an await (each iteration's captures"
                  + " would be shared; declare it as a nested class of the enclosing class and pass"
                  + " the values to its constructor)",
              false);
        }
        // it becomes a member class of the machine: its captures are fields that, being
        // effectively final and assigned once, hold the values it captured
        memberTypes.add(reindent(render(st, null, Mode.TYPING), src.columnOf(src.start(st))));
        continue;
      }
      if (laterAwaits && !(st instanceof VariableTree)) {
        // pattern bindings can be in scope after the statement (if (!(o instanceof T t)) return;)
        hoistBindings(st, st);
      } else if (laterAwaits && ((VariableTree) st).getInitializer() != null) {
        hoistBindings(((VariableTree) st).getInitializer(), st);
      }
      if (st instanceof VariableTree) {
        StatementTree laterAwait = null;
        for (int j = i + 1; j < stmts.size() && laterAwait == null; j++) {
          if (awaits.contains(stmts.get(j))) {
            laterAwait = stmts.get(stmts.size() - 1);
          }
        }
        for (int j = 0; j < following.size() && laterAwait == null; j++) {
          if (awaits.contains(following.get(j))) {
            laterAwait = following.get(following.size() - 1);
          }
        }
        lowerVariable((VariableTree) st, laterAwait);
      } else {
        lowerStatement(st, null);
      }
    }
  }

  private void lowerVariable(VariableTree v, Tree scopeAt) {
    if (cur.terminated) {
      return;
    }
    ExpressionTree init = v.getInitializer();
    if (scopeAt != null) {
      String field = hoist(v, scopeAt);
      if (init != null) {
        String value = awaits.isAwait(unparen(init)) ? lowerTyped(init, fieldType(field)) : initValue(v, init);
        emit(field + " = " + value + ";");
      }
      return;
    }
    if (!awaits.contains(init)) {
      emit(declText(v, init == null ? null : initValue(v, init)));
      return;
    }
    emit(declText(v, lowerTyped(init, isVar(v) ? null : typeText(v))));
  }

  private String initValue(VariableTree v, ExpressionTree init) {
    if (init instanceof NewArrayTree && ((NewArrayTree) init).getType() == null) {
      // int[] a = {1, 2} cannot become a = {1, 2}
      return "new " + typeText(v) + " " + lowerExpr(init, false);
    }
    return lowerExpr(init, false);
  }

  private String declText(VariableTree v, String value) {
    String mods =
        v.getModifiers().getFlags().contains(javax.lang.model.element.Modifier.FINAL)
            ? "final "
            : "";
    return mods
        + (isVar(v) ? "var" : typeText(v))
        + " "
        + v.getName()
        + (value == null ? "" : " = " + value)
        + ";";
  }

  private boolean isVar(VariableTree v) {
    Tree type = v.getType();
    return type == null || !src.hasPosition(type) || src.of(type).equals("var");
  }

  private String typeText(VariableTree v) {
    return render(v.getType(), null, Mode.TYPING);
  }

  /** Makes {@code v} a field (keeping its name unless taken) and returns the field name. */
  private String hoist(VariableTree v, Tree scopeAt) {
    String existing = hoisted.get(v);
    if (existing != null) {
      return existing;
    }
    String type;
    lastLocalType = null;
    if (isVar(v) || v.getType() instanceof UnionTypeTree) {
      type = typeOfLocal(v, scopeAt);
    } else {
      type = typeText(v);
    }
    String field = addField(v.getName().toString(), type, null);
    if (lastLocalType != null && isVar(v)) {
      // keep javac's type so that codegen can print it with imports
      for (int i = 0; i < fields.size(); i++) {
        if (fields.get(i).name.equals(field)) {
          fields.set(i, new MachineModel.Field(field, type, null, lastLocalType));
        }
      }
    }
    hoisted.put(v, field);
    return field;
  }

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
  private String typeOfLocal(VariableTree v, Tree scopeAt) {
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
          String text = typeSource(e.asType(), v);
          lastLocalType = nameable(e.asType()) ? e.asType() : null;
          return text;
        }
      }
    }
    String derived =
        isVar(v) && v.getInitializer() != null ? derivedType(v.getInitializer()) : null;
    if (derived != null) {
      return derived;
    }
    if (javacFailed) {
      throw new Unsupported(v, Message.VAR_NOT_TYPED_BY_JAVAC, v.getName(), v.getName());
    }
    throw new Unsupported(v, Message.UNKNOWN_TYPE, v.getName());
  }

  /**
   * The type of a {@code var} initializer when its shape alone determines it: a literal, a field or
   * method of the enclosing classes, a local of declared type, {@code new T(...)}, or an await of
   * one of those whose type is a future of a known output.
   */
  private String derivedType(ExpressionTree init) {
    ExpressionTree e = unparen(init);
    if (awaits.isAwait(e)) {
      return outputType(unparen(((MethodInvocationTree) e).getArguments().get(0)));
    }
    return e.getKind() == Tree.Kind.NULL_LITERAL ? null : knownType(e);
  }

  /** The output type {@code T} of an awaited expression typed {@code Future<T>} or a subtype. */
  private String outputType(ExpressionTree future) {
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
      if (output != null && !hasTypeVariable(output) && nameable(output)) {
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
    List<ExecutableElement> candidates = new ArrayList<>();
    ExpressionTree select = call.getMethodSelect();
    if (select instanceof MemberSelectTree) {
      MemberSelectTree ms = (MemberSelectTree) select;
      Element owner = scope.qualified(ms.getExpression()).orElse(null);
      if (owner instanceof javax.lang.model.element.TypeElement) {
        for (Element m : owner.getEnclosedElements()) {
          if (m.getKind() == javax.lang.model.element.ElementKind.METHOD
              && m.getSimpleName().contentEquals(ms.getIdentifier())
              && m.getModifiers().contains(javax.lang.model.element.Modifier.STATIC)) {
            candidates.add((ExecutableElement) m);
          }
        }
      }
    } else if (select instanceof IdentifierTree && !names.memberElements.containsKey(select)) {
      candidates.addAll(
          scope.staticallyImportedMethods(((IdentifierTree) select).getName().toString()));
    }
    candidates.removeIf(m -> m.getParameters().size() != call.getArguments().size());
    if (candidates.size() != 1) {
      return null;
    }
    ExecutableElement method = candidates.get(0);
    if (method.getTypeParameters().isEmpty()) {
      return method.getReturnType();
    }
    if (method.getTypeParameters().size() != 1
        || !(method.getReturnType() instanceof javax.lang.model.type.DeclaredType)) {
      return null;
    }
    TypeMirror t = method.getTypeParameters().get(0).asType();
    javax.lang.model.type.DeclaredType returned =
        (javax.lang.model.type.DeclaredType) method.getReturnType();
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
    return types.getDeclaredType(
        (javax.lang.model.element.TypeElement) returned.asElement(), argument);
  }

  /** The boxed type of an argument, when it is known without attribution. */
  private TypeMirror argumentType(ExpressionTree arg) {
    String text = knownType(arg);
    if (text == null) {
      return null;
    }
    if (PRIMITIVES.contains(text)) {
      return types.boxedClass(types.getPrimitiveType(TypeKind.valueOf(text.toUpperCase(java.util.Locale.ROOT)))).asType();
    }
    TypeMirror exact = exactType(unparen(arg));
    if (exact != null) {
      return exact;
    }
    return isPlainType(text) ? scope.typeNamed("java.lang.String").asType() : null;
  }

  /** The first type argument of {@code type}'s supertype named {@code qualifiedName}, or null. */
  private TypeMirror typeArgumentOf(TypeMirror type, String qualifiedName) {
    if (type instanceof javax.lang.model.type.DeclaredType) {
      javax.lang.model.type.DeclaredType d = (javax.lang.model.type.DeclaredType) type;
      if (((javax.lang.model.element.TypeElement) d.asElement())
          .getQualifiedName()
          .contentEquals(qualifiedName)) {
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

  private String typeSource(TypeMirror t, Tree at) {
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

  /** Whether every class in {@code t} can be named from another top-level class. */
  private static boolean nameable(TypeMirror t) {
    switch (t.getKind()) {
      case DECLARED:
        {
          javax.lang.model.type.DeclaredType d = (javax.lang.model.type.DeclaredType) t;
          javax.lang.model.element.TypeElement te =
              (javax.lang.model.element.TypeElement) d.asElement();
          for (Element e = te; e instanceof javax.lang.model.element.TypeElement;
              e = e.getEnclosingElement()) {
            javax.lang.model.element.NestingKind k =
                ((javax.lang.model.element.TypeElement) e).getNestingKind();
            if (k == javax.lang.model.element.NestingKind.LOCAL
                || k == javax.lang.model.element.NestingKind.ANONYMOUS) {
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
        return nameable(((javax.lang.model.type.ArrayType) t).getComponentType());
      case WILDCARD:
        {
          javax.lang.model.type.WildcardType w = (javax.lang.model.type.WildcardType) t;
          return (w.getExtendsBound() == null || nameable(w.getExtendsBound()))
              && (w.getSuperBound() == null || nameable(w.getSuperBound()));
        }
      case TYPEVAR:
        return true;
      default:
        return t.getKind().isPrimitive();
    }
  }

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

  private void lowerStatement(StatementTree s, String stmtLabel) {
    if (cur.terminated) {
      return;
    }
    if (!awaits.contains(s)) {
      emitVerbatim(s);
      return;
    }
    switch (s.getKind()) {
      case BLOCK:
        lowerStatements(((BlockTree) s).getStatements(), List.of());
        return;
      case EXPRESSION_STATEMENT:
        {
          String v = lowerExpr(((ExpressionStatementTree) s).getExpression(), true);
          if (v != null && !SIMPLE_NAME.matcher(v).matches()) {
            emit(v + ";");
          }
          return;
        }
      case VARIABLE:
        lowerVariable((VariableTree) s, null);
        return;
      case RETURN:
        {
          String v = lowerTyped(((ReturnTree) s).getExpression(), isVoid ? null : resultType);
          emit(returnCode(v));
          cur.terminated = true;
          return;
        }
      case THROW:
        {
          String v = lowerExpr(((ThrowTree) s).getExpression(), false);
          emit("throw " + v + ";");
          cur.terminated = true;
          return;
        }
      case IF:
        lowerIf((IfTree) s);
        return;
      case WHILE_LOOP:
        lowerWhile((WhileLoopTree) s, stmtLabel);
        return;
      case DO_WHILE_LOOP:
        lowerDoWhile((DoWhileLoopTree) s, stmtLabel);
        return;
      case FOR_LOOP:
        lowerFor((ForLoopTree) s, stmtLabel);
        return;
      case ENHANCED_FOR_LOOP:
        lowerForEach((EnhancedForLoopTree) s, stmtLabel);
        return;
      case LABELED_STATEMENT:
        lowerLabeled((LabeledStatementTree) s);
        return;
      case SWITCH:
        lowerSwitch((SwitchTree) s, stmtLabel);
        return;
      case TRY:
        lowerTry((TryTree) s);
        return;
      case ASSERT:
        lowerAssert((com.sun.source.tree.AssertTree) s);
        return;
      case YIELD:
        {
          YieldTarget y = yields.peek();
          String v = lowerTyped(((YieldTree) s).getValue(), y.type);
          emit(yieldCode(y, v));
          cur.terminated = true;
          return;
        }
      default:
        throw new Unsupported(s, "this statement (" + s.getKind() + ")", false);
    }
  }

  private void emitVerbatim(StatementTree s) {
    if (s instanceof VariableTree) {
      lowerVariable((VariableTree) s, null);
      return;
    }
    String text = render(s, null, Mode.VERBATIM);
    if (s instanceof ExpressionStatementTree && !text.trim().endsWith(";")) {
      text = text + ";"; // for-loop updates have no semicolon of their own
    }
    emit(reindent(text, src.columnOf(src.start(s))));
    if (!Completion.canComplete(s)) {
      cur.terminated = true;
    }
  }

  private static ExpressionTree unparen(ExpressionTree e) {
    while (e instanceof ParenthesizedTree) {
      e = ((ParenthesizedTree) e).getExpression();
    }
    return e;
  }

  private void lowerIf(IfTree t) {
    ExpressionTree cond = unparen(t.getCondition());
    hoistBindings(cond, t);
    if (!awaits.contains(t.getThenStatement()) && !awaits.contains(t.getElseStatement())) {
      String c = lowerExpr(cond, false);
      Map<Tree, String> ov = new IdentityHashMap<>();
      ov.put(t.getCondition(), "(" + c + ")");
      emit(reindent(render(t, ov, Mode.VERBATIM), src.columnOf(src.start(t))));
      if (!Completion.canComplete(t)) {
        cur.terminated = true;
      }
      return;
    }
    String c = lowerExpr(cond, false);
    State end = newState();
    if (t.getElseStatement() == null) {
      emit("if (!(" + c + ")) { " + jump(end, cur.frame) + " }");
      lowerStatement(t.getThenStatement(), null);
      gotoState(end);
      activateHere(end);
      end.comment = "after the if at " + where(t);
      return;
    }
    State elseState = newState();
    Frame frame = cur.frame;
    emit("if (!(" + c + ")) { " + jump(elseState, cur.frame) + " }");
    lowerStatement(t.getThenStatement(), null);
    gotoState(end);
    activate(elseState, frame);
    elseState.comment = "else branch of the if at " + where(t);
    lowerStatement(t.getElseStatement(), null);
    gotoState(end);
    activate(end, frame);
    end.comment = "after the if at " + where(t);
  }

  /** Pattern bindings of a lowered condition may be used after an await: make them fields. */
  private void hoistBindings(Tree cond, Tree scopeOwner) {
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitInstanceOf(InstanceOfTree node, Void unused) {
        Tree p = node.getPattern();
        if (p instanceof BindingPatternTree) {
          VariableTree var = ((BindingPatternTree) p).getVariable();
          if (!hoisted.containsKey(var)) {
            hoisted.put(var, addField(var.getName().toString(), typeText(var), null));
          }
        }
        return super.visitInstanceOf(node, null);
      }

      @Override
      public Void visitLambdaExpression(LambdaExpressionTree node, Void unused) {
        return null;
      }

      @Override
      public Void visitClass(ClassTree node, Void unused) {
        return null;
      }
    }.scan(cond, null);
  }

  private void lowerWhile(WhileLoopTree t, String stmtLabel) {
    Frame frame = cur.frame;
    State cond = newState();
    State end = newState();
    gotoState(cond);
    activate(cond, frame);
    cond.comment = "condition of the while loop at " + where(t);
    ExpressionTree c = unparen(t.getCondition());
    hoistBindings(c, t);
    if (!isTrueLiteral(c)) {
      String cv = lowerExpr(c, false);
      emit("if (!(" + cv + ")) { " + jump(end, frame) + " }");
    }
    targets.push(new Target(t, stmtLabel, end, cond, frame));
    lowerStatement(t.getStatement(), null);
    targets.pop();
    gotoState(cond);
    activate(end, frame);
    end.comment = "after the while loop at " + where(t);
  }

  private void lowerDoWhile(DoWhileLoopTree t, String stmtLabel) {
    Frame frame = cur.frame;
    State body = newState();
    State cond = newState();
    State end = newState();
    gotoState(body);
    activate(body, frame);
    body.comment = "body of the do-while loop at " + where(t);
    targets.push(new Target(t, stmtLabel, end, cond, frame));
    lowerStatement(t.getStatement(), null);
    targets.pop();
    gotoState(cond);
    activate(cond, frame);
    cond.comment = "condition of the do-while loop at " + where(t);
    String cv = lowerExpr(unparen(t.getCondition()), false);
    emit("if (" + cv + ") { " + jump(body, frame) + " }");
    gotoState(end);
    activate(end, frame);
    end.comment = "after the do-while loop at " + where(t);
  }

  private void lowerFor(ForLoopTree t, String stmtLabel) {
    Frame frame = cur.frame;
    Tree scopeAt = t.getCondition() != null ? t.getCondition() : t.getStatement();
    for (StatementTree init : t.getInitializer()) {
      if (init instanceof VariableTree) {
        lowerVariable((VariableTree) init, scopeAt);
      } else {
        lowerStatement(init, null);
      }
    }
    State cond = newState();
    State update = newState();
    State end = newState();
    gotoState(cond);
    activate(cond, frame);
    cond.comment = "condition of the for loop at " + where(t);
    if (t.getCondition() != null && !isTrueLiteral(unparen(t.getCondition()))) {
      String cv = lowerExpr(unparen(t.getCondition()), false);
      emit("if (!(" + cv + ")) { " + jump(end, frame) + " }");
    }
    targets.push(new Target(t, stmtLabel, end, update, frame));
    lowerStatement(t.getStatement(), null);
    targets.pop();
    gotoState(update);
    activate(update, frame);
    update.comment = "update of the for loop at " + where(t);
    for (ExpressionStatementTree u : t.getUpdate()) {
      lowerStatement(u, null);
    }
    gotoState(cond);
    activate(end, frame);
    end.comment = "after the for loop at " + where(t);
  }

  private void lowerForEach(EnhancedForLoopTree t, String stmtLabel) {
    Frame frame = cur.frame;
    VariableTree var = t.getVariable();
    String varField = hoist(var, t.getStatement());
    String arrayType = arrayTypeOf(unparen(t.getExpression()));
    if (arrayType != null) {
      // an array of a known type: evaluated once and read by index (JLS 14.14.2), unboxed
      String array = addField(fresh(var.getName() + "Array"), arrayType, null);
      String index = addField(fresh(var.getName() + "Index"), "int", null);
      emit(array + " = " + lowerExpr(t.getExpression(), false) + ";");
      emit(index + " = 0;");
      State cond = newState();
      State end = newState();
      gotoState(cond);
      activate(cond, frame);
      cond.comment = "next element of the for-each loop at " + where(t);
      emit("if (" + index + " >= " + array + ".length) { " + array + " = null; " + jump(end, frame) + " }");
      emit(varField + " = " + array + "[" + index + "++];");
      targets.push(new Target(t, stmtLabel, end, cond, frame));
      lowerStatement(t.getStatement(), null);
      targets.pop();
      gotoState(cond);
      activate(end, frame);
      end.comment = "after the for-each loop at " + where(t);
      return;
    }
    String it = addField(fresh(var.getName() + "Iterator"), "java.util.Iterator<?>", null);
    String iterable = lowerExpr(t.getExpression(), false);
    emit(it + " = " + MACHINES + ".iterator(" + iterable + ");");
    State cond = newState();
    State end = newState();
    gotoState(cond);
    activate(cond, frame);
    cond.comment = "next element of the for-each loop at " + where(t);
    emit("if (!" + it + ".hasNext()) { " + it + " = null; " + jump(end, frame) + " }");
    String varType = fieldType(varField);
    if (PRIMITIVES.contains(varType)) {
      // A primitive loop variable may widen or unbox the element (`for (long v : intArrayCall())`):
      // the element is unboxed and widened exactly as the for-each's assignment would.
      emit(varField + " = " + readAs(varType, it + ".next()") + ";");
    } else {
      // A reference loop variable: the for-each's own conversion is this checked cast.
      emit(varField + " = (" + varType + ") " + it + ".next();");
    }
    targets.push(new Target(t, stmtLabel, end, cond, frame));
    lowerStatement(t.getStatement(), null);
    targets.pop();
    gotoState(cond);
    activate(end, frame);
    end.comment = "after the for-each loop at " + where(t);
  }

  /** The array type of {@code e} when it is a local or parameter declared as an array, else null. */
  private String arrayTypeOf(ExpressionTree e) {
    if (!(e instanceof IdentifierTree) || !names.localRefs.containsKey(e)) {
      return null;
    }
    VariableTree decl = names.localRefs.get(e);
    String type = localType(decl);
    if (type == null) {
      return null;
    }
    type = type.trim();
    if (type.endsWith("...")) {
      type = type.substring(0, type.length() - 3) + "[]";
    }
    return type.endsWith("]") && !type.contains("@") ? type : null;
  }

  /** The declared type of a local as source text, or null when it is {@code var} and not hoisted. */
  private String localType(VariableTree v) {
    String field = hoisted.get(v);
    if (field != null) {
      return fieldType(field);
    }
    if (v.getType() == null || isVar(v)) {
      return null;
    }
    for (VariableTree p : methodTree.getParameters()) {
      if (p == v) {
        return typeText(v);
      }
    }
    return typeText(v);
  }

  private String fieldType(String field) {
    for (MachineModel.Field f : fields) {
      if (f.name.equals(field)) {
        return f.typeText;
      }
    }
    throw new IllegalStateException("no field " + field);
  }

  private void lowerLabeled(LabeledStatementTree t) {
    String name = t.getLabel().toString();
    StatementTree body = t.getStatement();
    switch (body.getKind()) {
      case WHILE_LOOP:
      case DO_WHILE_LOOP:
      case FOR_LOOP:
      case ENHANCED_FOR_LOOP:
      case SWITCH:
        lowerStatement(body, name);
        return;
      default:
        State end = newState();
        Frame frame = cur.frame;
        targets.push(new Target(t, name, end, null, frame));
        lowerStatement(body, null);
        targets.pop();
        gotoState(end);
        activate(end, frame);
        end.comment = "after the statement labelled " + name;
    }
  }

  private void lowerSwitch(SwitchTree t, String stmtLabel) {
    Frame frame = cur.frame;
    List<? extends CaseTree> cases = t.getCases();
    String sel = lowerExpr(unparen(t.getExpression()), false);
    State end = newState();
    List<State> caseStates = new ArrayList<>();
    StringBuilder dispatch = new StringBuilder();
    boolean hasDefault = dispatchCases(sel, cases, caseStates, frame, dispatch);
    dispatch.append("}");
    emit(dispatch.toString());
    if (!hasDefault) {
      emit(jump(end, frame));
    }
    cur.terminated = true;
    targets.push(new Target(t, stmtLabel, end, null, frame));
    for (int i = 0; i < cases.size(); i++) {
      CaseTree c = cases.get(i);
      activate(caseStates.get(i), frame);
      caseStates.get(i).comment = "case of the switch at " + where(c);
      if (c.getCaseKind() == CaseTree.CaseKind.RULE) {
        Tree body = c.getBody();
        if (body instanceof ExpressionTree) {
          String v = lowerExpr((ExpressionTree) body, true);
          if (v != null && !SIMPLE_NAME.matcher(v).matches()) {
            emit(v + ";");
          }
        } else {
          lowerStatement((StatementTree) body, null);
        }
        gotoState(end);
      } else {
        List<StatementTree> following = new ArrayList<>();
        for (int j = i + 1; j < cases.size(); j++) {
          following.addAll(cases.get(j).getStatements());
        }
        lowerStatements(c.getStatements(), following);
        gotoState(i + 1 < cases.size() ? caseStates.get(i + 1) : end);
      }
    }
    targets.pop();
    activate(end, frame);
    end.comment = "after the switch at " + where(t);
  }

  /**
   * {@code assert c : d;} with an await: evaluated only when assertions are enabled for the
   * top-level class (JLS 14.10), then the condition, then the detail.
   */
  private void lowerAssert(com.sun.source.tree.AssertTree t) {
    Frame frame = cur.frame;
    State end = newState();
    emit("if (!" + assertionClass + ".class.desiredAssertionStatus()) { " + jump(end, frame) + " }");
    String c = lowerExpr(unparen(t.getCondition()), false);
    emit("if (" + c + ") { " + jump(end, frame) + " }");
    if (t.getDetail() == null) {
      emit("throw new java.lang.AssertionError();");
    } else {
      emit("throw new java.lang.AssertionError(" + lowerExpr(t.getDetail(), false) + ");");
    }
    cur.terminated = true;
    activate(end, frame);
    end.comment = "after the assert at " + where(t);
  }

  private String yieldCode(YieldTarget y, String value) {
    String store =
        y.type == null
            ? y.resultField + " = " + value + ";"
            : "{ " + y.type + " " + y.local + " = " + value + "; " + y.resultField + " = " + y.local + "; }";
    return store + " " + jump(y.end, y.frame);
  }

  /** A switch expression with awaits: like a switch statement whose yields store a result. */
  /**
   * Writes into {@code dispatch} a switch over {@code sel} that jumps to one new state per case
   * (added to {@code caseStates}), without its closing brace; returns whether it has a default.
   */
  private boolean dispatchCases(
      String sel,
      List<? extends CaseTree> cases,
      List<State> caseStates,
      Frame frame,
      StringBuilder dispatch) {
    dispatch.append("switch (").append(sel).append(") {\n");
    boolean hasDefault = false;
    for (CaseTree c : cases) {
      State cs = newState();
      caseStates.add(cs);
      if (c.getExpressions().isEmpty()) {
        if (!src.of(c).startsWith("default")) {
          // JDK 21 pattern labels: their bindings cannot be dispatched this way yet
          throw new Unsupported(c, "a switch with pattern labels", false);
        }
        hasDefault = true;
        dispatch.append("  default:");
      } else {
        List<String> labels = new ArrayList<>();
        for (ExpressionTree e : c.getExpressions()) {
          labels.add(src.of(e));
        }
        dispatch.append("  case ").append(String.join(", ", labels)).append(":");
      }
      dispatch.append(" ").append(jump(cs, frame)).append('\n');
    }
    return hasDefault;
  }

  private String lowerSwitchExpression(SwitchExpressionTree t, String target) {
    Frame frame = cur.frame;
    List<? extends CaseTree> cases = t.getCases();
    String sel = lowerExpr(unparen(t.getExpression()), false);
    String r = temp("java.lang.Object", "value of the switch expression at " + where(t));
    State end = newState();
    List<State> caseStates = new ArrayList<>();
    StringBuilder dispatch = new StringBuilder();
    boolean hasDefault = dispatchCases(sel, cases, caseStates, frame, dispatch);
    if (!hasDefault) {
      // an enum switch expression without default: a new constant fails as javac's would
      dispatch.append("  default: throw new java.lang.IncompatibleClassChangeError();\n");
    }
    dispatch.append("}");
    emit(dispatch.toString());
    cur.terminated = true;
    YieldTarget y = new YieldTarget(r, target, end, frame, fresh("yielded"));
    yields.push(y);
    for (int i = 0; i < cases.size(); i++) {
      CaseTree c = cases.get(i);
      activate(caseStates.get(i), frame);
      caseStates.get(i).comment = "case of the switch expression at " + where(c);
      if (c.getCaseKind() == CaseTree.CaseKind.RULE) {
        Tree body = c.getBody();
        if (body instanceof ExpressionTree) {
          emit(yieldCode(y, lowerTyped((ExpressionTree) body, target)));
          cur.terminated = true;
        } else {
          lowerStatement((StatementTree) body, null);
        }
      } else {
        List<StatementTree> following = new ArrayList<>();
        for (int j = i + 1; j < cases.size(); j++) {
          following.addAll(cases.get(j).getStatements());
        }
        lowerStatements(c.getStatements(), following);
        gotoState(i + 1 < cases.size() ? caseStates.get(i + 1) : end);
      }
    }
    yields.pop();
    activate(end, frame);
    end.comment = "continues after the switch expression at " + where(t);
    if (target != null) {
      return "((" + target + ") " + r + ")";
    }
    String typing = render(t, null, Mode.TYPING);
    if (inPolyContext(t)) {
      // an argument or an assignment: the target types the switch, as in the source
      return WITNESS + ".as(" + r + ", () -> " + typing + ")";
    }
    // a standalone switch (an operand): a var declaration types it standalone too (JLS 15.28.1:
    // results of Integer and long make it a long), where a lambda's return would take their lub
    String w = fresh("switchValue");
    return WITNESS + ".as(" + r + ", () -> { var " + w + " = " + typing + "; return " + w + "; })";
  }

  /**
   * Whether {@code e} is in an assignment or invocation context, where a conditional or switch
   * expression is a poly expression typed by its target (JLS 15.25, 15.28.1); elsewhere it is
   * standalone. Parentheses, conditional branches and yields pass their own context on.
   */
  private boolean inPolyContext(Tree e) {
    TreePath path = trees.getPath(src.unit(), e);
    Tree child = e;
    for (TreePath p = path == null ? null : path.getParentPath(); p != null; p = p.getParentPath()) {
      Tree parent = p.getLeaf();
      switch (parent.getKind()) {
        case PARENTHESIZED:
          break;
        case CONDITIONAL_EXPRESSION:
          if (((ConditionalExpressionTree) parent).getCondition() == child) {
            return false;
          }
          break;
        case METHOD_INVOCATION:
          return ((MethodInvocationTree) parent).getArguments().contains(child);
        case NEW_CLASS:
          return ((NewClassTree) parent).getArguments().contains(child);
        case ASSIGNMENT:
        case RETURN:
        case NEW_ARRAY:
          return true;
        case VARIABLE:
          return !isVar((VariableTree) parent);
        case YIELD:
          // the yield's value is a result of the enclosing switch expression: its context
          while (p != null && p.getLeaf().getKind() != Tree.Kind.SWITCH_EXPRESSION) {
            p = p.getParentPath();
          }
          if (p == null) {
            return false;
          }
          parent = p.getLeaf();
          break;
        case CASE:
          // a rule's expression body is a result of the switch expression around it
          p = p.getParentPath();
          parent = p.getLeaf();
          if (parent.getKind() != Tree.Kind.SWITCH_EXPRESSION) {
            return false;
          }
          break;
        default:
          return false;
      }
      child = parent;
    }
    return false;
  }

  private void lowerTry(TryTree t) {
    Frame outer = cur.frame;
    State after = newState();
    Fin fin = null;
    if (t.getFinallyBlock() != null) {
      counter++;
      fin =
          new Fin(
              addField(fresh("finally" + counter + "Next"), "int", "where the finally block at " + where(t.getFinallyBlock()) + " continues"),
              addField(fresh("finally" + counter + "Thrown"), "java.lang.Throwable", null),
              newState());
    }
    List<CatchInfo> catches = new ArrayList<>();
    for (CatchTree c : t.getCatches()) {
      List<String> typeTexts = new ArrayList<>();
      Tree type = c.getParameter().getType();
      if (type instanceof UnionTypeTree) {
        for (Tree alt : ((UnionTypeTree) type).getTypeAlternatives()) {
          typeTexts.add(render(alt, null, Mode.TYPING));
        }
      } else {
        typeTexts.add(render(type, null, Mode.TYPING));
      }
      catches.add(new CatchInfo(typeTexts, newState()));
    }
    if (!catches.isEmpty() && caughtField == null) {
      caughtField = addField(fresh("caught"), "java.lang.Throwable", "the exception a catch block is entered with");
    }
    Frame tryFrame =
        (fin == null && catches.isEmpty()) ? outer : new Frame(outer, fin, catches, "try at " + where(t));
    State body = newState();
    if (fin != null) {
      emit(fin.thrownField + " = null;");
    }
    gotoState(body);
    activate(body, tryFrame);
    body.comment = "try block at " + where(t);
    lowerResources(t, 0, tryFrame, outer, after);

    for (int i = 0; i < catches.size(); i++) {
      CatchTree c = t.getCatches().get(i);
      Frame catchFrame = fin == null ? outer : new Frame(outer, fin, List.of(), "catch at " + where(c));
      activate(catches.get(i).target, catchFrame);
      cur.comment = "catch (" + oneLine(src.of(c.getParameter())) + ") at " + where(c);
      VariableTree param = c.getParameter();
      boolean union = param.getType() instanceof UnionTypeTree;
      if (awaits.contains(c.getBlock())) {
        String field;
        if (union) {
          Tree scopeAt =
              c.getBlock().getStatements().isEmpty() ? c.getBlock() : c.getBlock().getStatements().get(0);
          field = hoist(param, scopeAt);
        } else {
          field = hoist(param, null);
        }
        emit(field + " = (" + fieldType(field) + ") " + caughtField + ";");
        emit(caughtField + " = null;");
        lowerStatements(c.getBlock().getStatements(), List.of());
      } else if (union) {
        String copy = local("caughtNow");
        emit("java.lang.Throwable " + copy + " = " + caughtField + ";");
        emit(caughtField + " = null;");
        String text = render(c, null, Mode.VERBATIM);
        // rethrow into a real multi-catch so that the union type and precise rethrow are javac's
        emit("try { throw " + copy + "; } " + reindent(text, src.columnOf(src.start(c))));
        if (!Completion.canComplete(c.getBlock())) {
          cur.terminated = true;
        }
      } else {
        String type = typeText(param);
        emit(declText(param, "(" + type + ") " + caughtField));
        emit(caughtField + " = null;");
        lowerStatements(c.getBlock().getStatements(), List.of());
      }
      if (!cur.terminated) {
        emit(jump(after, outer));
        cur.terminated = true;
      }
    }
    if (fin != null) {
      activate(fin.entry, outer);
      cur.comment = "finally block at " + where(t.getFinallyBlock());
      finallyDepth++;
      lowerStatements(t.getFinallyBlock().getStatements(), List.of());
      finallyDepth--;
      finishFinally(fin);
    }
    activate(after, outer);
    after.comment = "after the try statement at " + where(t);
  }

  private void finishFinally(Fin fin) {
    if (cur.terminated) {
      return;
    }
    usesRethrow = true;
    String x = local("rethrown");
    emit(
        "if ("
            + fin.nextField
            + " == "
            + rethrow
            + ") { java.lang.Throwable "
            + x
            + " = "
            + fin.thrownField
            + "; "
            + fin.thrownField
            + " = null; throw "
            + x
            + "; }");
    Fin outer = null;
    for (Frame f = cur.frame; f != null && outer == null; f = f.parent) {
      outer = f.fin;
    }
    // cancellation runs the finally blocks around the await innermost first, then stops
    emit(
        "if ("
            + fin.nextField
            + " == "
            + cancel
            + ") { "
            + (outer == null
                ? stateField + " = " + done + "; return " + POLL + ".pending();"
                : outer.nextField
                    + " = "
                    + cancel
                    + "; "
                    + stateField
                    + " = "
                    + ref(outer.entry)
                    + "; continue "
                    + label
                    + ";")
            + " }");
    emit(stateField + " = " + fin.nextField + "; continue " + label + ";");
    cur.terminated = true;
  }

  /** Resources {@code i..} of {@code t}, each a region whose "finally" closes it (JLS 14.20.3). */
  private void lowerResources(TryTree t, int i, Frame frame, Frame outer, State after) {
    List<? extends Tree> resources = t.getResources();
    if (i == resources.size()) {
      lowerStatements(t.getBlock().getStatements(), List.of());
      if (!cur.terminated) {
        emit(jump(after, outer));
        cur.terminated = true;
      }
      return;
    }
    Tree r = resources.get(i);
    String resource;
    if (r instanceof VariableTree) {
      VariableTree v = (VariableTree) r;
      Tree scopeAt =
          t.getBlock().getStatements().isEmpty() ? t.getBlock() : t.getBlock().getStatements().get(0);
      resource = hoist(v, scopeAt);
      emit(resource + " = " + lowerTyped(v.getInitializer(), fieldType(resource)) + ";");
    } else {
      resource = temp("java.lang.AutoCloseable", "resource of the try at " + where(t));
      emit(resource + " = " + lowerExpr((ExpressionTree) r, false) + ";");
    }
    counter++;
    Fin fin =
        new Fin(
            addField(fresh("close" + counter + "Next"), "int", null),
            addField(fresh("close" + counter + "Thrown"), "java.lang.Throwable", null),
            newState());
    emit(fin.thrownField + " = null;");
    Frame resFrame = new Frame(frame, fin, List.of(), "resource " + oneLine(src.of(r)));
    State body = newState();
    gotoState(body);
    activate(body, resFrame);
    body.comment = "with resource " + oneLine(src.of(r)) + " open";
    lowerResources(t, i + 1, resFrame, outer, after);

    activate(fin.entry, frame);
    fin.entry.comment = "closes " + oneLine(src.of(r));
    usesRethrow = true;
    String s = local("suppressed");
    emit("if (" + resource + " != null) {");
    emit("  if (" + fin.nextField + " == " + rethrow + ") {");
    emit(
        "    try { "
            + resource
            + ".close(); } catch (java.lang.Throwable "
            + s
            + ") { "
            + fin.thrownField
            + ".addSuppressed("
            + s
            + "); }");
    emit("  } else {");
    emit("    " + resource + ".close();");
    emit("  }");
    emit("}");
    finishFinally(fin);
  }

  private static boolean isTrueLiteral(ExpressionTree e) {
    return e.getKind() == Tree.Kind.BOOLEAN_LITERAL && src(e).equals("true");
  }

  private static String src(ExpressionTree e) {
    return String.valueOf(((com.sun.source.tree.LiteralTree) e).getValue());
  }

  // ---------------------------------------------------------------------------------------------
  // expressions

  /**
   * Lowers {@code e}, emitting the statements and states its awaits need, and returns Java text
   * for its value in the current state ({@code null} when {@code discard} and there is none).
   */
  private String lowerExpr(ExpressionTree e, boolean discard) {
    if (e == null) {
      return null;
    }
    if (!awaits.contains(e)) {
      return render(e, null, Mode.VALUE);
    }
    if (awaits.isAwait(e)) {
      return lowerAwait((MethodInvocationTree) e, discard);
    }
    switch (e.getKind()) {
      case PARENTHESIZED:
        {
          String inner = lowerExpr(((ParenthesizedTree) e).getExpression(), false);
          return "(" + inner + ")";
        }
      case CONDITIONAL_AND:
      case CONDITIONAL_OR:
        return lowerShortCircuit((BinaryTree) e);
      case CONDITIONAL_EXPRESSION:
        return lowerConditional((ConditionalExpressionTree) e);
      case SWITCH_EXPRESSION:
        return lowerSwitchExpression((SwitchExpressionTree) e, null);
      case ASSIGNMENT:
        {
          com.sun.source.tree.AssignmentTree a = (com.sun.source.tree.AssignmentTree) e;
          ExpressionTree target = unparen(a.getVariable());
          if (target instanceof IdentifierTree
              && names.localRefs.containsKey(target)
              && awaits.isAwait(unparen(a.getExpression()))) {
            String type = localType(names.localRefs.get(target));
            if (type != null) {
              Map<Tree, String> ov = new IdentityHashMap<>();
              ov.put(a.getExpression(), lowerTyped(a.getExpression(), type));
              return render(e, ov, Mode.VALUE);
            }
          }
          List<ExpressionTree> kids = new ArrayList<>(placeKids(a.getVariable()));
          kids.add(a.getExpression());
          return renderWith(e, kids, indexConversion(a.getVariable()));
        }
      case PREFIX_INCREMENT:
      case PREFIX_DECREMENT:
      case POSTFIX_INCREMENT:
      case POSTFIX_DECREMENT:
        return renderWith(e, placeKids(((UnaryTree) e).getExpression()));
      case METHOD_INVOCATION:
        {
          MethodInvocationTree call = (MethodInvocationTree) e;
          List<ExpressionTree> kids = new ArrayList<>();
          if (call.getMethodSelect() instanceof MemberSelectTree) {
            kids.add(((MemberSelectTree) call.getMethodSelect()).getExpression());
          }
          kids.addAll(call.getArguments());
          return renderWith(e, kids, argumentConversions(call.getArguments(), calleesOf(call)));
        }
      case NEW_CLASS:
        {
          NewClassTree n = (NewClassTree) e;
          List<ExpressionTree> kids = new ArrayList<>();
          if (n.getEnclosingExpression() != null) {
            kids.add(n.getEnclosingExpression());
          }
          kids.addAll(n.getArguments());
          return renderWith(e, kids, argumentConversions(n.getArguments(), constructorsOf(n)));
        }
      case NEW_ARRAY:
        {
          NewArrayTree n = (NewArrayTree) e;
          List<ExpressionTree> kids = new ArrayList<>(n.getDimensions());
          Map<ExpressionTree, String> conversions = new IdentityHashMap<>();
          for (ExpressionTree d : n.getDimensions()) {
            conversions.put(d, "int");
          }
          if (n.getInitializers() != null) {
            kids.addAll(n.getInitializers());
            String element =
                n.getType() != null && n.getDimensions().isEmpty()
                    ? render(n.getType(), null, Mode.TYPING).trim()
                    : null;
            if (element != null && PRIMITIVES.contains(element)) {
              for (ExpressionTree init : n.getInitializers()) {
                conversions.put(init, element);
              }
            }
          }
          return renderWith(e, kids, conversions);
        }
      case ARRAY_ACCESS:
        {
          ArrayAccessTree a = (ArrayAccessTree) e;
          return renderWith(e, List.of(a.getExpression(), a.getIndex()));
        }
      case MEMBER_SELECT:
        return renderWith(e, List.of(((MemberSelectTree) e).getExpression()));
      case TYPE_CAST:
        return renderWith(e, List.of(((TypeCastTree) e).getExpression()));
      case INSTANCE_OF:
        return renderWith(e, List.of(((InstanceOfTree) e).getExpression()));
      case UNARY_PLUS:
      case UNARY_MINUS:
      case BITWISE_COMPLEMENT:
      case LOGICAL_COMPLEMENT:
        return renderWith(e, List.of(((UnaryTree) e).getExpression()));
      default:
        if (e instanceof BinaryTree) {
          return lowerBinary((BinaryTree) e);
        }
        if (e instanceof CompoundAssignmentTree) {
          return lowerCompound((CompoundAssignmentTree) e);
        }
        throw new Unsupported(e, "this expression (" + e.getKind() + ")", false);
    }
  }

  /** An array element as an assignment target: its index is converted to int when evaluated. */
  private static Map<ExpressionTree, String> indexConversion(ExpressionTree place) {
    place = unparen(place);
    if (place instanceof ArrayAccessTree) {
      return Map.of(((ArrayAccessTree) place).getIndex(), "int");
    }
    return Map.of();
  }

  /**
   * For each argument whose parameter has the same primitive type in every candidate of its arity
   * (the only ones javac could choose), that type: the argument is converted to it when it is
   * evaluated. Arguments of unknown callees keep their conversion at the call.
   */
  private Map<ExpressionTree, String> argumentConversions(
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
        String t = p.getKind().isPrimitive() ? p.toString() : null;
        if (t == null || (type != null && !type.equals(t))) {
          type = null;
          break;
        }
        type = t;
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
  private List<ExecutableElement> calleesOf(MethodInvocationTree call) {
    ExpressionTree select = call.getMethodSelect();
    if (select instanceof IdentifierTree) {
      String name = ((IdentifierTree) select).getName().toString();
      if (!names.memberElements.containsKey(select)) {
        return new ArrayList<>(scope.staticallyImportedMethods(name));
      }
      return scope.methodsInScope(name);
    }
    if (select instanceof MemberSelectTree) {
      MemberSelectTree ms = (MemberSelectTree) select;
      Element qualifier = scope.qualified(ms.getExpression()).orElse(null);
      if (qualifier instanceof javax.lang.model.element.TypeElement
          && names.nonVariables.contains(rootOf(ms.getExpression()))) {
        return scope.methods(
            (javax.lang.model.element.TypeElement) qualifier, ms.getIdentifier().toString());
      }
    }
    return List.of();
  }

  /** The constructors {@code new T(...)} may call, when {@code T} is known and not generic. */
  private List<ExecutableElement> constructorsOf(NewClassTree n) {
    if (n.getClassBody() != null
        || n.getEnclosingExpression() != null
        || !(n.getIdentifier() instanceof IdentifierTree)) {
      return List.of();
    }
    Element type =
        scope.type(((IdentifierTree) n.getIdentifier()).getName().toString()).orElse(null);
    if (type == null) {
      return List.of();
    }
    List<ExecutableElement> out = new ArrayList<>();
    for (Element m : type.getEnclosedElements()) {
      if (m.getKind() == javax.lang.model.element.ElementKind.CONSTRUCTOR) {
        out.add((ExecutableElement) m);
      }
    }
    return out;
  }

  private static ExpressionTree rootOf(ExpressionTree e) {
    while (e instanceof MemberSelectTree) {
      e = ((MemberSelectTree) e).getExpression();
    }
    return e;
  }

  /** The subexpressions of an assignment target that are evaluated before the right side. */
  private static List<ExpressionTree> placeKids(ExpressionTree place) {
    place = unparen(place);
    if (place instanceof ArrayAccessTree) {
      ArrayAccessTree a = (ArrayAccessTree) place;
      return List.of(a.getExpression(), a.getIndex());
    }
    if (place instanceof MemberSelectTree) {
      return List.of(((MemberSelectTree) place).getExpression());
    }
    return List.of();
  }

  private String renderWith(ExpressionTree e, List<ExpressionTree> kids) {
    return renderWith(e, kids, Map.of());
  }

  /**
   * Renders {@code e} with its operands {@code kids} lowered in order; an operand in {@code
   * conversions} is converted to that primitive type when it is evaluated, as the parent converts
   * it (an array index, an argument of a primitive parameter).
   */
  private String renderWith(
      ExpressionTree e, List<ExpressionTree> kids, Map<ExpressionTree, String> conversions) {
    List<String> values = lowerOperands(kids, false, conversions);
    Map<Tree, String> ov = new IdentityHashMap<>();
    for (int i = 0; i < kids.size(); i++) {
      ov.put(kids.get(i), values.get(i));
    }
    return render(e, ov, Mode.VALUE);
  }

  /**
   * Evaluates {@code kids} left to right: every operand before the last one that awaits is held
   * in a field (unless it is stable), so it is evaluated before the await as JLS 15.7 requires.
   */
  private List<String> lowerOperands(List<ExpressionTree> kids, boolean awaitFollows) {
    return lowerOperands(kids, awaitFollows, Map.of());
  }

  private List<String> lowerOperands(
      List<ExpressionTree> kids, boolean awaitFollows, Map<ExpressionTree, String> conversions) {
    int last = awaitFollows ? kids.size() : -1;
    if (!awaitFollows) {
      for (int i = 0; i < kids.size(); i++) {
        if (awaits.contains(kids.get(i))) {
          last = i;
        }
      }
    }
    List<String> values = new ArrayList<>();
    for (int i = 0; i < kids.size(); i++) {
      ExpressionTree k = kids.get(i);
      if (i < last) {
        String v = lowerExpr(k, false);
        String conversion = conversions.get(k);
        String known = knownType(k);
        if (conversion != null && (known == null || !PRIMITIVES.contains(known))) {
          // unboxed now, as the parent converts it when it is evaluated (JLS 15.7, 5.3)
          String held = temp(conversion, "holds " + oneLine(src.of(k)) + " as the " + conversion
              + " it is converted to, across an await");
          emit(held + " = (" + conversion + ") (" + v + ");");
          values.add(held);
        } else if (!awaits.contains(k)
            && isStable(k, kids.subList(i + 1, Math.min(last + 1, kids.size())))) {
          values.add(v);
        } else {
          values.add(hold(k, v));
        }
      } else if (i == last) {
        values.add(lowerExpr(k, false));
      } else {
        values.add(render(k, null, Mode.VALUE));
      }
    }
    return values;
  }

  /** Stores {@code value} of {@code k} in a field and returns the typed read of it. */
  private String hold(ExpressionTree k, String value) {
    String comment = "holds " + oneLine(src.of(k)) + " across an await";
    TypeMirror exact = exactType(unparen(k));
    if (exact != null) {
      // a precise field: no boxing, no witness
      counter++;
      String name = fresh("held" + counter);
      taken.add(name);
      fieldNames.add(name);
      fields.add(new MachineModel.Field(name, exact.toString(), comment, exact));
      emit(name + " = " + value + ";");
      return name;
    }
    String text = exactTypeText(unparen(k));
    if (text != null) {
      String t = temp(text, comment);
      emit(t + " = " + value + ";");
      return t;
    }
    String t = temp("java.lang.Object", comment);
    emit(t + " = " + value + ";");
    return WITNESS + ".as(" + t + ", () -> " + render(k, null, Mode.TYPING) + ")";
  }

  /**
   * The type of {@code k} when it is known without attribution: a field of the enclosing class,
   * or a call of one of its methods whose return type involves no type variable of the method.
   */
  private TypeMirror exactType(ExpressionTree k) {
    Element member = null;
    if (k instanceof IdentifierTree) {
      member = names.memberElements.get(k);
      if (!(member instanceof VariableElement)) {
        return null;
      }
      TypeMirror t = member.asType();
      return nameable(t) && !hasTypeVariable(t) ? t : null;
    }
    if (k instanceof MethodInvocationTree
        && ((MethodInvocationTree) k).getMethodSelect() instanceof IdentifierTree) {
      member = names.memberElements.get(((MethodInvocationTree) k).getMethodSelect());
      if (member instanceof ExecutableElement
          && ((ExecutableElement) member).getTypeParameters().isEmpty()
          && overloadsOf((ExecutableElement) member) == 1) {
        TypeMirror t = ((ExecutableElement) member).getReturnType();
        return nameable(t) && !hasTypeVariable(t) && t.getKind() != TypeKind.VOID ? t : null;
      }
    }
    return null;
  }

  /** Type variables may belong to a supertype, so a held value of such a type stays witnessed. */
  private static boolean hasTypeVariable(TypeMirror t) {
    switch (t.getKind()) {
      case TYPEVAR:
        return true;
      case DECLARED:
        for (TypeMirror a : ((javax.lang.model.type.DeclaredType) t).getTypeArguments()) {
          if (hasTypeVariable(a)) {
            return true;
          }
        }
        return false;
      case ARRAY:
        return hasTypeVariable(((javax.lang.model.type.ArrayType) t).getComponentType());
      case WILDCARD:
        {
          javax.lang.model.type.WildcardType w = (javax.lang.model.type.WildcardType) t;
          return (w.getExtendsBound() != null && hasTypeVariable(w.getExtendsBound()))
              || (w.getSuperBound() != null && hasTypeVariable(w.getSuperBound()));
        }
      default:
        return false;
    }
  }

  private static int overloadsOf(ExecutableElement m) {
    int n = 0;
    for (Element e : m.getEnclosingElement().getEnclosedElements()) {
      if (e.getKind() == javax.lang.model.element.ElementKind.METHOD
          && e.getSimpleName().contentEquals(m.getSimpleName())) {
        n++;
      }
    }
    return n;
  }

  /** The type of a local or parameter read, or of {@code new T(...)} without diamond or body. */
  private String exactTypeText(ExpressionTree k) {
    if (k instanceof IdentifierTree && names.localRefs.containsKey(k)) {
      String type = localType(names.localRefs.get(k));
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
          && !(id instanceof com.sun.source.tree.ParameterizedTypeTree
              && ((com.sun.source.tree.ParameterizedTypeTree) id).getTypeArguments().isEmpty())) {
        return render(id, null, Mode.TYPING);
      }
    }
    return null;
  }

  private boolean isStable(ExpressionTree k, List<ExpressionTree> later) {
    k = unparen(k);
    if (isConstant(k)) {
      return true;
    }
    switch (k.getKind()) {
      case INT_LITERAL:
      case LONG_LITERAL:
      case FLOAT_LITERAL:
      case DOUBLE_LITERAL:
      case BOOLEAN_LITERAL:
      case CHAR_LITERAL:
      case STRING_LITERAL:
      case NULL_LITERAL:
      case LAMBDA_EXPRESSION:
      case MEMBER_REFERENCE:
        return true;
      case IDENTIFIER:
        {
          IdentifierTree id = (IdentifierTree) k;
          if (id.getName().contentEquals("this") || names.nonVariables.contains(id)) {
            return true;
          }
          if (names.localRefs.containsKey(id)) {
            return !assignedIn(id.getName().toString(), later);
          }
          return false;
        }
      case MEMBER_SELECT:
        {
          MemberSelectTree ms = (MemberSelectTree) k;
          if (ms.getIdentifier().contentEquals("class")) {
            return true;
          }
          return isFinalChain(ms);
        }
      default:
        return false;
    }
  }

  /**
   * Whether {@code Type.f.g} reads only final fields, starting from a type or package name: then
   * reading it later gives the same value. A non-final static field ({@code Counter.sc}) may be
   * changed by a later operand or while the await is pending, so it is held like any other value.
   */
  private boolean isFinalChain(MemberSelectTree ms) {
    ExpressionTree root = ms.getExpression();
    while (root instanceof MemberSelectTree) {
      root = ((MemberSelectTree) root).getExpression();
    }
    if (!(root instanceof IdentifierTree) || !names.nonVariables.contains(root)) {
      return false;
    }
    for (ExpressionTree t = ms; t instanceof MemberSelectTree; t = ((MemberSelectTree) t).getExpression()) {
      Element e = scope.qualified(t).orElse(null);
      if (e == null) {
        return false;
      }
      if (e instanceof VariableElement
          && !e.getModifiers().contains(javax.lang.model.element.Modifier.FINAL)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Constant expressions (JLS 15.29) and {@code null}: evaluating them later changes nothing, so
   * they are never held (a held constant would also be read back through a witness whose overload
   * depends on the constant's range: {@code (int) 26L} fits a {@code byte} witness).
   */
  private boolean isConstant(ExpressionTree k) {
    k = unparen(k);
    if (k instanceof com.sun.source.tree.LiteralTree) {
      return true;
    }
    if (k instanceof IdentifierTree) {
      Element member = names.memberElements.get(k);
      return member instanceof VariableElement
          && ((VariableElement) member).getConstantValue() != null;
    }
    if (k instanceof MemberSelectTree) {
      Element e = isFinalChain((MemberSelectTree) k) ? scope.qualified(k).orElse(null) : null;
      return e instanceof VariableElement && ((VariableElement) e).getConstantValue() != null;
    }
    if (k instanceof TypeCastTree) {
      Tree type = ((TypeCastTree) k).getType();
      boolean constantType =
          type.getKind() == Tree.Kind.PRIMITIVE_TYPE
              || (type instanceof IdentifierTree
                  && scope
                      .type(((IdentifierTree) type).getName().toString())
                      .filter(t -> t.getQualifiedName().contentEquals("java.lang.String"))
                      .isPresent());
      return constantType && isConstant(((TypeCastTree) k).getExpression());
    }
    if (k instanceof ConditionalExpressionTree) {
      ConditionalExpressionTree c = (ConditionalExpressionTree) k;
      return isConstant(c.getCondition())
          && isConstant(c.getTrueExpression())
          && isConstant(c.getFalseExpression());
    }
    if (k instanceof BinaryTree) {
      return isConstant(((BinaryTree) k).getLeftOperand())
          && isConstant(((BinaryTree) k).getRightOperand());
    }
    if (k instanceof UnaryTree) {
      switch (k.getKind()) {
        case UNARY_MINUS:
        case UNARY_PLUS:
        case BITWISE_COMPLEMENT:
        case LOGICAL_COMPLEMENT:
          return isConstant(((UnaryTree) k).getExpression());
        default:
          return false;
      }
    }
    return false;
  }

  private static boolean assignedIn(String name, List<ExpressionTree> exprs) {
    boolean[] found = {false};
    TreeScanner<Void, Void> scanner =
        new TreeScanner<Void, Void>() {
          private void check(ExpressionTree target) {
            target = unparen(target);
            if (target instanceof IdentifierTree
                && ((IdentifierTree) target).getName().contentEquals(name)) {
              found[0] = true;
            }
          }

          @Override
          public Void visitAssignment(com.sun.source.tree.AssignmentTree node, Void unused) {
            check(node.getVariable());
            return super.visitAssignment(node, null);
          }

          @Override
          public Void visitCompoundAssignment(CompoundAssignmentTree node, Void unused) {
            check(node.getVariable());
            return super.visitCompoundAssignment(node, null);
          }

          @Override
          public Void visitUnary(UnaryTree node, Void unused) {
            switch (node.getKind()) {
              case PREFIX_INCREMENT:
              case PREFIX_DECREMENT:
              case POSTFIX_INCREMENT:
              case POSTFIX_DECREMENT:
                check(node.getExpression());
                break;
              default:
            }
            return super.visitUnary(node, null);
          }
        };
    for (ExpressionTree e : exprs) {
      scanner.scan(e, null);
    }
    return found[0];
  }

  /**
   * Like {@link #lowerExpr} for a value that goes straight into a sink of type {@code target}, so
   * that a generic future such as {@code later(...)} is inferred from the target as in the source.
   */
  private String lowerTyped(ExpressionTree e, String target) {
    ExpressionTree bare = unparen(e);
    if (target != null && awaits.isAwait(bare)) {
      return lowerAwait((MethodInvocationTree) bare, false, target, null);
    }
    if (bare instanceof SwitchExpressionTree && awaits.contains(bare)) {
      return lowerSwitchExpression((SwitchExpressionTree) bare, target);
    }
    return lowerExpr(e, false);
  }

  private String lowerAwait(MethodInvocationTree call, boolean discard) {
    return lowerAwait(call, discard, null, null);
  }

  /**
   * Suspends on {@code call}'s future and returns the read of its output in the resumed state,
   * into a sink of type {@code target} when one is known; with {@code into}, the output is stored
   * in that field instead (for a value read in another state) and null is returned.
   */
  private String lowerAwait(
      MethodInvocationTree call, boolean discard, String target, String into) {
    ExpressionTree arg = call.getArguments().get(0);
    String future = lowerExpr(arg, false);
    State resume = newState();
    resume.comment = "resumes after " + oneLine(src.of(call)) + " at " + where(call);
    emit(awaitingField + " = " + MACHINES + ".future(" + future + ");");
    gotoState(resume);
    activateHere(resume);
    String p = local("poll");
    emit(POLL + "<?> " + p + " = " + awaitingField + ".poll(" + cx + ");");
    emit("if (" + p + ".isPending()) {");
    if (finallyDepth > 0) {
      // cancel() cannot wait: a finally block run by it gets one poll per await (Kotlin's rule)
      emit("  if (" + cancelling + ") {");
      emit("    throw " + MACHINES + ".notReadyWhileCancelling(" + awaitingField + ");");
      emit("  }");
    }
    emit("  return " + POLL + ".pending();");
    emit("}");
    emit(awaitingField + " = null;");
    if (into != null) {
      emit(into + " = " + p + ".get();");
      return null;
    }
    if (discard) {
      return null;
    }
    String v = local("value");
    if (target == null) {
      // javac types the dead branch as the await in the source, standalone: far cheaper for it
      // than inferring a witness lambda passed as an argument
      String typing = render(call, null, Mode.TYPING);
      emit("var " + v + " = true ? null : " + typing + "; // the await's type, never evaluated");
      emit(v + " = " + WITNESS + ".value(" + p + ".get());");
    } else {
      emit(target + " " + v + " = " + readAs(target, p + ".get()") + ";");
    }
    return v;
  }

  /**
   * Reads {@code value} (an await's output, a for-each element) into a sink of type {@code target}:
   * a primitive is unboxed and widened as the assignment in the source would; a reference type is
   * inferred from the sink, which the value is assignable to (javac checked the source).
   */
  private static String readAs(String target, String value) {
    return WITNESS + "." + (PRIMITIVES.contains(target) ? target + "Value" : "value")
        + "(" + value + ")";
  }

  private String lowerShortCircuit(BinaryTree b) {
    boolean and = b.getKind() == Tree.Kind.CONDITIONAL_AND;
    String left = lowerExpr(b.getLeftOperand(), false);
    if (!awaits.contains(b.getRightOperand())) {
      Map<Tree, String> ov = new IdentityHashMap<>();
      ov.put(b.getLeftOperand(), left);
      return render(b, ov, Mode.VALUE);
    }
    String r = temp("boolean", "value of " + oneLine(src.of(b)));
    State end = newState();
    Frame frame = cur.frame;
    emit(r + " = " + left + ";");
    emit("if (" + (and ? "!" : "") + r + ") { " + jump(end, frame) + " }");
    String right = lowerExpr(b.getRightOperand(), false);
    emit(r + " = " + right + ";");
    gotoState(end);
    activate(end, frame);
    end.comment = "continues " + oneLine(src.of(b));
    return r;
  }

  /**
   * {@code c ? a : b} with an await in a branch: the condition and each branch become states, and
   * the conditional itself is re-created where its value is used, {@code (taken ? a' : b')}. So
   * javac types it as in the source (JLS 15.25: a branch that is an await, a generic method, makes
   * it a reference conditional; an {@code Integer} and a {@code long} make it a {@code long}) and
   * converts the branch taken exactly as the source would, at the same point of the evaluation.
   * A branch without an await is evaluated there, in the re-created conditional; a branch with
   * one is evaluated in its state and read back in a form that keeps its type.
   */
  private String lowerConditional(ConditionalExpressionTree c) {
    String cond = lowerExpr(c.getCondition(), false);
    ExpressionTree whenTrue = c.getTrueExpression();
    ExpressionTree whenFalse = c.getFalseExpression();
    if (!awaits.contains(whenTrue) && !awaits.contains(whenFalse)) {
      Map<Tree, String> ov = new IdentityHashMap<>();
      ov.put(c.getCondition(), cond);
      return render(c, ov, Mode.VALUE);
    }
    String taken =
        temp("taken", "boolean", "whether " + oneLine(src.of(c.getCondition())) + " held");
    emit(taken + " = " + cond + ";");
    Frame frame = cur.frame;
    State end = newState();
    String trueValue = null;
    String falseValue = null;
    if (!awaits.contains(whenFalse)) {
      emit("if (!" + taken + ") { " + jump(end, frame) + " }");
      trueValue = lowerBranch(whenTrue);
    } else {
      State elseState = newState();
      emit("if (!" + taken + ") { " + jump(elseState, frame) + " }");
      if (awaits.contains(whenTrue)) {
        trueValue = lowerBranch(whenTrue);
      }
      gotoState(end);
      activate(elseState, frame);
      elseState.comment = "false branch of " + oneLine(src.of(c));
      falseValue = lowerBranch(whenFalse);
    }
    gotoState(end);
    activate(end, frame);
    end.comment = "continues after " + oneLine(src.of(c));
    // a branch without an await runs here, as the re-created conditional's own branch
    Map<Tree, String> ov = new IdentityHashMap<>();
    ov.put(c.getCondition(), taken);
    if (trueValue != null) {
      ov.put(whenTrue, trueValue);
    }
    if (falseValue != null) {
      ov.put(whenFalse, falseValue);
    }
    return "(" + render(c, ov, Mode.VALUE) + ")";
  }

  /**
   * Evaluates a branch that awaits in its own states and returns the read of its value where the
   * conditional is re-created, typed as the branch is in the source. A branch that is an await, a
   * conditional or a switch expression may be a poly expression and is read through {@code
   * Witness.as}, generic like {@code await} itself; any other branch (a call, a field, arithmetic)
   * is a standalone expression, read through {@code Witness.branch}, whose overloads keep a boxed
   * type boxed so that javac classifies the conditional as numeric where the source's was.
   */
  private String lowerBranch(ExpressionTree e) {
    ExpressionTree bare = unparen(e);
    String raw = temp("branch", "java.lang.Object", "value of the branch " + oneLine(src.of(e)));
    if (awaits.isAwait(bare)) {
      lowerAwait((MethodInvocationTree) bare, false, null, raw);
    } else {
      emit(raw + " = " + lowerExpr(e, false) + ";");
    }
    boolean polyForm =
        awaits.isAwait(bare)
            || bare instanceof ConditionalExpressionTree
            || bare instanceof SwitchExpressionTree;
    return WITNESS
        + (polyForm ? ".as(" : ".branch(")
        + raw
        + ", () -> "
        + render(e, null, Mode.TYPING)
        + ")";
  }

  /**
   * {@code l op r}. When {@code r} awaits, {@code l} is fully evaluated first (JLS 15.7.1), and
   * that includes the conversion the operator applies to it (JLS 5.6): a null {@code Integer}
   * fails before {@code r} runs, and an operand of a string concatenation becomes a string before
   * {@code r} can change it. Only an operand of primitive or {@code String} type can go without
   * that conversion, and only a stable one can be left where it is.
   */
  private String lowerBinary(BinaryTree b) {
    ExpressionTree l = b.getLeftOperand();
    ExpressionTree r = b.getRightOperand();
    if (!awaits.contains(r)) {
      return renderWith(b, List.of(l, r));
    }
    String left = lowerExpr(l, false);
    String leftValue;
    if (l.getKind() == Tree.Kind.NULL_LITERAL || isPlainType(knownType(l))) {
      leftValue = !awaits.contains(l) && isStable(l, List.of(r)) ? left : hold(l, left);
    } else {
      leftValue = holdConverted(b, left);
    }
    Map<Tree, String> ov = new IdentityHashMap<>();
    ov.put(l, leftValue);
    ov.put(r, lowerExpr(r, false));
    return render(b, ov, Mode.VALUE);
  }

  /**
   * Holds the left operand of {@code b} converted as {@code b} converts it, and returns its read.
   * Without attribution the conversion is not known, so a never-evaluated witness of the whole
   * operation picks it ({@code Witness.operand}: unboxed when the operation is numeric or boolean,
   * a string when it is a concatenation; {@code Witness.compared} for {@code ==}, which unboxes
   * only when the comparison is numeric). The read is typed as {@code true ? l : (l op r)}, the
   * operand after that conversion.
   */
  private String holdConverted(BinaryTree b, String leftValue) {
    String l = "(" + render(b.getLeftOperand(), null, Mode.TYPING) + ")";
    String r = "(" + render(b.getRightOperand(), null, Mode.TYPING) + ")";
    String helper;
    String operation;
    String readType;
    switch (b.getKind()) {
      case EQUAL_TO:
      case NOT_EQUAL_TO:
        helper = "compared";
        operation = "true ? " + l + " : " + r;
        readType = operation;
        break;
      case LESS_THAN:
      case GREATER_THAN:
      case LESS_THAN_EQUAL:
      case GREATER_THAN_EQUAL:
        // both operands are numeric: their sum has the type they are compared in
        helper = "operand";
        operation = l + " + " + r;
        readType = "true ? " + l + " : (" + operation + ")";
        break;
      default:
        helper = "operand";
        operation = l + " " + Operators.text(b.getKind()) + " " + r;
        readType = "true ? " + l + " : (" + operation + ")";
    }
    String held =
        temp(
            "operand",
            "java.lang.Object",
            "holds " + oneLine(src.of(b.getLeftOperand())) + " across an await, converted for "
                + Operators.text(b.getKind()));
    emit(held + " = " + WITNESS + "." + helper + "(" + leftValue + ", () -> " + operation + ");");
    return WITNESS + ".as(" + held + ", () -> " + readType + ")";
  }

  /** The static type of {@code k} as source text when it is known without attribution, or null. */
  private String knownType(ExpressionTree k) {
    k = unparen(k);
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
  private boolean isPlainType(String type) {
    if (type == null) {
      return false;
    }
    if (PRIMITIVES.contains(type) || type.equals("java.lang.String")) {
      return true;
    }
    return type.equals("String")
        && scope
            .type("String")
            .filter(t -> t.getQualifiedName().contentEquals("java.lang.String"))
            .isPresent();
  }

  private String lowerCompound(CompoundAssignmentTree ca) {
    ExpressionTree place = ca.getVariable();
    List<ExpressionTree> kids = new ArrayList<>(placeKids(place));
    if (!awaits.contains(ca.getExpression())) {
      return renderWith(ca, kids);
    }
    ExpressionTree bare = unparen(place);
    boolean plain = isPlainType(knownType(bare));
    if (plain
        && bare instanceof IdentifierTree
        && names.localRefs.containsKey(bare)
        && !assignedIn(((IdentifierTree) bare).getName().toString(), List.of(ca.getExpression()))) {
      // a local cannot change during the await except through this expression, and reading a
      // primitive or a String converts nothing: read it after
      List<ExpressionTree> all = new ArrayList<>(kids);
      all.add(ca.getExpression());
      return renderWith(ca, all);
    }
    List<String> values = lowerOperands(kids, true);
    Map<Tree, String> ov = new IdentityHashMap<>();
    for (int i = 0; i < kids.size(); i++) {
      ov.put(kids.get(i), values.get(i));
    }
    String placeText = render(place, ov, Mode.VALUE);
    String old = temp("java.lang.Object", "value of " + oneLine(src.of(place)) + " before the await");
    if (plain) {
      emit(old + " = " + placeText + ";");
    } else {
      // the saved value is converted as the operator converts it (JLS 15.26.2), before the await
      String operation =
          "(" + render(place, null, Mode.TYPING) + ") " + operator(ca) + " ("
              + render(ca.getExpression(), null, Mode.TYPING) + ")";
      emit(old + " = " + WITNESS + ".operand(" + placeText + ", () -> " + operation + ");");
    }
    String rhs = lowerExpr(ca.getExpression(), false);
    String nv = local("updated");
    emit("var " + nv + " = " + WITNESS + ".as(" + old + ", () -> " + render(place, null, Mode.TYPING) + ");");
    emit(nv + " " + operator(ca) + "= " + rhs + ";");
    emit(render(place, ov, Mode.VALUE) + " = " + nv + ";");
    return nv;
  }

  private String operator(CompoundAssignmentTree ca) {
    String text = src.slice(src.end(ca.getVariable()), src.start(ca.getExpression()));
    int eq = text.indexOf('=');
    // the operator is the text before '=' without spaces or comments, e.g. "+", ">>>"
    return text.substring(0, eq).replaceAll("\\s+", "").replaceAll("/\\*.*?\\*/", "");
  }

  // ---------------------------------------------------------------------------------------------
  // rendering source text

  private String render(Tree root, Map<Tree, String> overrides, Mode mode) {
    if (root == null) {
      return "";
    }
    int start = src.start(root);
    int end = src.end(root);
    List<int[]> spans = new ArrayList<>();
    List<String> texts = new ArrayList<>();
    Map<VariableTree, String> copies = new IdentityHashMap<>();
    new TreeScanner<Void, Integer>() {
      @Override
      public Void scan(Tree node, Integer depth) {
        if (node == null) {
          return null;
        }
        String rep = edit(node, depth, overrides, mode, root, copies);
        if (rep != null) {
          spans.add(new int[] {src.start(node), src.end(node)});
          texts.add(rep);
          return null;
        }
        return super.scan(node, depth);
      }

      @Override
      public Void visitLambdaExpression(LambdaExpressionTree node, Integer depth) {
        return super.visitLambdaExpression(node, depth + 1);
      }

      @Override
      public Void visitClass(ClassTree node, Integer depth) {
        return super.visitClass(node, depth + 1);
      }
    }.scan(root, 0);
    StringBuilder out = new StringBuilder();
    int pos = start;
    List<Integer> idx = new ArrayList<>();
    for (int i = 0; i < spans.size(); i++) {
      idx.add(i);
    }
    idx.sort((a, b) -> Integer.compare(spans.get(a)[0], spans.get(b)[0]));
    for (int i : idx) {
      int[] span = spans.get(i);
      if (span[0] < pos || span[0] < 0) {
        continue;
      }
      out.append(src.slice(pos, span[0]));
      out.append(texts.get(i));
      pos = span[1];
    }
    out.append(src.slice(pos, end));
    return out.toString();
  }

  private String edit(
      Tree node,
      int depth,
      Map<Tree, String> overrides,
      Mode mode,
      Tree root,
      Map<VariableTree, String> copies) {
    if (overrides != null && overrides.containsKey(node)) {
      return overrides.get(node);
    }
    if (mode != Mode.TYPING && depth == 0 && awaits.isAwait(node)) {
      throw new IllegalStateException("await left unlowered at " + where(node));
    }
    if (node instanceof IdentifierTree) {
      IdentifierTree id = (IdentifierTree) node;
      VariableTree decl = names.localRefs.get(id);
      if (decl != null) {
        String field = hoisted.get(decl);
        if (field == null) {
          return null;
        }
        if (mode != Mode.TYPING && names.captured.contains(id)) {
          return copies.computeIfAbsent(
              decl,
              d -> {
                String copy = fresh(d.getName() + "Captured");
                emit("final var " + copy + " = " + field + ";");
                return copy;
              });
        }
        return field.contentEquals(id.getName()) ? null : field;
      }
      return names.memberEdits.get(id);
    }
    if (node instanceof MemberSelectTree) {
      return names.memberEdits.get(node);
    }
    if (node instanceof InstanceOfTree && depth == 0) {
      InstanceOfTree io = (InstanceOfTree) node;
      if (io.getPattern() instanceof BindingPatternTree) {
        VariableTree var = ((BindingPatternTree) io.getPattern()).getVariable();
        String field = hoisted.get(var);
        if (field != null) {
          String tmp = fresh(var.getName() + "Matched");
          String expr =
              overrides != null && overrides.containsKey(io.getExpression())
                  ? overrides.get(io.getExpression())
                  : render(io.getExpression(), null, mode);
          return "("
              + expr
              + " instanceof "
              + typeText(var)
              + " "
              + tmp
              + " && "
              + MACHINES
              + ".bind("
              + field
              + " = "
              + tmp
              + "))";
        }
      }
    }
    if (mode != Mode.VERBATIM || depth > 0) {
      return null;
    }
    if (node instanceof YieldTree && !yields.isEmpty() && !yieldInside(node, root)) {
      YieldTarget y = yields.peek();
      String v = render(((YieldTree) node).getValue(), null, Mode.VALUE);
      return "{ " + yieldCode(y, v) + " }";
    }
    if (node instanceof ReturnTree) {
      ExpressionTree e = ((ReturnTree) node).getExpression();
      String code = returnCode(e == null ? null : render(e, null, Mode.VALUE));
      return node == root ? code : "{ " + code + " }";
    }
    if (node instanceof BreakTree || node instanceof ContinueTree) {
      boolean isBreak = node instanceof BreakTree;
      javax.lang.model.element.Name lbl =
          isBreak ? ((BreakTree) node).getLabel() : ((ContinueTree) node).getLabel();
      if (targetsInside(node, root, lbl, isBreak)) {
        return null;
      }
      for (Target t : targets) {
        boolean match;
        if (lbl != null) {
          match = lbl.contentEquals(t.label == null ? "" : t.label);
        } else {
          match = isBreak ? !(t.tree instanceof LabeledStatementTree) : t.continueTo != null;
        }
        if (match) {
          State to = isBreak ? t.breakTo : t.continueTo;
          return node == root ? jump(to, t.frame) : "{ " + jump(to, t.frame) + " }";
        }
      }
      throw new Unsupported(node, "this jump", false);
    }
    return null;
  }

  private boolean inLoop(Tree tree) {
    TreePath path = trees.getPath(src.unit(), tree);
    for (TreePath p = path; p != null; p = p.getParentPath()) {
      switch (p.getLeaf().getKind()) {
        case WHILE_LOOP:
        case DO_WHILE_LOOP:
        case FOR_LOOP:
        case ENHANCED_FOR_LOOP:
          return true;
        case METHOD:
          return false;
        default:
      }
    }
    return false;
  }

  private boolean yieldInside(Tree yield, Tree root) {
    if (yield == root) {
      return false;
    }
    TreePath path = trees.getPath(src.unit(), yield);
    for (TreePath p = path == null ? null : path.getParentPath(); p != null; p = p.getParentPath()) {
      if (p.getLeaf().getKind() == Tree.Kind.SWITCH_EXPRESSION) {
        return true;
      }
      if (p.getLeaf() == root) {
        return false;
      }
    }
    return false;
  }

  /** Whether the jump's target is a statement inside {@code root} (then it stays as written). */
  private boolean targetsInside(
      Tree jump, Tree root, javax.lang.model.element.Name lbl, boolean isBreak) {
    if (jump == root) {
      return false;
    }
    TreePath path = trees.getPath(src.unit(), jump);
    for (TreePath p = path == null ? null : path.getParentPath(); p != null; p = p.getParentPath()) {
      Tree t = p.getLeaf();
      if (lbl != null) {
        if (t instanceof LabeledStatementTree
            && ((LabeledStatementTree) t).getLabel().contentEquals(lbl)) {
          return true;
        }
      } else {
        switch (t.getKind()) {
          case WHILE_LOOP:
          case DO_WHILE_LOOP:
          case FOR_LOOP:
          case ENHANCED_FOR_LOOP:
            return true;
          case SWITCH:
            if (isBreak) {
              return true;
            }
            break;
          default:
        }
      }
      if (t == root) {
        return false;
      }
    }
    return false;
  }

  // ---------------------------------------------------------------------------------------------
  // finishing

  private MachineModel finish() {
    List<State> emitted = new ArrayList<>(order);
    for (State s : created) {
      if (s.activated && !order.contains(s)) {
        emitted.add(s);
      }
    }
    Map<Integer, Integer> numbers = new HashMap<>();
    for (int i = 0; i < emitted.size(); i++) {
      numbers.put(emitted.get(i).id, i);
    }
    // states never activated (e.g. the end of an if whose branches both return) get no case
    List<MachineModel.State> states = new ArrayList<>();
    for (int i = 0; i < emitted.size(); i++) {
      State s = emitted.get(i);
      StringBuilder code = new StringBuilder(s.code);
      if (s.tailGoto != null) {
        boolean adjacent = i + 1 < emitted.size() && emitted.get(i + 1) == s.tailGoto;
        if (!adjacent) {
          code.append("continue ").append(label).append(";\n");
        }
      }
      int line = (int) src.line(methodTree);
      Matcher at = LINE.matcher(s.comment == null ? "" : s.comment);
      while (at.find()) {
        line = Integer.parseInt(at.group(1));
      }
      states.add(new MachineModel.State(i, s.comment, resolve(code.toString(), numbers), line));
    }
    Map<Frame, List<Integer>> byFrame = new LinkedHashMap<>();
    for (int i = 0; i < emitted.size(); i++) {
      Frame f = emitted.get(i).frame;
      if (f != null) {
        byFrame.computeIfAbsent(f, k -> new ArrayList<>()).add(i);
      }
    }
    Map<Fin, List<Integer>> byFin = new LinkedHashMap<>();
    for (int i = 0; i < emitted.size(); i++) {
      for (Frame f = emitted.get(i).frame; f != null; f = f.parent) {
        if (f.fin != null) {
          byFin.computeIfAbsent(f.fin, k -> new ArrayList<>()).add(i);
          break;
        }
      }
    }
    List<MachineModel.Handler> cancelPlan = new ArrayList<>();
    for (Map.Entry<Fin, List<Integer>> e : byFin.entrySet()) {
      Fin fin = e.getKey();
      String code =
          fin.nextField
              + " = "
              + cancel
              + ";\n"
              + fin.thrownField
              + " = null;\n"
              + stateField
              + " = "
              + ref(fin.entry)
              + ";\n";
      cancelPlan.add(new MachineModel.Handler(e.getValue(), resolve(code, numbers)));
    }
    List<MachineModel.Handler> handlers = new ArrayList<>();
    for (Map.Entry<Frame, List<Integer>> e : byFrame.entrySet()) {
      String code = handlerCode(e.getKey(), emitted);
      if (!code.isEmpty()) {
        handlers.add(new MachineModel.Handler(e.getValue(), resolve(code, numbers)));
      }
    }
    return new MachineModel(
        fields,
        states,
        handlers,
        stateField,
        awaitingField,
        cx,
        throwable,
        label,
        done,
        rethrow,
        doneMethod,
        usesRethrow,
        memberTypes,
        cancelPlan,
        cancel,
        cancelling,
        cancelledAt);
  }

  /**
   * The guard that keeps a catch of {@code frame} from running while cancel() runs the finally
   * blocks around an await inside that try; a try nested in such a finally block catches as usual.
   */
  private String notCancelledInside(Frame frame, List<State> emitted) {
    List<String> inside = new ArrayList<>();
    for (int i = 0; i < emitted.size(); i++) {
      for (Frame f = emitted.get(i).frame; f != null; f = f.parent) {
        if (f == frame) {
          inside.add(cancelledAt + " == " + i);
          break;
        }
      }
    }
    if (inside.isEmpty()) {
      return "";
    }
    return "!(" + cancelling + " && (" + String.join(" || ", inside) + ")) && ";
  }

  private String handlerCode(Frame frame, List<State> emitted) {
    StringBuilder sb = new StringBuilder();
    for (Frame f = frame; f != null; f = f.parent) {
      for (CatchInfo c : f.catches) {
        List<String> tests = new ArrayList<>();
        for (String type : c.types) {
          tests.add(throwable + " instanceof " + type);
        }
        sb.append("if (" + notCancelledInside(f, emitted) + "(")
            .append(String.join(" || ", tests))
            .append(")) {\n  ")
            .append(caughtField)
            .append(" = ")
            .append(throwable)
            .append(";\n  ")
            .append(stateField)
            .append(" = ")
            .append(ref(c.target))
            .append(";\n  continue ")
            .append(label)
            .append(";\n}\n");
      }
      if (f.fin != null) {
        usesRethrow = true;
        sb.append("// ")
            .append(f.comment)
            .append(": run the finally block, then rethrow\n")
            .append(f.fin.nextField)
            .append(" = ")
            .append(rethrow)
            .append(";\n")
            .append(f.fin.thrownField)
            .append(" = ")
            .append(throwable)
            .append(";\n")
            .append(stateField)
            .append(" = ")
            .append(ref(f.fin.entry))
            .append(";\ncontinue ")
            .append(label)
            .append(";\n");
        return sb.toString();
      }
    }
    return sb.toString();
  }

  private static String resolve(String code, Map<Integer, Integer> numbers) {
    Matcher m = STATE_REF.matcher(code);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      Integer n = numbers.get(Integer.parseInt(m.group(1)));
      m.appendReplacement(out, n == null ? "-1" : Integer.toString(n));
    }
    m.appendTail(out);
    return out.toString();
  }

  private String where(Tree t) {
    return src.fileName() + ":" + src.line(t);
  }

  private static String oneLine(String s) {
    String one = s.replaceAll("\\s+", " ").trim();
    return one.length() > 80 ? one.substring(0, 77) + "..." : one;
  }

  /** Removes {@code column} spaces of the original indentation from continuation lines. */
  private static String reindent(String text, int column) {
    String[] lines = text.split("\n", -1);
    StringBuilder sb = new StringBuilder(lines[0]);
    for (int i = 1; i < lines.length; i++) {
      String line = lines[i];
      int n = 0;
      while (n < column && n < line.length() && line.charAt(n) == ' ') {
        n++;
      }
      sb.append('\n').append(line.substring(n));
    }
    return sb.toString();
  }

  /** Names of the parameters (fields of the machine under the same names). */
  public static Set<String> parameterNames(ExecutableElement method) {
    Set<String> out = new HashSet<>();
    for (VariableElement p : method.getParameters()) {
      out.add(p.getSimpleName().toString());
    }
    return Collections.unmodifiableSet(out);
  }
}
