/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

/**
 * Questions about an {@code @Async} body answered without attribution (javac has not typed method
 * bodies while processors run): which calls are suspension points ({@link
 * dev.asyncfn.processor.analysis.Awaits}), what every name means ({@link
 * dev.asyncfn.processor.analysis.NameResolver} → {@link dev.asyncfn.processor.analysis.BodyNames},
 * with the enclosing classes' members from {@link dev.asyncfn.processor.analysis.EnclosingClasses}),
 * which types and static members the unit's scope names ({@link
 * dev.asyncfn.processor.analysis.TypeScope}), which statements can complete ({@link
 * dev.asyncfn.processor.analysis.Completion}), and the source text and positions ({@link
 * dev.asyncfn.processor.analysis.SourceText}).
 *
 * <p>Invariants: results are immutable once built; nothing here reports a diagnostic or writes
 * code.
 */
package dev.asyncfn.processor.analysis;
