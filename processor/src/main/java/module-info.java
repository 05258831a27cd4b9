/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

/**
 * The asyncfn annotation processor, which lowers {@code @Async} methods to state machines. It
 * exports nothing: javac finds it as a service, on the processor path (through {@code
 * META-INF/services}) or on the processor module path (through {@code provides}).
 *
 * <p>JavaPoet and auto-service's annotations have no descriptor: they are automatic modules, named
 * by the {@code Automatic-Module-Name} of their manifests, stable names their projects chose.
 * auto-service's annotation is read at compile time only.
 */
@SuppressWarnings("requires-automatic")
module dev.asyncfn.processor {
  requires java.compiler;
  requires jdk.compiler;
  requires com.palantir.javapoet;
  requires static com.google.auto.service;

  provides javax.annotation.processing.Processor with
      dev.asyncfn.processor.AsyncProcessor;
}
