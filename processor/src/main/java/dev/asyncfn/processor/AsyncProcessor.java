package dev.asyncfn.processor;

import com.google.auto.service.AutoService;
import com.sun.source.util.Trees;
import dev.asyncfn.processor.codegen.CompanionGenerator;
import dev.asyncfn.processor.codegen.MachineGenerator;
import dev.asyncfn.processor.codegen.Signatures;
import dev.asyncfn.processor.diagnostics.Reporter;
import dev.asyncfn.processor.step.CompanionStep;
import dev.asyncfn.processor.step.MachineStep;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;

/**
 * Lowers every {@code @Async} method to a poll-based state machine.
 *
 * <p>Round 1 generates each class's companion ({@code OuterAsync}) from the declarations alone
 * ({@link CompanionStep}). State machines are generated from a later round on ({@link
 * MachineStep}), when the companions exist and the bodies that call them can be attributed; a
 * method whose types are still erroneous is retried in the next round and reported only if it
 * never resolves. Nothing ever escapes into javac: an unexpected failure is an error.
 */
@AutoService(Processor.class)
public final class AsyncProcessor extends AbstractProcessor {
  private static final String ASYNC = "dev.asyncfn.Async";

  private Reporter reporter;
  private CompanionStep companions;
  private MachineStep machines;
  /** Methods whose companion exists and whose machine is still to generate, by owner. */
  private final Map<String, List<String>> pending = new LinkedHashMap<>();

  @Override
  public synchronized void init(ProcessingEnvironment env) {
    super.init(env);
    Trees trees = Trees.instance(env);
    reporter = new Reporter(trees, env.getMessager());
    Signatures signatures = new Signatures(env.getElementUtils(), env.getTypeUtils());
    companions =
        new CompanionStep(
            env.getElementUtils(),
            trees,
            reporter,
            new CompanionGenerator(env.getFiler(), signatures, env.getTypeUtils()));
    machines =
        new MachineStep(
            env.getElementUtils(),
            env.getTypeUtils(),
            trees,
            reporter,
            new MachineGenerator(env.getFiler(), signatures));
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
      Map<String, List<String>> fresh = Map.of();
      TypeElement async = processingEnv.getElementUtils().getTypeElement(ASYNC);
      if (async != null && !round.processingOver()) {
        fresh = companions.process(round.getElementsAnnotatedWith(async));
      }
      // machines of earlier rounds' companions: their bodies can now see every companion
      generate(round.processingOver());
      for (Map.Entry<String, List<String>> e : fresh.entrySet()) {
        pending.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).addAll(e.getValue());
      }
      if (round.processingOver() && !pending.isEmpty()) {
        generate(true);
      }
    } catch (Throwable t) {
      reporter.internalError(t);
    }
    return false;
  }

  private void generate(boolean lastRound) {
    Map<String, List<String>> ready = new LinkedHashMap<>(pending);
    pending.clear();
    for (Map.Entry<String, List<String>> e : ready.entrySet()) {
      List<String> retry = machines.process(e.getKey(), e.getValue(), lastRound);
      if (!retry.isEmpty()) {
        pending.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).addAll(retry);
      }
    }
  }
}
