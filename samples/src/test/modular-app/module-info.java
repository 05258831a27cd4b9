/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

/**
 * A small modular application built with asyncfn: compiled and run on the module path by
 * ModularAppTest, against the built jars.
 */
module hello.app {
  requires dev.asyncfn.runtime;
  // @Async is read by the processor at compile time only.
  requires static dev.asyncfn.annotations;
  // The generated classes carry @javax.annotation.processing.Generated (source retention).
  requires static java.compiler;
}
