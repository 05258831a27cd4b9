/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

/**
 * One validator per question, each reporting every problem it finds at the exact tree through the
 * {@link dev.asyncfn.processor.diagnostics.Reporter}: where {@code @Async} is ({@link
 * dev.asyncfn.processor.validation.PlacementValidator}), where awaits are ({@link
 * dev.asyncfn.processor.validation.AwaitPlacementValidator}), which members the machine can reach
 * ({@link dev.asyncfn.processor.validation.MemberAccessValidator}), and the warnings about blocking
 * calls and awaits outside {@code @Async} methods.
 */
package dev.asyncfn.processor.validation;
