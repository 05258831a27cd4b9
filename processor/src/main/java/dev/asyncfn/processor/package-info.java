/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

/**
 * The asyncfn annotation processor: turns each {@code @Async} method into a poll-based state
 * machine, using only public compiler APIs ({@code javax.annotation.processing}, {@code
 * javax.lang.model}, {@code com.sun.source}).
 *
 * <p>The pipeline, per method, and the package of each stage:
 *
 * <pre>
 *  AsyncProcessor ── rounds ──► step         CompanionStep (round 1), MachineStep (later rounds)
 *                                 │
 *       validate ◄────────────────┤           validation   one validator per question
 *       analyse  ◄────────────────┤           analysis     names, types in scope, awaits (immutable)
 *       lower    ◄────────────────┤           transform    states, exits, expressions → model
 *       generate ◄────────────────┘           codegen      JavaPoet: companion, machine, imports
 *  (model: what the stages hand on; diagnostics: the only place that prints)
 * </pre>
 *
 * Dependencies point one way: step → validation, analysis, transform, codegen; transform →
 * analysis, model; codegen → model. Only {@code diagnostics.Reporter} talks to the {@code
 * Messager}; only {@code AsyncProcessor} sees the {@code RoundEnvironment}.
 */
package dev.asyncfn.processor;
