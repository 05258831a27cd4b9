/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

/**
 * What {@link dev.asyncfn.runtime.Futures}' combinators produce: the outputs of {@code join} and
 * {@code tryJoin} ({@link dev.asyncfn.runtime.combinator.Join2} ... {@link
 * dev.asyncfn.runtime.combinator.Join5}), of {@code select} ({@link
 * dev.asyncfn.runtime.combinator.Selected2} ... {@link dev.asyncfn.runtime.combinator.Selected5}),
 * and {@link dev.asyncfn.runtime.combinator.Completions}, the set of futures taken in completion
 * order that {@code Futures.unordered} returns (futures-rs's {@code FuturesUnordered}).
 *
 * <p>The futures that compute them are internal ({@code dev.asyncfn.runtime.internal.combinator},
 * whose package documentation lists the invariants every combinator keeps): create them through
 * {@code Futures}.
 */
package dev.asyncfn.runtime.combinator;
