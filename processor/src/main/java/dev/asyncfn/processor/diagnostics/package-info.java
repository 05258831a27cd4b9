/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

/**
 * Every diagnostic of the processor: one catalog ({@link dev.asyncfn.processor.diagnostics.Message},
 * a stable code, a kind, a template saying what is wrong and what to do) and the only class that
 * prints ({@link dev.asyncfn.processor.diagnostics.Reporter}), at the exact tree where one is
 * known.
 */
package dev.asyncfn.processor.diagnostics;
