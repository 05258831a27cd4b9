/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.processor;

import com.google.auto.service.AutoService;
import com.sun.source.util.Trees;
import dev.asyncfn.processor.analysis.TypeNames;
import dev.asyncfn.processor.codegen.CompanionGenerator;
import dev.asyncfn.processor.codegen.MachineGenerator;
import dev.asyncfn.processor.codegen.Signatures;
import dev.asyncfn.processor.diagnostics.Reporter;
import dev.asyncfn.processor.step.AsyncMethods;
import dev.asyncfn.processor.step.CompanionStep;
import dev.asyncfn.processor.step.MachineStep;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.Filer;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;

/**
 * Lowers every {@code @Async} method to a poll-based state machine.
 *
 * <p>Round 1 generates each class's companion ({@code OuterAsync}) from the declarations alone
 * ({@link CompanionStep}). The state machines ({@link MachineStep}) come in the same round when no
 * body names a companion or anything else not declared yet, which saves javac a round (each one
 * enters every compilation unit again); otherwise all of them come in the next round, when the
 * companions exist and the bodies that call them can be attributed.
 *
 * <p>A body that names something nothing declares, or whose types are still erroneous, is retried
 * in the next round only while there will be one and something may still be generated: another
 * processor's types are among this round's, or this round generated files (another processor may
 * answer them). Otherwise the method gets its stub machine in this round rather than in the last
 * one: a file created in the last round makes javac warn ("will not be subject to annotation
 * processing"), and under {@code -Xlint:all -Werror} that warning stops the build before javac
 * reports the body's own error on the user's line. Nothing ever escapes into javac: an unexpected
 * failure is an error.
 */
@AutoService(Processor.class)
public final class AsyncProcessor extends AbstractProcessor {
  private static final String GENERATED = "javax.annotation.processing.Generated";

  private Reporter reporter;
  private CompanionStep companions;
  private MachineStep machines;
  private TypeNames typeNames;
  /** Methods whose companion exists and whose machine is still to generate, by owner. */
  private final Map<String, List<String>> pending = new LinkedHashMap<>();
  /** The qualified names of the types this processor generated. */
  private final Set<String> ours = new HashSet<>();

  @Override
  public synchronized void init(ProcessingEnvironment env) {
    super.init(env);
    Trees trees = Trees.instance(env);
    Filer filer = new OwnFiles(env.getFiler(), ours);
    reporter = new Reporter(trees, env.getMessager());
    Signatures signatures = new Signatures(env.getElementUtils(), env.getTypeUtils());
    typeNames = new TypeNames(env.getElementUtils());
    companions =
        new CompanionStep(
            env.getElementUtils(),
            trees,
            reporter,
            new CompanionGenerator(filer, typeNames, signatures, env.getTypeUtils()));
    machines =
        new MachineStep(
            env.getElementUtils(),
            env.getTypeUtils(),
            trees,
            reporter,
            typeNames,
            new MachineGenerator(filer, env.getElementUtils(), typeNames, signatures));
  }

  /**
   * {@code @Async} and the test annotations of {@code asyncfn-junit}, processed like it (see {@link
   * AsyncMethods#ANNOTATIONS}), and the {@code @Generated} of the files this processor writes:
   * claiming them (when every {@code @Generated} of the round is ours) keeps a {@code -Xlint:all
   * -Werror} build clean of "No processor claimed any of these annotations".
   */
  @Override
  public Set<String> getSupportedAnnotationTypes() {
    Set<String> types = new LinkedHashSet<>(AsyncMethods.ANNOTATIONS);
    types.add(GENERATED);
    return types;
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    try {
      typeNames.newRound();
      machines.newRound();
      boolean last = round.processingOver();
      Map<String, List<String>> fresh = Map.of();
      // the types generated before this round: what this round writes is the rest
      Set<String> before = Set.copyOf(ours);
      if (!last) {
        Set<Element> annotated = new LinkedHashSet<>();
        for (String name : AsyncMethods.ANNOTATIONS) {
          TypeElement async = processingEnv.getElementUtils().getTypeElement(name);
          if (async != null) {
            annotated.addAll(round.getElementsAnnotatedWith(async));
          }
        }
        fresh = companions.process(annotated);
      }
      // machines of earlier rounds' companions: their bodies can now see every companion
      Map<String, List<String>> ready = new LinkedHashMap<>(pending);
      pending.clear();
      if (resolvableNow(fresh, before)) {
        // and this round's, when no body needs a later round: one round fewer for javac
        add(ready, fresh);
        fresh = Map.of();
      }
      Map<String, List<String>> retry = generate(ready, !last);
      if (!retry.isEmpty()) {
        if (!last && (ours.size() > before.size() || othersGenerating(round))) {
          add(pending, retry);
        } else {
          // nothing more will come: the stubs now, so that the last round creates no file
          generate(retry, false);
        }
      }
      add(pending, fresh);
      if (last) {
        machines.recheck();
      }
    } catch (Throwable t) {
      reporter.internalError(t);
    }
    return onlyOurs(round);
  }

  /**
   * Whether another processor generated some of this round's types (in the previous round): it
   * may still be generating what a body lacks.
   */
  private boolean othersGenerating(RoundEnvironment round) {
    for (Element e : round.getRootElements()) {
      if (e instanceof TypeElement
          && !ours.contains(((TypeElement) e).getQualifiedName().toString())) {
        return true;
      }
    }
    return false;
  }

  /** Whether every element of the round annotated {@code @Generated} was generated by us. */
  private boolean onlyOurs(RoundEnvironment round) {
    TypeElement generated = processingEnv.getElementUtils().getTypeElement(GENERATED);
    if (generated == null) {
      return true;
    }
    for (Element e : round.getElementsAnnotatedWith(generated)) {
      for (AnnotationMirror a : e.getAnnotationMirrors()) {
        if (a.getAnnotationType().asElement().equals(generated)
            && !a.getElementValues().values().toString().contains(AsyncProcessor.class.getName())) {
          return false;
        }
      }
    }
    return true;
  }

  /**
   * Whether every body of {@code fresh}, whose companions this round wrote, can be lowered in this
   * round already: none names a type written this round (javac enters it in the next round) or
   * anything else not declared yet. Else all of them wait for the next round, as when a body calls
   * a companion: then that round writes machines, so that one still missing another processor's
   * type there can wait for one more round (see the class comment).
   */
  private boolean resolvableNow(Map<String, List<String>> fresh, Set<String> before) {
    Set<String> unentered = new HashSet<>();
    for (String name : ours) {
      if (!before.contains(name)) {
        unentered.add(name.substring(name.lastIndexOf('.') + 1));
      }
    }
    for (Map.Entry<String, List<String>> e : fresh.entrySet()) {
      if (!machines.resolvableNow(e.getKey(), e.getValue(), unentered)) {
        return false;
      }
    }
    return true;
  }

  /** Generates the machines of {@code ready}; returns those to retry in a later round. */
  private Map<String, List<String>> generate(Map<String, List<String>> ready, boolean mayRetry) {
    Map<String, List<String>> retry = new LinkedHashMap<>();
    for (Map.Entry<String, List<String>> e : ready.entrySet()) {
      List<String> again = machines.process(e.getKey(), e.getValue(), mayRetry);
      if (!again.isEmpty()) {
        retry.put(e.getKey(), again);
      }
    }
    return retry;
  }

  private static void add(Map<String, List<String>> to, Map<String, List<String>> from) {
    for (Map.Entry<String, List<String>> e : from.entrySet()) {
      to.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).addAll(e.getValue());
    }
  }
}
