/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.processor.step;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.SourcePositions;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import dev.asyncfn.processor.analysis.Awaits;
import dev.asyncfn.processor.analysis.BodyNames;
import dev.asyncfn.processor.analysis.MemberCache;
import dev.asyncfn.processor.analysis.NameResolver;
import dev.asyncfn.processor.analysis.SourceText;
import dev.asyncfn.processor.analysis.TypeNames;
import dev.asyncfn.processor.analysis.TypeScope;
import dev.asyncfn.processor.codegen.CompanionGenerator;
import dev.asyncfn.processor.codegen.ImportPlan;
import dev.asyncfn.processor.codegen.MachineGenerator;
import dev.asyncfn.processor.codegen.MachineSpec;
import dev.asyncfn.processor.codegen.Signatures;
import dev.asyncfn.processor.diagnostics.Message;
import dev.asyncfn.processor.diagnostics.Reporter;
import dev.asyncfn.processor.model.AsyncMethod;
import dev.asyncfn.processor.model.MachineModel;
import dev.asyncfn.processor.transform.AsyncBlocks;
import dev.asyncfn.processor.transform.BlockShapes;
import dev.asyncfn.processor.transform.Deferred;
import dev.asyncfn.processor.transform.LoweredBody;
import dev.asyncfn.processor.transform.Lowering;
import dev.asyncfn.processor.transform.Unsupported;
import dev.asyncfn.processor.validation.AwaitPlacementValidator;
import dev.asyncfn.processor.validation.BlockingCallChecker;
import dev.asyncfn.processor.validation.MemberAccessValidator;
import dev.asyncfn.processor.validation.UncompilableBodyDetector;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * The second step, once every companion exists: per {@code @Async} method, validate → analyse →
 * lower → generate its state machine. A method with errors gets all of them reported and a stub
 * machine (so that its companion compiles); a method whose names or types are not known yet is
 * retried in the next round while another processor may still bring them, else it gets its stub
 * then, never in the last round (see {@code AsyncProcessor}).
 */
public final class MachineStep {
  private final Elements elements;
  private final Types types;
  private final Trees trees;
  private final Reporter reporter;
  private final TypeNames typeNames;
  private final MachineGenerator machines;
  private final AwaitPlacementValidator awaitPlacement;
  private final MemberAccessValidator memberAccess;
  private final BlockingCallChecker blockingCalls;
  /**
   * Methods that got a stub for a name nothing declared though a later round might have brought
   * it, by owner: {@link #recheck} reports any whose body compiles in the end.
   */
  private final Map<String, List<String>> stubbedEarly = new LinkedHashMap<>();
  /**
   * The bodies {@link #resolvableNow} resolved this round, for {@link #generate} to take over
   * instead of resolving them again.
   */
  private final Map<Element, Resolved> resolved = new HashMap<>();

  public MachineStep(
      Elements elements,
      Types types,
      Trees trees,
      Reporter reporter,
      TypeNames typeNames,
      MachineGenerator machines) {
    this.elements = elements;
    this.types = types;
    this.trees = trees;
    this.reporter = reporter;
    this.typeNames = typeNames;
    this.machines = machines;
    this.awaitPlacement = new AwaitPlacementValidator(reporter);
    this.memberAccess = new MemberAccessValidator(reporter);
    this.blockingCalls = new BlockingCallChecker(reporter);
  }

  /**
   * Generates the machines of the methods of class {@code ownerName} with these {@code keys};
   * returns the keys of those to retry in the next round. {@code mayRetry}: whether a later round
   * may still bring a name or type the body lacks (another processor is generating); when false,
   * nothing is retried.
   */
  public List<String> process(String ownerName, List<String> keys, boolean mayRetry) {
    List<String> retry = new ArrayList<>();
    forEach(
        ownerName,
        keys,
        (m, path, cls) -> {
          try {
            if (!generate(m, mayRetry, path, cls)) {
              retry.add(AsyncMethods.key(m.method));
            }
          } catch (Throwable t) {
            reporter.internalError(m.method, t);
            stub(m);
          }
          return true;
        });
    return retry;
  }

  /**
   * Whether the machines of the methods of class {@code ownerName} with these {@code keys} can be
   * generated in the round that wrote the companions: no body names one of the types this round
   * wrote ({@code unentered}, simple names: javac enters them in the next round only) or a type
   * or method nothing declares yet (another processor's). Reports nothing.
   */
  public boolean resolvableNow(String ownerName, List<String> keys, Set<String> unentered) {
    return forEach(
        ownerName,
        keys,
        (m, path, cls) -> {
          if (path == null) {
            return true; // generate() reports it
          }
          Resolved r;
          try {
            r = resolve(m, path, cls);
          } catch (Throwable t) {
            // a processor bug: generate() meets it again next round, where it is reported on
            // this method and the method stubbed, instead of ending the round for every class
            return false;
          }
          resolved.put(m.method, r);
          return Collections.disjoint(r.names().inUse(), unentered)
              && r.broken().stream().noneMatch(BodyNames.Unresolved::retry);
        });
  }

  /** Forgets what {@link #resolvableNow} resolved: called as a round begins. */
  public void newRound() {
    resolved.clear();
  }

  /** A body's names resolved, and what javac will certainly reject in it. */
  private record Resolved(
      TypeScope scope, BodyNames names, List<BodyNames.Unresolved> broken) {}

  private Resolved resolve(AsyncMethod m, TreePath path, ClassContext cls) {
    MethodTree tree = (MethodTree) path.getLeaf();
    TypeScope scope =
        new TypeScope(cls.members(), typeNames, elements, m.owner, path.getCompilationUnit());
    BodyNames names = NameResolver.resolve(elements, m.owner, scope, tree);
    return new Resolved(
        scope,
        names,
        UncompilableBodyDetector.find(tree, m.method, names, scope, elements, types));
  }

  /** One method of a class, with its tree path and what the class's methods share. */
  private interface MethodVisit {
    /** Returns false to stop the walk. */
    boolean visit(AsyncMethod m, TreePath path, ClassContext cls);
  }

  /**
   * Visits the methods of class {@code ownerName} with these {@code keys}, in declaration order;
   * returns false when a visit stopped the walk.
   */
  private boolean forEach(String ownerName, List<String> keys, MethodVisit visit) {
    TypeElement owner = elements.getTypeElement(ownerName);
    if (owner == null) {
      return true;
    }
    // per class, not per method: the @Async methods, whether the class has an await member, and
    // the tree path of each method (Trees.getPath(Element) scans the compilation unit per call)
    List<AsyncMethod> all = AsyncMethods.of(owner, elements);
    Map<String, String> factories = new HashMap<>();
    for (AsyncMethod other : all) {
      String name = other.method.getSimpleName().toString();
      factories.put(
          name,
          other.companion + "." + name
              + (Signatures.isStatic(other.method) ? "(...)" : "(this, ...)"));
    }
    MemberCache members = new MemberCache(elements);
    ClassContext cls =
        new ClassContext(
            factories,
            AsyncMethods.hasMethod(owner, "await", members),
            AsyncMethods.hasMethod(owner, "async", members),
            members);
    Map<Element, TreePath> methodPaths = methodPaths(owner);
    for (AsyncMethod m : all) {
      if (!keys.contains(AsyncMethods.key(m.method))) {
        continue;
      }
      TreePath path = methodPaths.get(m.method);
      if (path == null) {
        path = trees.getPath(m.method);
      }
      if (!visit.visit(m, path, cls)) {
        return false;
      }
    }
    return true;
  }

  /**
   * What every method of one class shares: the factories of its companion (for messages), whether
   * the class has members named {@code await} or {@code async} (which shadow the static imports),
   * and its member lists.
   */
  private record ClassContext(
      Map<String, String> factories,
      boolean awaitMember,
      boolean asyncMember,
      MemberCache members) {}

  /** Returns false to retry next round. */
  private boolean generate(
      AsyncMethod m,
      boolean mayRetry,
      TreePath path,
      ClassContext cls) {
    if (path == null) {
      reporter.at(m.method, Message.UNSUPPORTED_METHOD, "a method without source");
      return true;
    }
    MethodTree tree = (MethodTree) path.getLeaf();
    CompilationUnitTree unit = path.getCompilationUnit();
    SourceText src = new SourceText(trees, unit);
    Awaits awaits = new Awaits(unit, cls.awaitMember(), cls.asyncMember());
    awaits.index(tree.getBody());
    Resolved r = resolved.remove(m.method);
    if (r == null) {
      r = resolve(m, path, cls);
    }
    TypeScope scope = r.scope();
    BodyNames names = r.names();
    List<BodyNames.Unresolved> broken = r.broken();
    if (!broken.isEmpty()) {
      BodyNames.Unresolved first = first(broken, unit);
      if (first.retry() && mayRetry) {
        // a later round may bring the missing type or method (another processor's output)
        return false;
      }
      if (broken.stream().allMatch(BodyNames.Unresolved::retry)) {
        stubbedEarly
            .computeIfAbsent(m.owner.getQualifiedName().toString(), k -> new ArrayList<>())
            .add(AsyncMethods.key(m.method));
      }
      reporter.at(
          first.tree(), unit, Message.BODY_DOES_NOT_COMPILE, m.method.getSimpleName(), first.what());
      stub(m);
      return true;
    }
    boolean placed = awaitPlacement.validate(tree, unit, awaits);
    boolean reachable = memberAccess.validate(names, unit, m.owner, m.packageName);
    blockingCalls.check(tree, unit, names, cls.factories());
    if (!placed || !reachable) {
      stub(m);
      return true;
    }
    String self = self(m);
    Set<String> reserved = new HashSet<>(Lowering.parameterNames(m.method));
    reserved.add(self);
    String resultType =
        m.method.getReturnType().getKind() == TypeKind.VOID
            ? "java.lang.Void"
            : m.method.getReturnType().toString();
    AsyncBlocks blocks = AsyncBlocks.of(tree.getBody(), m.machine, awaits, names, src);
    List<Runnable> writes = new ArrayList<>();
    try {
      MachineModel model =
          lowering(
                  src,
                  awaits,
                  names,
                  scope,
                  LoweredBody.of(tree, m.method),
                  resultType,
                  m,
                  self,
                  reserved,
                  blocks)
              .lower();
      ImportPlan imports =
          ImportPlan.of(unit, src, names.inUse(), model.memberTypeNames(), m.packageName);
      writes.add(() -> machines.generate(machines.spec(m, self), model, imports));
      for (AsyncBlocks.Block b : blocks.all()) {
        writes.add(block(m, b, self, src, cls, names, scope, blocks));
      }
    } catch (Deferred d) {
      if (mayRetry) {
        return false;
      }
      Tree at = d.tree instanceof Tree ? (Tree) d.tree : tree;
      reporter.at(at, unit, Message.UNKNOWN_TYPE, String.valueOf(at).split("\n")[0]);
      stub(m);
      return true;
    } catch (Unsupported u) {
      reporter.at(u.tree, unit, u.message, u.args);
      stub(m);
      return true;
    }
    // the method's machine and its blocks' only once all of them lowered
    writes.forEach(Runnable::run);
    return true;
  }

  /** The first problem in source order (the names' come before the detector's own). */
  private BodyNames.Unresolved first(List<BodyNames.Unresolved> broken, CompilationUnitTree unit) {
    SourcePositions positions = trees.getSourcePositions();
    return broken.stream()
        .min(Comparator.comparingLong(u -> positions.getStartPosition(unit, u.tree())))
        .orElseThrow();
  }

  /**
   * In the last round: a method that got its stub while a name of its body was missing, and whose
   * body now compiles (another processor generated the name after all, in a round after the
   * stub), would run its stub; it is an error on the method instead.
   */
  public void recheck() {
    for (Map.Entry<String, List<String>> e : stubbedEarly.entrySet()) {
      TypeElement owner = elements.getTypeElement(e.getKey());
      if (owner == null) {
        continue;
      }
      for (AsyncMethod m : AsyncMethods.of(owner, elements)) {
        if (!e.getValue().contains(AsyncMethods.key(m.method))) {
          continue;
        }
        TreePath path = trees.getPath(m.method);
        if (path == null) {
          continue;
        }
        MethodTree tree = (MethodTree) path.getLeaf();
        TypeScope scope = new TypeScope(elements, m.owner, path.getCompilationUnit());
        BodyNames names = NameResolver.resolve(elements, m.owner, scope, tree);
        if (UncompilableBodyDetector.find(tree, m.method, names, scope, elements, types)
            .isEmpty()) {
          reporter.at(m.method, Message.NAME_GENERATED_TOO_LATE, m.method.getSimpleName());
        }
      }
    }
    stubbedEarly.clear();
  }

  /** Lowers async block {@code b} of {@code m}; returns the writing of its machine. */
  private Runnable block(
      AsyncMethod m,
      AsyncBlocks.Block b,
      String self,
      SourceText src,
      ClassContext cls,
      BodyNames names,
      TypeScope scope,
      AsyncBlocks blocks) {
    CompilationUnitTree unit = src.unit();
    Awaits awaits = new Awaits(unit, cls.awaitMember(), cls.asyncMember());
    awaits.index(b.lambda().getBody());
    boolean isVoid = BlockShapes.isVoid(b.call(), trees, unit, awaits);
    Set<String> reserved = new HashSet<>();
    b.captures().forEach(v -> reserved.add(v.getName().toString()));
    reserved.add(self);
    Lowering lowering =
        lowering(
            src,
            awaits,
            names,
            scope,
            LoweredBody.ofBlock(b.lambda(), isVoid, m.method),
            "java.lang.Object",
            m,
            self,
            reserved,
            blocks);
    MachineModel model = lowering.lower();
    List<MachineModel.Field> captures = lowering.captureFields(b.captures());
    ImportPlan imports =
        ImportPlan.of(unit, src, names.inUse(), model.memberTypeNames(), m.packageName);
    MachineSpec spec = machines.blockSpec(m, self, b.machine(), src.line(b.lambda()), captures);
    return () -> machines.generate(spec, model, imports);
  }

  /** The lowering of {@code body} (the method's, or one of its async blocks') into a machine. */
  private Lowering lowering(
      SourceText src,
      Awaits awaits,
      BodyNames names,
      TypeScope scope,
      LoweredBody body,
      String resultType,
      AsyncMethod m,
      String self,
      Set<String> reserved,
      AsyncBlocks blocks) {
    return new Lowering(
            trees,
            elements,
            types,
            src,
            awaits,
            names,
            scope,
            body,
            resultType,
            topLevel(m.owner),
            self,
            reserved)
        .withBlocks(blocks);
  }

  private static String self(AsyncMethod m) {
    return CompanionGenerator.receiverName(m, "self");
  }

  private void stub(AsyncMethod m) {
    try {
      machines.generateStub(m, self(m));
    } catch (RuntimeException ignored) {
      // the error is reported already; a missing stub only adds javac's own error
    }
  }

  /** The path of each method declared directly in {@code owner}, from one walk of its class tree. */
  private Map<Element, TreePath> methodPaths(TypeElement owner) {
    Map<Element, TreePath> out = new HashMap<>();
    TreePath classPath = trees.getPath(owner);
    if (classPath == null || !(classPath.getLeaf() instanceof ClassTree)) {
      return out;
    }
    for (Tree member : ((ClassTree) classPath.getLeaf()).getMembers()) {
      if (member instanceof MethodTree) {
        TreePath p = new TreePath(classPath, member);
        Element e = trees.getElement(p);
        if (e != null) {
          out.put(e, p);
        }
      }
    }
    return out;
  }

  /** The top-level class, whose assertion status the body's asserts follow (JLS 14.10). */
  private static String topLevel(TypeElement type) {
    Element e = type;
    while (e.getEnclosingElement() instanceof TypeElement) {
      e = e.getEnclosingElement();
    }
    return e.getSimpleName().toString();
  }
}
