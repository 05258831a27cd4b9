/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.runtime.combinator;

/**
 * The outputs of {@code Futures.join} or {@code Futures.tryJoin} of 2 futures, in argument
 * order: Rust's {@code (a, b)} tuple from {@code join!}.
 *
 * <h2>Example</h2>
 *
 * <pre>{@code
 * Join2<String, Integer> r = await(Futures.tryJoin(f1, f2));
 * use(r.first(), r.second());
 * }</pre>
 *
 * <h2>Thread safety</h2>
 *
 * Immutable (the outputs themselves are whatever the futures produced). Outputs may be {@code
 * null}, e.g. for {@code Future<Void>}.
 *
 * @param <A> the output type of the first future
 * @param <B> the output type of the second future
 * @param first the output of the first future
 * @param second the output of the second future
 */
public record Join2<A, B>(A first, B second) {}
