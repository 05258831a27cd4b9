/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

/**
 * The processing steps of a round. {@link dev.asyncfn.processor.step.CompanionStep} generates each
 * class's companion from the declarations alone; {@link dev.asyncfn.processor.step.MachineStep}
 * generates each method's state machine in a later round, when every companion exists, running
 * validate → analyse → lower → generate.
 *
 * <p>Invariants: a method with an error gets every error reported and a stub machine (so that its
 * companion compiles), never a half-generated machine; a method whose types are not known yet is
 * retried next round and reported only in the last; an unexpected exception is reported as {@code
 * InternalError} on the method and never escapes into javac.
 */
package dev.asyncfn.processor.step;
