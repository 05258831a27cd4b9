package dev.asyncfn.processor;

import com.google.auto.service.AutoService;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ImportTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreeScanner;
import com.sun.source.util.Trees;
import dev.asyncfn.processor.analysis.Awaits;
import dev.asyncfn.processor.analysis.Names;
import dev.asyncfn.processor.analysis.SourceText;
import dev.asyncfn.processor.analysis.TypeScope;
import dev.asyncfn.processor.codegen.CompanionGenerator;
import dev.asyncfn.processor.codegen.MachineGenerator;
import dev.asyncfn.processor.codegen.Signatures;
import dev.asyncfn.processor.diagnostics.Message;
import dev.asyncfn.processor.diagnostics.Reporter;
import dev.asyncfn.processor.model.AsyncMethod;
import dev.asyncfn.processor.model.MachineModel;
import dev.asyncfn.processor.transform.Deferred;
import dev.asyncfn.processor.transform.Lowering;
import dev.asyncfn.processor.transform.Unsupported;
import dev.asyncfn.processor.validation.BodyValidator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeKind;
import javax.tools.Diagnostic;

/**
 * Lowers every {@code @Async} method to a poll-based state machine.
 *
 * <p>Round 1 generates each class's companion ({@code OuterAsync}) from the declarations alone.
 * State machines are generated from a later round on, when the companions exist and the bodies
 * that call them can be attributed; a method whose types are still erroneous is retried in the
 * next round and reported only if it never resolves. Per method: validate, analyse names, lower,
 * generate. Nothing ever escapes into javac: an unexpected failure is an error on the method.
 */
@AutoService(Processor.class)
public final class AsyncProcessor extends AbstractProcessor {
  private static final String ASYNC = "dev.asyncfn.Async";

  private Trees trees;
  private Reporter reporter;
  private Signatures signatures;
  private CompanionGenerator companions;
  private MachineGenerator machines;
  /** Methods whose companion exists and whose machine is still to generate, by owner. */
  private final Map<String, List<String>> pending = new LinkedHashMap<>();
  private final Set<String> companionsDone = new HashSet<>();

  @Override
  public synchronized void init(ProcessingEnvironment env) {
    super.init(env);
    trees = Trees.instance(env);
    reporter = new Reporter(trees, env.getMessager());
    signatures = new Signatures(env.getElementUtils(), env.getTypeUtils());
    companions = new CompanionGenerator(env.getFiler(), signatures, env.getTypeUtils());
    machines = new MachineGenerator(env.getFiler(), signatures);
  }

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return Set.of(ASYNC);
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    try {
      Map<String, List<String>> fresh = new LinkedHashMap<>();
      TypeElement async = processingEnv.getElementUtils().getTypeElement(ASYNC);
      if (async != null && !round.processingOver()) {
        collect(round.getElementsAnnotatedWith(async), fresh);
      }
      // machines of earlier rounds' companions: their bodies can now see every companion
      Map<String, List<String>> ready = new LinkedHashMap<>(pending);
      pending.clear();
      for (Map.Entry<String, List<String>> e : ready.entrySet()) {
        generateMachines(e.getKey(), e.getValue(), round.processingOver());
      }
      for (Map.Entry<String, List<String>> e : fresh.entrySet()) {
        pending.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).addAll(e.getValue());
      }
      if (round.processingOver() && !pending.isEmpty()) {
        Map<String, List<String>> last = new LinkedHashMap<>(pending);
        pending.clear();
        for (Map.Entry<String, List<String>> e : last.entrySet()) {
          generateMachines(e.getKey(), e.getValue(), true);
        }
      }
    } catch (Throwable t) {
      processingEnv
          .getMessager()
          .printMessage(
              Diagnostic.Kind.ERROR,
              "[asyncfn/InternalError] the asyncfn processor failed: this is a bug in asyncfn. "
                  + t);
    }
    return false;
  }

  private void collect(Set<? extends Element> annotated, Map<String, List<String>> fresh) {
    Map<TypeElement, List<ExecutableElement>> byOwner = new LinkedHashMap<>();
    for (Element e : annotated) {
      if (e.getKind() != ElementKind.METHOD) {
        continue;
      }
      ExecutableElement m = (ExecutableElement) e;
      TypeElement owner = (TypeElement) m.getEnclosingElement();
      if (!checkPlacement(m, owner)) {
        continue;
      }
      byOwner.computeIfAbsent(owner, k -> new ArrayList<>()).add(m);
    }
    for (Map.Entry<TypeElement, List<ExecutableElement>> e : byOwner.entrySet()) {
      TypeElement owner = e.getKey();
      String qn = owner.getQualifiedName().toString();
      if (!companionsDone.add(qn)) {
        continue;
      }
      try {
        List<AsyncMethod> methods = describe(owner);
        companions.generate(owner, methods, "self");
        List<String> keys = new ArrayList<>();
        for (AsyncMethod m : methods) {
          keys.add(key(m.method));
        }
        fresh.put(qn, keys);
        warnAwaitOutsideAsync(owner);
      } catch (RuntimeException ex) {
        reporter.internalError(e.getValue().get(0), ex);
      }
    }
  }

  private boolean checkPlacement(ExecutableElement m, TypeElement owner) {
    Set<Modifier> mods = m.getModifiers();
    if (mods.contains(Modifier.ABSTRACT) || mods.contains(Modifier.NATIVE)) {
      reporter.at(m, Message.UNSUPPORTED_METHOD, "an abstract or native method");
      return false;
    }
    if (owner.getKind() == ElementKind.ANNOTATION_TYPE) {
      reporter.at(m, Message.UNSUPPORTED_METHOD, "a method of an annotation type");
      return false;
    }
    if (mods.contains(Modifier.PRIVATE)) {
      reporter.at(
          m,
          Message.PRIVATE_MEMBER,
          "@Async method " + m.getSimpleName(),
          packageOf(owner));
      return false;
    }
    for (Element t = owner; t instanceof TypeElement; t = t.getEnclosingElement()) {
      if (t.getModifiers().contains(Modifier.PRIVATE)
          || ((TypeElement) t).getNestingKind() == NestingKind.LOCAL
          || ((TypeElement) t).getNestingKind() == NestingKind.ANONYMOUS) {
        reporter.at(m, Message.INACCESSIBLE_CLASS, owner.getQualifiedName());
        return false;
      }
    }
    if (owner.getNestingKind() == NestingKind.MEMBER
        && !owner.getModifiers().contains(Modifier.STATIC)
        && !Signatures.isStatic(m)) {
      // inner classes are fine as long as the body does not use the outer instance (Names checks)
      return true;
    }
    return true;
  }

  private List<AsyncMethod> describe(TypeElement owner) {
    String pkg = packageOf(owner);
    String companion = Names.nameInPackage(owner).replace('.', '_') + "Async";
    List<AsyncMethod> out = new ArrayList<>();
    Map<String, Integer> seen = new HashMap<>();
    for (Element e : owner.getEnclosedElements()) {
      if (e.getKind() != ElementKind.METHOD || !isAsync(e)) {
        continue;
      }
      ExecutableElement m = (ExecutableElement) e;
      if (m.getModifiers().contains(Modifier.ABSTRACT)
          || m.getModifiers().contains(Modifier.NATIVE)
          || m.getModifiers().contains(Modifier.PRIVATE)) {
        continue;
      }
      String name = m.getSimpleName().toString();
      int n = seen.merge(name, 1, Integer::sum);
      String machine = companion + "_" + name + (n == 1 ? "" : "_" + n);
      out.add(new AsyncMethod(owner, m, companion, machine, pkg));
    }
    return out;
  }

  private static boolean isAsync(Element e) {
    return e.getAnnotationMirrors().stream()
        .anyMatch(a -> a.getAnnotationType().toString().equals(ASYNC));
  }

  private String packageOf(TypeElement owner) {
    PackageElement p = processingEnv.getElementUtils().getPackageOf(owner);
    return p.isUnnamed() ? "" : p.getQualifiedName().toString();
  }

  private static String key(ExecutableElement m) {
    return m.getSimpleName() + m.getParameters().toString() + m.asType();
  }

  private void generateMachines(String ownerName, List<String> keys, boolean lastRound) {
    TypeElement owner = processingEnv.getElementUtils().getTypeElement(ownerName);
    if (owner == null) {
      return;
    }
    // per class, not per method: the owner's @Async names, whether it has an await member, and
    // the tree path of each method (Trees.getPath(Element) scans the compilation unit per call)
    List<AsyncMethod> all = describe(owner);
    Set<String> asyncNames = new HashSet<>();
    for (AsyncMethod other : all) {
      asyncNames.add(other.method.getSimpleName().toString());
    }
    boolean awaitMember = hasMember(owner, "await");
    Map<Element, TreePath> methodPaths = methodPaths(owner);
    for (AsyncMethod m : all) {
      if (!keys.contains(key(m.method))) {
        continue;
      }
      try {
        TreePath path = methodPaths.get(m.method);
        if (path == null) {
          path = trees.getPath(m.method);
        }
        if (!generateMachine(m, lastRound, path, asyncNames, awaitMember)) {
          pending.computeIfAbsent(ownerName, k -> new ArrayList<>()).add(key(m.method));
        }
      } catch (Throwable t) {
        reporter.internalError(m.method, t);
        stub(m);
      }
    }
  }

  private String self(AsyncMethod m) {
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

  /** Returns false to retry next round. */
  private boolean generateMachine(
      AsyncMethod m,
      boolean lastRound,
      TreePath path,
      Set<String> asyncNames,
      boolean awaitMember) {
    if (path == null) {
      reporter.at(m.method, Message.UNSUPPORTED_METHOD, "a method without source");
      return true;
    }
    MethodTree tree = (MethodTree) path.getLeaf();
    CompilationUnitTree unit = path.getCompilationUnit();
    SourceText src = new SourceText(trees, unit);
    Awaits awaits = new Awaits(unit, awaitMember);
    awaits.index(tree.getBody());
    String self = self(m);
    TypeScope scope = new TypeScope(processingEnv.getElementUtils(), m.owner, unit);
    Names names =
        new Names(
            processingEnv.getElementUtils(),
            m.owner,
            !Signatures.isStatic(m.method),
            self,
            scope);
    names.resolve(tree);
    BodyValidator validator = new BodyValidator(reporter);
    if (!validator.validate(tree, unit, awaits, names, m.owner, m.packageName, asyncNames)) {
      stub(m);
      return true;
    }
    Set<String> reserved = new HashSet<>(Lowering.parameterNames(m.method));
    reserved.add(self);
    String resultType =
        m.method.getReturnType().getKind() == TypeKind.VOID
            ? "java.lang.Void"
            : m.method.getReturnType().toString();
    MachineModel model;
    try {
      model =
          new Lowering(
                  trees,
                  processingEnv.getTypeUtils(),
                  src,
                  awaits,
                  names,
                  scope,
                  tree,
                  m.method,
                  resultType,
                  topLevel(m.owner),
                  reserved)
              .lower();
    } catch (Deferred d) {
      if (!lastRound) {
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
    // JavaPoet must not import a type under a simple name the user's text means otherwise
    Set<String> singleImported = new HashSet<>();
    Set<String> qualify = new HashSet<>();
    List<String> imports = new ArrayList<>();
    for (ImportTree imp : unit.getImports()) {
      imports.add(src.of(imp).trim());
      String q = imp.getQualifiedIdentifier().toString();
      String simple = q.substring(q.lastIndexOf('.') + 1);
      if (!imp.isStatic() && !simple.equals("*")) {
        singleImported.add(simple);
      }
    }
    for (String name : names.allNames) {
      boolean javaLang =
          processingEnv.getElementUtils().getTypeElement("java.lang." + name) != null
              && processingEnv
                      .getElementUtils()
                      .getTypeElement(m.packageName.isEmpty() ? name : m.packageName + "." + name)
                  == null;
      if (!singleImported.contains(name) && !javaLang) {
        qualify.add(name);
      }
    }
    machines.generate(m, self, model, qualify, imports);
    return true;
  }

  private static String topLevel(TypeElement type) {
    Element e = type;
    while (e.getEnclosingElement() instanceof TypeElement) {
      e = e.getEnclosingElement();
    }
    return e.getSimpleName().toString();
  }

  private boolean hasMember(TypeElement owner, String name) {
    for (Element e : processingEnv.getElementUtils().getAllMembers(owner)) {
      if (e.getKind() == ElementKind.METHOD && e.getSimpleName().contentEquals(name)) {
        return true;
      }
    }
    return false;
  }

  /** Warns about awaits in non-@Async methods of a class that has @Async methods. */
  private void warnAwaitOutsideAsync(TypeElement owner) {
    TreePath path = trees.getPath(owner);
    if (path == null) {
      return;
    }
    CompilationUnitTree unit = path.getCompilationUnit();
    Awaits awaits = new Awaits(unit, hasMember(owner, "await"));
    for (Tree member : ((ClassTree) path.getLeaf()).getMembers()) {
      if (!(member instanceof MethodTree)) {
        continue;
      }
      MethodTree mt = (MethodTree) member;
      Element e = trees.getElement(new TreePath(path, mt));
      if (e == null || isAsync(e) || mt.getBody() == null) {
        continue;
      }
      new TreeScanner<Void, Void>() {
        @Override
        public Void visitMethodInvocation(MethodInvocationTree node, Void unused) {
          if (awaits.isAwait(node)) {
            reporter.at(node, unit, Message.AWAIT_OUTSIDE_ASYNC);
          }
          return super.visitMethodInvocation(node, null);
        }
      }.scan(mt.getBody(), null);
    }
  }
}
