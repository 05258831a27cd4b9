/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

/**
 * Prints what the lowering built, with JavaPoet: the companion ({@code OuterAsync}, its factories
 * from the declarations alone), the state machine of each method (or a stub that only fails, for
 * a method with errors), and the imports they need ({@link
 * dev.asyncfn.processor.codegen.ImportPlan}). Output is deterministic: the same input gives the
 * same bytes.
 */
package dev.asyncfn.processor.codegen;
