/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.processor.step;

import com.sun.source.util.Trees;
import dev.asyncfn.processor.codegen.CompanionGenerator;
import dev.asyncfn.processor.diagnostics.Message;
import dev.asyncfn.processor.diagnostics.Reporter;
import dev.asyncfn.processor.model.AsyncMethod;
import dev.asyncfn.processor.validation.AwaitOutsideAsyncChecker;
import dev.asyncfn.processor.validation.PlacementValidator;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/**
 * The first step for each class with {@code @Async} methods: checks where {@code @Async} is, and
 * generates the companion from the declarations alone, so that every body of the next round can
 * call any class's companion.
 */
public final class CompanionStep {
  private final Elements elements;
  private final Trees trees;
  private final Reporter reporter;
  private final CompanionGenerator companions;
  private final PlacementValidator placement;
  private final AwaitOutsideAsyncChecker awaitOutsideAsync;
  private final Set<String> done = new HashSet<>();

  public CompanionStep(
      Elements elements, Trees trees, Reporter reporter, CompanionGenerator companions) {
    this.elements = elements;
    this.trees = trees;
    this.reporter = reporter;
    this.companions = companions;
    this.placement = new PlacementValidator(reporter);
    this.awaitOutsideAsync = new AwaitOutsideAsyncChecker(trees, reporter);
  }

  /**
   * Whether a type the processor would generate for {@code owner} exists already (a user class
   * named like the companion, {@code MAsync} beside {@code M}): reported at the class, instead of
   * javac's "Attempt to recreate a file" when the companion is written.
   */
  private boolean nameTaken(TypeElement owner, List<AsyncMethod> methods) {
    AsyncMethod first = methods.get(0);
    List<String> generated = new ArrayList<>();
    generated.add(first.companion);
    for (AsyncMethod m : methods) {
      generated.add(m.machine);
    }
    for (String name : generated) {
      String qualified = first.packageName.isEmpty() ? name : first.packageName + "." + name;
      TypeElement existing = elements.getTypeElement(qualified);
      // a class file of that name is the output of an earlier build; a source is the user's own
      if (existing != null && trees.getPath(existing) != null) {
        reporter.at(
            owner,
            Message.GENERATED_NAME_TAKEN,
            name,
            owner.getQualifiedName(),
            first.packageName.isEmpty() ? "(the unnamed package)" : first.packageName);
        return true;
      }
    }
    return false;
  }

  /**
   * Generates the companion of each class of {@code annotated} not seen before; returns the keys
   * of the methods whose machines are to be generated, by class.
   */
  public Map<String, List<String>> process(Set<? extends Element> annotated) {
    Map<TypeElement, List<ExecutableElement>> byOwner = new LinkedHashMap<>();
    for (Element e : annotated) {
      if (e.getKind() != ElementKind.METHOD) {
        continue;
      }
      ExecutableElement m = (ExecutableElement) e;
      TypeElement owner = (TypeElement) m.getEnclosingElement();
      if (placement.validate(m)) {
        byOwner.computeIfAbsent(owner, k -> new ArrayList<>()).add(m);
      }
    }
    Map<String, List<String>> fresh = new LinkedHashMap<>();
    for (Map.Entry<TypeElement, List<ExecutableElement>> e : byOwner.entrySet()) {
      TypeElement owner = e.getKey();
      String qn = owner.getQualifiedName().toString();
      if (!done.add(qn)) {
        continue;
      }
      try {
        List<AsyncMethod> methods = AsyncMethods.of(owner, elements);
        if (methods.isEmpty() || nameTaken(owner, methods)) {
          continue;
        }
        companions.generate(owner, methods, "self");
        List<String> keys = new ArrayList<>();
        for (AsyncMethod m : methods) {
          keys.add(AsyncMethods.key(m.method));
        }
        fresh.put(qn, keys);
        awaitOutsideAsync.check(
            owner, AsyncMethods.hasMethod(owner, "await", elements), AsyncMethods::isAsync);
      } catch (RuntimeException ex) {
        reporter.internalError(e.getValue().get(0), ex);
      }
    }
    return fresh;
  }
}
